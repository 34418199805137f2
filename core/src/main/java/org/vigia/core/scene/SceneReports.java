package org.vigia.core.scene;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vigia.core.incident.Incident;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Report;
import org.vigia.core.report.Uniform;

/**
 * What residents describe about a scene, summed up over its reports for the people who act on it (observers,
 * dispatchers): never who reported.
 *
 * @param count how many reports the scene has
 * @param agents the largest range of agents a report gave, as the resident chose it (unknown: nobody said)
 * @param vehicles the largest range of vehicles a report gave (unknown: nobody said)
 * @param uniforms every uniform or marking any report named
 * @param firstSeen when the earliest sighting was
 * @param latestReport when the latest report arrived
 * @param notes the latest residents' notes, at most {@link #MAX_NOTES}, newest first, as typed (escape them)
 * @param photos the latest re-encoded photo refs, at most {@link #MAX_PHOTOS}, newest first
 */
public record SceneReports(int count, CountRange agents, CountRange vehicles, Set<Uniform> uniforms, Instant firstSeen,
		Instant latestReport, List<String> notes, List<String> photos) {

	/** Notes shown to an observer: a few are useful, a flood of them is not. */
	public static final int MAX_NOTES = 3;

	/** Photos sent to an observer who goes: one message each, so a few. */
	public static final int MAX_PHOTOS = 3;

	public SceneReports {
		Objects.requireNonNull(agents, "agents must not be null");
		Objects.requireNonNull(vehicles, "vehicles must not be null");
		Objects.requireNonNull(firstSeen, "firstSeen must not be null");
		Objects.requireNonNull(latestReport, "latestReport must not be null");
		uniforms = uniforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(uniforms));
		notes = List.copyOf(notes);
		photos = List.copyOf(photos);
	}

	/** The summary of an incident's reports (those still kept; the count is the incident's). */
	public static SceneReports of(Incident incident, List<Report> reports) {
		var newestFirst = reports.stream().sorted(Comparator.comparing(Report::receivedAt).reversed()).toList();
		Set<Uniform> uniforms = EnumSet.noneOf(Uniform.class);
		reports.forEach(r -> uniforms.addAll(r.sighting().uniforms()));
		Instant firstSeen = reports.stream().map(Report::seenAt).min(Instant::compareTo).orElse(incident.openedAt());
		return new SceneReports(incident.reports().size(),
				largest(reports.stream().map(r -> r.sighting().agents()).toList()),
				largest(reports.stream().map(r -> r.sighting().vehicles()).toList()), uniforms, firstSeen,
				incident.lastReportAt(),
				newestFirst.stream().map(Report::note).filter(n -> n != null && !n.isBlank()).map(String::strip)
					.limit(MAX_NOTES).toList(),
				newestFirst.stream().map(Report::photo).filter(Objects::nonNull).limit(MAX_PHOTOS).toList());
	}

	/** The largest of the ranges residents chose (by the number each stands for); unknown if none said. */
	private static CountRange largest(List<CountRange> ranges) {
		return ranges.stream().filter(CountRange::known).max(Comparator.comparingInt(CountRange::typical))
			.orElse(CountRange.UNKNOWN);
	}

}
