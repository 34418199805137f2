package org.vigia.core.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Dispatch;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Report;

/**
 * The two ways a report changes the incidents: it opens one, or joins one. Pure functions; whoever
 * decides which (an index in memory, a script in Redis) calls these to build the result, so that every
 * adapter produces the same incident.
 */
public final class IncidentMerge {

	private IncidentMerge() {
	}

	/** A new incident in state NEW, anchored at the report's location. */
	public static Incident open(IncidentId id, Report report) {
		var event = new IncidentEvent(report.receivedAt(), ActorKind.RESIDENT, IncidentState.NEW, IncidentState.NEW,
				"opened:" + report.kind().name().toLowerCase(java.util.Locale.ROOT));
		return new Incident(id, IncidentState.NEW, report.kind(), report.location(), report.location(),
				List.of(report.location()), List.of(report.id()), java.util.Set.of(report.reporter()),
				report.receivedAt(), report.receivedAt(), Dispatch.NONE, List.of(), List.of(event));
	}

	/**
	 * The incident with the report added: its center moves to the members' mean, the anchor stays. A
	 * report already in the incident changes nothing (replays are harmless).
	 *
	 * @throws IllegalStateException if the incident is closed
	 */
	public static Incident join(Incident incident, Report report) {
		if (incident.state().closed()) {
			throw new IllegalStateException("cannot add a report to incident " + incident.id() + " in state "
					+ incident.state());
		}
		if (incident.reports().contains(report.id())) {
			return incident;
		}
		var members = new ArrayList<>(incident.members());
		members.add(report.location());
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
		return new Incident(incident.id(), incident.state(), incident.kind(), incident.anchor(), mean(members),
				members, reports, reporters, incident.openedAt(), last, incident.dispatch(), incident.verdicts(),
				history);
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
