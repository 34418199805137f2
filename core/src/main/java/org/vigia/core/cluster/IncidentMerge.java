package org.vigia.core.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Dispatch;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Report;

/**
 * The ways a report changes the incidents under the rule of {@link IncidentAssigner}: it opens one, joins
 * one, or gives an area-only incident its point. Pure functions; the store that decides which calls these
 * to build the result.
 *
 * <p>An incident's {@code members} are the positions its reports count at: a point report at its point; an
 * area report, which says only "somewhere in this area", at the incident's place when it joined (so it never
 * pulls the center toward the middle of a neighborhood), or at the area's interior point while the incident
 * has no point at all. The report itself keeps its own place.
 */
public final class IncidentMerge {

	private IncidentMerge() {
	}

	/** A new incident in state NEW, anchored at the report's location (an area's interior point for an area report). */
	public static Incident open(IncidentId id, Report report) {
		var event = new IncidentEvent(report.receivedAt(), ActorKind.RESIDENT, IncidentState.NEW, IncidentState.NEW,
				"opened:" + report.kind().name().toLowerCase(Locale.ROOT));
		return new Incident(id, IncidentState.NEW, report.kind(), report.location(), report.location(),
				List.of(report.location()), List.of(report.id()), Set.of(report.reporter()), report.receivedAt(),
				report.receivedAt(), Dispatch.NONE, List.of(), List.of(event));
	}

	/**
	 * The incident with the report added. A point report moves the center to the members' mean, an area
	 * report counts at the current center; the anchor stays. A report already in the incident changes nothing
	 * (replays are harmless).
	 *
	 * @throws IllegalStateException if the incident is closed
	 */
	public static Incident join(Incident incident, Report report) {
		GeoPoint at = report.approximate() ? incident.center() : report.location();
		return add(incident, report, incident.anchor(), new ArrayList<>(incident.members()), at);
	}

	/**
	 * The area-only incident with the first point report of its area added: the report's point becomes the
	 * anchor and the center, and the area reports so far count there. A report already in the incident
	 * changes nothing.
	 *
	 * @throws IllegalArgumentException if the report is itself an area report
	 * @throws IllegalStateException if the incident is closed
	 */
	public static Incident locate(Incident areaOnly, Report point) {
		if (point.approximate()) {
			throw new IllegalArgumentException("report " + point.id() + " names an area, not a point");
		}
		var members = new ArrayList<>(Collections.nCopies(areaOnly.members().size(), point.location()));
		return add(areaOnly, point, point.location(), members, point.location());
	}

	private static Incident add(Incident incident, Report report, GeoPoint anchor, List<GeoPoint> members,
			GeoPoint at) {
		if (incident.state().closed()) {
			throw new IllegalStateException("cannot add a report to incident " + incident.id() + " in state "
					+ incident.state());
		}
		if (incident.reports().contains(report.id())) {
			return incident;
		}
		members.add(at);
		var reports = new ArrayList<>(incident.reports());
		reports.add(report.id());
		var reporters = new HashSet<>(incident.reporters());
		reporters.add(report.reporter());
		var last = report.receivedAt().isAfter(incident.lastReportAt()) ? report.receivedAt()
				: incident.lastReportAt();
		var event = new IncidentEvent(report.receivedAt(), ActorKind.RESIDENT, incident.state(), incident.state(),
				"report-merged");
		var history = new ArrayList<>(incident.history());
		history.add(event);
		return new Incident(incident.id(), incident.state(), incident.kind(), anchor, mean(members), members, reports,
				reporters, incident.openedAt(), last, incident.dispatch(), incident.verdicts(), history);
	}

	/**
	 * The mean position. Reports of one scene lie within a few hundred meters, so averaging degrees is
	 * exact enough (the antimeridian is handled by unwrapping longitudes around the first member).
	 */
	static GeoPoint mean(List<GeoPoint> points) {
		double lat = 0;
		double lon = 0;
		double ref = points.get(0).longitude();
		for (GeoPoint p : points) {
			lat += p.latitude();
			double dl = p.longitude() - ref;
			if (dl > 180) {
				dl -= 360;
			}
			else if (dl < -180) {
				dl += 360;
			}
			lon += ref + dl;
		}
		double meanLon = lon / points.size();
		if (meanLon > 180) {
			meanLon -= 360;
		}
		else if (meanLon < -180) {
			meanLon += 360;
		}
		return new GeoPoint(lat / points.size(), meanLon);
	}

}
