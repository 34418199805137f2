package org.vigia.bot.drill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigia.bot.command.CommandRoutes;
import org.vigia.core.drill.Drills;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.observer.ObserverStore;

/**
 * A drill started from the console: command {@code drill-start}, fields {@code scenes} (1 to
 * {@value DrillDesk#MAX_SCENES}), {@code minutes} (0 to {@value DrillDesk#MAX_MINUTES}), {@code neighborhoods}
 * (neighborhood ids separated by spaces; none: every neighborhood), {@code observers} (the participants' observer
 * ids separated by spaces; none: every observer on duty near a scene) and {@code language} (of the synthetic
 * reports). A number out of range, an unknown neighborhood or observer, or no neighborhoods in force is answered
 * as failed with the reason, and nothing starts.
 *
 * <p>Taken over after a crash ({@code again}), a drill that had started is answered as done and not started twice:
 * its scenes' ids are made from the command's id, so the scenes already listed say so.
 */
public final class DrillCommands implements CommandRoutes.Handler {

	/** The command type, as the console sends it. */
	public static final String START = "drill-start";

	private static final int MAX_FIELD = 8_000;

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

	private final DrillDesk desk;

	private final ObserverStore observers;

	private final Drills drills;

	public DrillCommands(DrillDesk desk, ObserverStore observers, Drills drills) {
		this.desk = desk;
		this.observers = observers;
		this.drills = drills;
	}

	@Override
	public CommandRoutes.Result carryOut(String type, Map<String, String> command, boolean again) {
		if (!START.equals(type)) {
			return failed("unknown command type");
		}
		String scenes = command.getOrDefault("scenes", "").strip();
		String minutes = command.getOrDefault("minutes", "").strip();
		if (!scenes.matches("\\d{1,3}") || !minutes.matches("\\d{1,4}")
				|| Integer.parseInt(scenes) < 1 || Integer.parseInt(scenes) > DrillDesk.MAX_SCENES
				|| Integer.parseInt(minutes) > DrillDesk.MAX_MINUTES) {
			return failed("a drill has 1 to " + DrillDesk.MAX_SCENES + " scenes over 0 to " + DrillDesk.MAX_MINUTES
					+ " minutes");
		}
		Optional<NeighborhoodMap> map = desk.map();
		if (map.isEmpty()) {
			return failed("no neighborhoods are in force");
		}
		Optional<List<Neighborhood>> where = neighborhoods(map.get(), command.getOrDefault("neighborhoods", ""));
		if (where.isEmpty()) {
			return failed("an unknown neighborhood");
		}
		Optional<Set<ObserverId>> who = participants(command.getOrDefault("observers", ""));
		if (who.isEmpty()) {
			return failed("an unknown observer");
		}
		String language = command.getOrDefault("language", "");
		var plan = new DrillDesk.Plan(where.get(), Integer.parseInt(scenes), Integer.parseInt(minutes), who.get(),
				language.matches("[a-z]{2,3}") ? language : "en", stem(command.getOrDefault("id", "")));
		if (again && started(plan)) {
			return new CommandRoutes.Result(true, "drill started");
		}
		int placed = desk.begin(map.get(), plan);
		return placed == 0 ? failed("no place for a scene in those neighborhoods")
				: new CommandRoutes.Result(true, "drill started: " + placed + " practice scenes");
	}

	/** The neighborhoods named by id; all of them if none is named; empty if one is unknown. */
	private static Optional<List<Neighborhood>> neighborhoods(NeighborhoodMap map, String field) {
		List<String> ids = words(field);
		if (ids == null) {
			return Optional.empty();
		}
		if (ids.isEmpty()) {
			return Optional.of(map.all());
		}
		var chosen = new ArrayList<Neighborhood>();
		for (String id : new LinkedHashSet<>(ids)) {
			Optional<Neighborhood> found = map.all().stream().filter(n -> n.id().value().equals(id)).findFirst();
			if (found.isEmpty()) {
				return Optional.empty();
			}
			chosen.add(found.get());
		}
		return Optional.of(chosen);
	}

	/** The observers named by id (none: everyone on duty); empty if one is not a registered observer. */
	private Optional<Set<ObserverId>> participants(String field) {
		List<String> ids = words(field);
		if (ids == null) {
			return Optional.empty();
		}
		var chosen = new LinkedHashSet<ObserverId>();
		for (String id : ids) {
			if (!id.matches("[A-Za-z0-9_-]{1,24}") || observers.find(new ObserverId(id)).isEmpty()) {
				return Optional.empty();
			}
			chosen.add(new ObserverId(id));
		}
		return Optional.of(chosen);
	}

	/** The words of a field; null if it is too long or holds something that is no id. */
	private static List<String> words(String field) {
		if (field.length() > MAX_FIELD) {
			return null;
		}
		String text = field.strip();
		if (text.isEmpty()) {
			return List.of();
		}
		List<String> words = List.of(text.split("\\s+"));
		return words.stream().allMatch(w -> w.matches("[A-Za-z0-9_-]{1,64}")) ? words : null;
	}

	/** Whether a process that died had started this plan's drill already. */
	private boolean started(DrillDesk.Plan plan) {
		List<IncidentId> listed = drills.scenes();
		for (int n = 0; n < plan.scenes(); n++) {
			if (listed.contains(DrillDesk.sceneId(plan, n))) {
				return true;
			}
		}
		return false;
	}

	/** Twelve letters and digits from the command's id: the same command gives the same scene ids. */
	static String stem(String commandId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(commandId.getBytes(StandardCharsets.UTF_8));
			var stem = new StringBuilder();
			for (int i = 0; i < 12; i++) {
				stem.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
			}
			return stem.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	private static CommandRoutes.Result failed(String detail) {
		return new CommandRoutes.Result(false, detail);
	}

}
