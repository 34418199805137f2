package org.vigia.store;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.core.report.Uniform;

/** Reports for tests, around a real street corner (Mission St & 24th St, San Francisco). */
final class Reports {

	static final GeoPoint CORNER = new GeoPoint(37.752254, -122.418466);

	private static final AtomicInteger sequence = new AtomicInteger();

	private Reports() {
	}

	/** A point {@code meters} north of {@code from} (1 degree of latitude ≈ 111 195 m). */
	static GeoPoint north(GeoPoint from, double meters) {
		return new GeoPoint(from.latitude() + meters / 111_195.0, from.longitude());
	}

	static Report at(GeoPoint where, Instant at) {
		int n = sequence.incrementAndGet();
		return new Report(new ReportId("r" + n), ReportKind.DETENTION, where,
				"Mission & 24th", null, Recency.NOW, at, at, new Sighting(new CountRange(3, 5), new CountRange(2, 3),
						Set.of(Uniform.ICE, Uniform.PLAIN_CLOTHES)),
				"two vans, agents in vests", null, new Pseudonym("p" + (n % 7)), "es");
	}

}
