package org.vigia.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.messaging.Address;

/**
 * What the simulated people did, as the simulator saw it (never read from the engine): the reports they sent
 * (their exact place identifies them among an incident's positions), the prompts observers received, and where
 * observers went and what they answered. The figures compare it with what the engine made of it.
 */
final class Ledger {

	/** A report a resident sent (pressed "send" on), of {@code scene}, placed at {@code point}. */
	record Sent(Scene scene, GeoPoint point, Instant at) {
	}

	/** An observer's verdict: who, when pressed, how long their trip to the scene took, what they said. */
	record Answered(Address observer, Instant at, Duration travel, VerdictKind said, boolean infiltrator) {
	}

	private final List<Scene> scenes = new ArrayList<>();

	private final List<Sent> sent = new ArrayList<>();

	private final Map<GeoPoint, Sent> byPoint = new HashMap<>();

	private final List<Answered> answers = new ArrayList<>();

	private final Map<Address, Integer> asked = new HashMap<>();

	void scene(Scene scene) {
		scenes.add(scene);
	}

	void sent(Sent report) {
		sent.add(report);
		byPoint.put(report.point(), report);
	}

	void asked(Address observer) {
		asked.merge(observer, 1, Integer::sum);
	}

	void answered(Answered answer) {
		answers.add(answer);
	}

	List<Scene> scenes() {
		return List.copyOf(scenes);
	}

	List<Sent> sent() {
		return List.copyOf(sent);
	}

	/** The report sent from exactly this point, if a simulated person sent one. */
	Sent at(GeoPoint point) {
		return byPoint.get(point);
	}

	List<Answered> answers() {
		return List.copyOf(answers);
	}

	/** "Can you go and check?" prompts received, by observer. */
	Map<Address, Integer> asked() {
		return Map.copyOf(asked);
	}

}
