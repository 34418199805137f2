package org.vigia.core.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.vigia.core.geo.Distances;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

/** Real places, reports at them, and a clock the tests move. */
final class Scenes {

	static final Instant T0 = Instant.parse("2026-03-14T17:00:00Z");

	/** Downtown San José. */
	static final GeoPoint SAN_JOSE = GeoPoint.of(37.3382, -121.8863);

	/** Suva, Fiji: the antimeridian runs just east of it. */
	static final GeoPoint FIJI_WEST = GeoPoint.of(-16.7, 179.9990);

	private Scenes() {
	}

	/** The point {@code meters} from {@code from} along the initial {@code bearingDegrees} (great circle). */
	static GeoPoint offset(GeoPoint from, double bearingDegrees, double meters) {
		double delta = meters / Distances.EARTH_RADIUS_METERS;
		double theta = Math.toRadians(bearingDegrees);
		double phi1 = Math.toRadians(from.latitude());
		double lambda1 = Math.toRadians(from.longitude());
		double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta)
				+ Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
		double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
				Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
		double lon = Math.toDegrees(lambda2);
		lon = ((lon + 540) % 360) - 180;
		return GeoPoint.of(Math.toDegrees(phi2), lon);
	}

	static Report report(String id, GeoPoint at, Instant receivedAt) {
		return report(id, at, receivedAt, Recency.NOW);
	}

	static Report report(String id, GeoPoint at, Instant receivedAt, Recency recency) {
		return new Report(new ReportId(id), ReportKind.CHECKPOINT, at, null, null, recency,
				receivedAt.minus(recency.typicalAge()), receivedAt, Sighting.UNKNOWN, null, null,
				new Pseudonym("p-" + id), "en");
	}

	static Instant minutes(long minutes) {
		return T0.plus(Duration.ofMinutes(minutes));
	}

	/** A clock standing still until a test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
