package org.vigia.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.messaging.Address;

/**
 * What a simulated day shows of Vigía's three promises, from the engine's incidents (read back from its Redis)
 * set against what the simulator knows happened ({@link Ledger}): no false alert; real scenes alerted (all of
 * them, and those with an observer within 3 km); fast (first report to alert, next to the observers' travel).
 * For each real scene that was not alerted, why not ({@link Miss}: the first reason that fits, read from what the
 * engine did with its incidents), counted in all and among those with an observer within 3 km. Also the invariants the CI test asserts, each as a list of the offending cases.
 *
 * @param options the run's options
 * @param values the figures by name, in the order of the table
 * @param timeline reports sent, incidents opened and alerts posted per 10 minutes of the day
 * @param alertsWithoutConfirmation alerted incidents without a single observer's "ICE confirmed"
 * @param mergedAcrossScenes incidents holding reports of two scenes 2 km apart or more
 * @param missedWithTwoNearby real scenes with two honest observers on duty within 3 km that were never alerted
 */
record Figures(CityOptions options, Map<String, Object> values, List<int[]> timeline,
		List<String> alertsWithoutConfirmation, List<String> mergedAcrossScenes, List<Integer> missedWithTwoNearby) {

	static final Duration BUCKET = Duration.ofMinutes(10);

	static final String EDITS = "prompt edits";

	static Figures of(CityOptions options, Ledger ledger, List<Incident> incidents, SimulatedMessenger messenger,
			List<Watcher> watchers, Instant start, Instant end, Function<org.vigia.core.observer.ObserverId, Optional<Address>> whoIs) {
		// which scene each incident's reports come from
		Map<Incident, List<Ledger.Sent>> members = new LinkedHashMap<>();
		Map<Scene, Set<Incident>> placedIn = new HashMap<>();
		int unmatched = 0;
		for (Incident incident : incidents) {
			var sent = new ArrayList<Ledger.Sent>();
			for (GeoPoint point : incident.members()) {
				Ledger.Sent s = ledger.at(point);
				if (s == null) {
					unmatched++;
					continue;
				}
				sent.add(s);
				placedIn.computeIfAbsent(s.scene(), k -> new HashSet<>()).add(incident);
			}
			members.put(incident, sent);
		}
		Map<Incident, Scene> origin = new HashMap<>();
		members.forEach((incident, sent) -> majority(sent).ifPresent(scene -> origin.put(incident, scene)));

		var values = new LinkedHashMap<String, Object>();
		var alertsWithoutConfirmation = new ArrayList<String>();
		var mergedAcross = new ArrayList<String>();
		Map<Scene, Instant> alertedAt = new HashMap<>();
		Map<Scene, Duration> travelOf = new HashMap<>();
		Map<Scene, Instant> enoughWentAt = new HashMap<>();
		int quorum = options.settings().quorum().observers();
		int falseAlerts = 0;
		var falseByTruth = new LinkedHashMap<String, Integer>();
		List<Instant> alertTimes = new ArrayList<>();
		for (Incident incident : incidents) {
			Optional<Instant> alert = alertTime(incident);
			Scene scene = origin.get(incident);
			if (alert.isPresent()) {
				alertTimes.add(alert.get());
				if (incident.verdicts().stream().noneMatch(v -> v.kind() == VerdictKind.ICE_CONFIRMED)) {
					alertsWithoutConfirmation.add(incident.id().value());
				}
				if (scene == null || scene.truth() != Scene.Truth.ICE) {
					falseAlerts++;
					falseByTruth.merge(scene == null ? "unknown" : scene.truth().name().toLowerCase(), 1, Integer::sum);
				}
				else if (!alertedAt.containsKey(scene) || alert.get().isBefore(alertedAt.get(scene))) {
					alertedAt.put(scene, alert.get());
					quorumTravel(incident, ledger, whoIs).ifPresent(t -> travelOf.put(scene, t));
					enoughWentAt.remove(scene);
					enoughWent(incident, quorum).ifPresent(t -> enoughWentAt.put(scene, t));
				}
			}
			var honest = members.get(incident).stream().map(Ledger.Sent::scene).filter(s -> s.truth().honest()).distinct()
				.toList();
			for (int i = 0; i < honest.size(); i++) {
				for (int j = i + 1; j < honest.size(); j++) {
					if (honest.get(i).place().metersTo(honest.get(j).place()) >= 2_000) {
						mergedAcross.add(incident.id().value());
					}
				}
			}
		}

		// real scenes: alerted, how fast, and who was near
		Map<Scene, Instant> firstReport = new HashMap<>();
		for (Ledger.Sent s : ledger.sent()) {
			firstReport.merge(s.scene(), s.at(), (a, b) -> a.isBefore(b) ? a : b);
		}
		var honestWatchers = watchers.stream().filter(w -> !w.infiltrator()).toList();
		int ice = 0, iceNear = 0, alerted = 0, alertedNear = 0;
		var missedWithTwo = new ArrayList<Integer>();
		Map<Miss, int[]> misses = new java.util.EnumMap<>(Miss.class);
		for (Miss m : Miss.values()) {
			misses.put(m, new int[2]);
		}
		var delays = new ArrayList<Long>();
		var toEnoughWent = new ArrayList<Long>();
		var travels = new ArrayList<Long>();
		for (Scene scene : ledger.scenes()) {
			if (scene.truth() != Scene.Truth.ICE) {
				continue;
			}
			ice++;
			long near = honestWatchers.stream().filter(w -> w.home().metersTo(scene.place()) <= 3_000).count();
			boolean wasAlerted = alertedAt.containsKey(scene);
			if (near >= 1) {
				iceNear++;
				alertedNear += wasAlerted ? 1 : 0;
			}
			if (near >= 2 && !wasAlerted) {
				missedWithTwo.add(scene.number());
			}
			if (!wasAlerted) {
				int[] count = misses.get(Miss.of(scene, placedIn.getOrDefault(scene, Set.of()), quorum));
				count[0]++;
				count[1] += near >= 1 ? 1 : 0;
			}
			if (wasAlerted) {
				alerted++;
				if (firstReport.containsKey(scene)) {
					delays.add(Duration.between(firstReport.get(scene), alertedAt.get(scene)).toSeconds());
					if (enoughWentAt.containsKey(scene)) {
						toEnoughWent.add(Duration.between(firstReport.get(scene), enoughWentAt.get(scene)).toSeconds());
					}
				}
				if (travelOf.containsKey(scene)) {
					travels.add(travelOf.get(scene).toSeconds());
				}
			}
		}

		// reports merged into another scene's incident, and scenes split into several incidents
		int wrongMerges = 0;
		for (var e : members.entrySet()) {
			Scene o = origin.get(e.getKey());
			for (Ledger.Sent s : e.getValue()) {
				if (s.scene().truth().honest() && o != null && !o.equals(s.scene())) {
					wrongMerges++;
				}
			}
		}
		long split = placedIn.entrySet().stream().filter(e -> e.getKey().truth().honest() && e.getValue().size() > 1)
			.count();

		var asked = ledger.asked();
		var prompts = honestWatchers.stream().map(w -> asked.getOrDefault(w.address(), 0)).sorted().toList();
		long honestSent = ledger.sent().stream().filter(s -> s.scene().truth().honest()).count();
		long floodSent = ledger.sent().stream().filter(s -> s.scene().truth() == Scene.Truth.FLOOD).count();
		long floodPlaced = members.values().stream().flatMap(List::stream)
			.filter(s -> s.scene().truth() == Scene.Truth.FLOOD).count();

		values.put("false alerts", falseAlerts);
		values.put("false alerts by what it was", falseByTruth.isEmpty() ? "-" : falseByTruth.toString());
		values.put("real scenes", ice);
		values.put("real scenes alerted", alerted + " (" + percent(alerted, ice) + ")");
		values.put("with an observer within 3 km", iceNear);
		values.put("of those alerted", alertedNear + " (" + percent(alertedNear, iceNear) + ")");
		misses.forEach((miss, count) -> values.put("not alerted: " + miss.label,
				count[0] + " (" + count[1] + " within 3 km)"));
		values.put("first report to alert, median", minutes(percentile(delays, 50)));
		values.put("first report to alert, p90", minutes(percentile(delays, 90)));
		values.put("first report to a quorum of \"I'm going\", median", minutes(percentile(toEnoughWent, 50)));
		values.put("quorum observer's travel, median", minutes(percentile(travels, 50)));
		values.put("quorum observer's travel, p90", minutes(percentile(travels, 90)));
		values.put("incidents", incidents.size());
		values.put("reports merged into another scene's incident", wrongMerges);
		values.put("scenes split into several incidents", split);
		values.put("honest reports sent", honestSent);
		values.put("flood reports sent / accepted", floodSent + " / " + floodPlaced);
		values.put("observer prompts per observer, mean", String.format(java.util.Locale.ROOT, "%.1f",
				prompts.stream().mapToInt(Integer::intValue).average().orElse(0)));
		values.put("observer prompts per observer, p90 / max",
				percentile(prompts.stream().map(Integer::longValue).toList(), 90) + " / "
						+ (prompts.isEmpty() ? 0 : prompts.get(prompts.size() - 1)));
		values.put("messages sent", messenger.sent());
		values.put(EDITS, messenger.edits());
		values.put("channel posts", messenger.groupPosts().stream().filter(p -> !p.edit() && !p.text().isEmpty()).count());
		values.put("positions not traced to a simulated report", unmatched);

		return new Figures(options, values, timeline(ledger, incidents, alertTimes, start, end),
				List.copyOf(alertsWithoutConfirmation), List.copyOf(mergedAcross), List.copyOf(missedWithTwo));
	}

	/** When the alert went out: the incident was published (or confirmed, if publishing had not ended). */
	static Optional<Instant> alertTime(Incident incident) {
		Instant confirmed = null;
		for (IncidentEvent e : incident.history()) {
			if (e.to() == IncidentState.PUBLISHED && e.from() != IncidentState.PUBLISHED) {
				return Optional.of(e.at());
			}
			if (e.to() == IncidentState.CONFIRMED && confirmed == null) {
				confirmed = e.at();
			}
		}
		return Optional.ofNullable(confirmed);
	}

	/** When the {@code quorum}-th observer said "I'm going" to an incident (from its history). */
	private static Optional<Instant> enoughWent(Incident incident, int quorum) {
		return incident.history().stream().filter(e -> e.reason().equals("observer-going")).map(IncidentEvent::at)
			.skip(quorum - 1L).findFirst();
	}

	/** The travel of the observer whose "ICE confirmed" completed the quorum. */
	private static Optional<Duration> quorumTravel(Incident incident, Ledger ledger,
			Function<org.vigia.core.observer.ObserverId, Optional<Address>> whoIs) {
		Optional<Instant> confirmed = incident.history().stream().filter(e -> e.to() == IncidentState.CONFIRMED)
			.map(IncidentEvent::at).findFirst();
		if (confirmed.isEmpty()) {
			return Optional.empty();
		}
		Optional<Verdict> last = incident.verdicts().stream()
			.filter(v -> v.kind() == VerdictKind.ICE_CONFIRMED && !v.at().isAfter(confirmed.get()))
			.reduce((a, b) -> b);
		if (last.isEmpty()) {
			return Optional.empty();
		}
		Optional<Address> who = whoIs.apply(last.get().observer());
		return ledger.answers().stream()
			.filter(a -> who.isPresent() && a.observer().equals(who.get()) && a.at().equals(last.get().at()))
			.map(Ledger.Answered::travel)
			.findFirst();
	}

	private static Optional<Scene> majority(List<Ledger.Sent> sent) {
		Map<Scene, Integer> votes = new LinkedHashMap<>();
		sent.forEach(s -> votes.merge(s.scene(), 1, Integer::sum));
		return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
	}

	private static List<int[]> timeline(Ledger ledger, List<Incident> incidents, List<Instant> alerts, Instant start,
			Instant end) {
		int buckets = (int) (Duration.between(start, end).plusMinutes(90).toMinutes() / BUCKET.toMinutes()) + 1;
		var rows = new ArrayList<int[]>();
		for (int i = 0; i < buckets; i++) {
			rows.add(new int[3]);
		}
		Function<Instant, Integer> bucket = at -> (int) Math.min(buckets - 1,
				Math.max(0, Duration.between(start, at).toMinutes() / BUCKET.toMinutes()));
		ledger.sent().forEach(s -> rows.get(bucket.apply(s.at()))[0]++);
		incidents.forEach(i -> rows.get(bucket.apply(i.openedAt()))[1]++);
		alerts.forEach(a -> rows.get(bucket.apply(a))[2]++);
		return Collections.unmodifiableList(rows);
	}

	static long percentile(List<Long> values, int p) {
		if (values.isEmpty()) {
			return -1;
		}
		var sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static String minutes(long seconds) {
		return seconds < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f min", seconds / 60.0);
	}

	private static String percent(int part, int whole) {
		return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f %%", 100.0 * part / whole);
	}

}
