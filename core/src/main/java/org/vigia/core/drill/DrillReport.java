package org.vigia.core.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.observer.ObserverId;

/**
 * How a drill went, from its practice scenes as stored (their history, dispatch and verdicts): per scene, the
 * time from its start to the first "I'm going", to the quorum (confirmed) and to the drill post; per observer
 * (by the name they chose), the prompts they got, how many they answered with a verdict, and their median time
 * from when they were asked to their verdict (an observer asked in a later, wider wave is not charged the minutes
 * before anyone asked them). A step that did not happen has no time.
 *
 * @param scenes one row per practice scene, in the order they started
 * @param observers one row per observer asked about any of them, by name
 */
public record DrillReport(List<SceneRow> scenes, List<ObserverRow> observers) {

	public DrillReport {
		scenes = List.copyOf(scenes);
		observers = List.copyOf(observers);
	}

	/**
	 * @param number the scene's number in the drill (1, 2, …): people never see internal ids
	 * @param started when the scene started
	 * @param toFirstGoing to the first "I'm going", or null
	 * @param toQuorum to the confirmation, or null
	 * @param toPost to the drill post, or null
	 */
	public record SceneRow(int number, Instant started, Duration toFirstGoing, Duration toQuorum, Duration toPost) {
	}

	/**
	 * @param name the name the observer chose for dispatchers
	 * @param prompts practice scenes they were asked to check
	 * @param answered of those, how many they gave a verdict on
	 * @param medianToAnswer median time from when they were asked about a scene to their verdict on it, or null if
	 * none
	 */
	public record ObserverRow(String name, int prompts, int answered, Duration medianToAnswer) {
	}

	/** The report of these practice scenes; {@code names} gives an observer's chosen name. */
	public static DrillReport of(List<Incident> drill, Function<ObserverId, String> names) {
		List<Incident> sorted = drill.stream().sorted(Comparator.comparing(Incident::openedAt)).toList();
		var rows = new ArrayList<SceneRow>();
		var asked = new LinkedHashMap<ObserverId, int[]>();
		var answerTimes = new LinkedHashMap<ObserverId, List<Duration>>();
		for (int n = 0; n < sorted.size(); n++) {
			Incident scene = sorted.get(n);
			Instant start = scene.openedAt();
			rows.add(new SceneRow(n + 1, start, since(start, first(scene, e -> "observer-going".equals(e.reason()))),
					since(start, first(scene, e -> e.transition() && e.to() == IncidentState.CONFIRMED)),
					since(start, first(scene, e -> e.transition() && e.to() == IncidentState.PUBLISHED))));
			for (ObserverId o : scene.dispatch().asked()) {
				asked.computeIfAbsent(o, k -> new int[1])[0]++;
			}
			for (Verdict v : scene.verdicts()) {
				Instant askedAt = scene.dispatch().askedAt(v.observer());
				answerTimes.computeIfAbsent(v.observer(), k -> new ArrayList<>())
					.add(Duration.between(askedAt == null ? start : askedAt, v.at()));
			}
		}
		var people = new ArrayList<ObserverRow>();
		for (Map.Entry<ObserverId, int[]> e : asked.entrySet()) {
			List<Duration> times = answerTimes.getOrDefault(e.getKey(), List.of());
			people.add(new ObserverRow(names.apply(e.getKey()), e.getValue()[0], times.size(), median(times)));
		}
		people.sort(Comparator.comparing(ObserverRow::name));
		return new DrillReport(rows, people);
	}

	/** The report as CSV: the scenes, a blank line, the observers; times in seconds, empty if it did not happen. */
	public String csv() {
		var out = new StringBuilder("scene,started,seconds_to_first_going,seconds_to_quorum,seconds_to_post\n");
		for (SceneRow s : scenes) {
			out.append(s.number()).append(',').append(s.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(',').append(seconds(s.toFirstGoing()))
				.append(',').append(seconds(s.toQuorum())).append(',').append(seconds(s.toPost())).append('\n');
		}
		out.append("\nobserver,prompts,answered,median_seconds_to_answer\n");
		for (ObserverRow o : observers) {
			out.append(cell(o.name())).append(',').append(o.prompts()).append(',').append(o.answered()).append(',')
				.append(seconds(o.medianToAnswer())).append('\n');
		}
		return out.toString();
	}

	private static Instant first(Incident incident, java.util.function.Predicate<IncidentEvent> which) {
		return incident.history().stream().filter(which).map(IncidentEvent::at).findFirst().orElse(null);
	}

	private static Duration since(Instant start, Instant at) {
		return at == null ? null : Duration.between(start, at);
	}

	private static Duration median(List<Duration> times) {
		if (times.isEmpty()) {
			return null;
		}
		List<Duration> sorted = times.stream().sorted().toList();
		int mid = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
	}

	private static String seconds(Duration d) {
		return d == null ? "" : Long.toString(d.toSeconds());
	}

	/** A name as a CSV cell: quoted, and never read as a formula by a spreadsheet. */
	private static String cell(String text) {
		String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
