package org.vigia.core.incident;

import java.time.Instant;
import java.util.Set;

import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

/** Incidents for tests: one report in downtown San José at a given time. */
final class Incidents {

	static final GeoPoint SAN_JOSE = GeoPoint.of(37.3382, -121.8863);

	static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");

	private Incidents() {
	}

	static Incident fresh() {
		var report = new Report(new ReportId("r1"), ReportKind.DETENTION, SAN_JOSE, null, null, Recency.NOW, T0, T0,
				Sighting.UNKNOWN, null, null, new Pseudonym("p1"), "es");
		return IncidentMerge.open(new IncidentId("i1"), report);
	}

	static ObserverId observer(String id) {
		return new ObserverId(id);
	}

	static Set<ObserverId> observers(String... ids) {
		var set = new java.util.HashSet<ObserverId>();
		for (String id : ids) {
			set.add(new ObserverId(id));
		}
		return set;
	}

	static Verdict verdict(String observer, VerdictKind kind, Instant at) {
		return new Verdict(new ObserverId(observer), kind, false, at, null);
	}

	static Verdict lead(String observer, VerdictKind kind, Instant at) {
		return new Verdict(new ObserverId(observer), kind, true, at, null);
	}

}
