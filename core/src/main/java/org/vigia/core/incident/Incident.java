package org.vigia.core.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;

/**
 * A scene: the reports that clustering merged, what observers said about it, and its history.
 *
 * <p>Immutable; every change returns a new instance (see {@code IncidentLifecycle} and the clustering
 * operations). The {@code anchor} is the first report's position and never moves, so that a chain of
 * reports along a street cannot drag an incident along with it; the {@code center} follows the members.
 *
 * @param id opaque id
 * @param state where in the lifecycle
 * @param kind what the first report said is happening
 * @param anchor the first report's position; the merge radius is measured from here
 * @param center the mean of the members' positions
 * @param members the reports' positions, in arrival order (same order as {@code reports})
 * @param reports the merged reports, in arrival order
 * @param reporters the distinct pseudonyms that reported it
 * @param openedAt the first report's arrival
 * @param lastReportAt the latest report's arrival
 * @param dispatch who was asked, who is going, who declined
 * @param verdicts observers' answers, in arrival order
 * @param history every event, in order
 */
public record Incident(IncidentId id, IncidentState state, ReportKind kind, GeoPoint anchor, GeoPoint center,
		List<GeoPoint> members, List<ReportId> reports, Set<Pseudonym> reporters, Instant openedAt,
		Instant lastReportAt, Dispatch dispatch, List<Verdict> verdicts, List<IncidentEvent> history) {

	public Incident {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(state, "state must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(anchor, "anchor must not be null");
		Objects.requireNonNull(center, "center must not be null");
		members = List.copyOf(members);
		reports = List.copyOf(reports);
		if (members.size() != reports.size() || reports.isEmpty()) {
			throw new IllegalArgumentException(
					"an incident needs one position per report and at least one report, had " + members.size()
							+ " positions and " + reports.size() + " reports");
		}
		reporters = Set.copyOf(reporters);
		Objects.requireNonNull(openedAt, "openedAt must not be null");
		Objects.requireNonNull(lastReportAt, "lastReportAt must not be null");
		dispatch = dispatch == null ? Dispatch.NONE : dispatch;
		verdicts = List.copyOf(verdicts);
		history = List.copyOf(history);
	}

	/** Whether this observer has already given a verdict on this incident. */
	public boolean answeredBy(ObserverId observer) {
		return verdicts.stream().anyMatch(v -> v.observer().equals(observer));
	}

	public Incident withState(IncidentState newState, List<IncidentEvent> moreHistory) {
		return new Incident(id, newState, kind, anchor, center, members, reports, reporters, openedAt, lastReportAt,
				dispatch, verdicts, concat(history, moreHistory));
	}

	public Incident withDispatch(Dispatch newDispatch) {
		return new Incident(id, state, kind, anchor, center, members, reports, reporters, openedAt, lastReportAt,
				newDispatch, verdicts, history);
	}

	public Incident withVerdicts(List<Verdict> newVerdicts) {
		return new Incident(id, state, kind, anchor, center, members, reports, reporters, openedAt, lastReportAt,
				dispatch, newVerdicts, history);
	}

	public Incident withHistory(List<IncidentEvent> moreHistory) {
		return new Incident(id, state, kind, anchor, center, members, reports, reporters, openedAt, lastReportAt,
				dispatch, verdicts, concat(history, moreHistory));
	}

	static <T> List<T> concat(List<T> a, List<T> b) {
		if (b.isEmpty()) {
			return a;
		}
		var all = new java.util.ArrayList<T>(a.size() + b.size());
		all.addAll(a);
		all.addAll(b);
		return List.copyOf(all);
	}

	@Override
	public String toString() {
		return "Incident[" + id + ", " + state + ", " + reports.size() + " reports]";
	}

}
