package org.vigia.core.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;

/**
 * The merge rule of DESIGN.md as a pure decision: which open incident, if any, a report joins.
 *
 * <p>Design note. A report joins the <em>nearest</em> open incident that passes both tests, else it opens a
 * new incident:
 * <ul>
 * <li><b>Place</b>: the incident's <em>anchor</em> (its first report's position, which never moves) lies at
 * most {@code radiusMeters} from the report. Measuring from the anchor, not the center, is what stops a
 * chain of reports 250 m apart along a street from snowballing into one long incident: no member of an
 * incident is ever more than the radius from its anchor, so no two members more than twice the radius
 * apart.</li>
 * <li><b>Time</b>: the report's sighting span {@code [seenAt, receivedAt]} and the incident's active span
 * {@code [openedAt, lastReportAt]} are at most {@code window} apart (the gap between two intervals; zero
 * when they overlap). For a report that arrives in order and was seen "now" this is exactly
 * {@code receivedAt - lastReportAt <= window}. A report that arrives late (a retry) joins the incident it
 * was part of instead of being "before" it, but never when it arrived more than the window before the
 * incident opened. A stale ("earlier") report's sighting is estimated at {@code receivedAt - 60 min}, so
 * it still joins the incident that was active when it was seen, if that incident is still open, instead
 * of opening a fresh incident (and a fresh dispatch) for a scene that is likely gone.</li>
 * </ul>
 * Ties at equal distance go to the smallest incident id (lexicographic), so every adapter decides alike.
 *
 * <p>Distance is a local equirectangular projection centered on the report:
 * {@code R·sqrt(Δφ² + (cos φ_report · Δλ)²)}, with {@code Δλ} taken across the antimeridian when shorter.
 * At the 300 m default it is within 2 cm of the great-circle distance ({@link Distances#haversine}, the
 * sphere the Redis script measures on too) up to 80°
 * of latitude (the error grows with the square of the distance: about a meter at 5 km in mid-latitudes),
 * far under GPS error, and several times cheaper, which matters when an index checks dozens of candidates
 * per report. Immutable and thread-safe.
 */
public final class MergeRule {

	private static final Duration LONGEST_SIGHTING_AGE = Arrays.stream(Recency.values())
		.map(Recency::typicalAge)
		.max(Duration::compareTo)
		.orElseThrow();

	private final double radiusMeters;

	private final Duration window;

	public MergeRule(VigiaSettings.Clustering settings) {
		Objects.requireNonNull(settings, "settings must not be null");
		this.radiusMeters = settings.radiusMeters();
		this.window = settings.window();
	}

	public double radiusMeters() {
		return this.radiusMeters;
	}

	public Duration window() {
		return this.window;
	}

	/**
	 * How long after its latest report an open incident can still take a report under this rule (a stale
	 * report seen at the end of the window): after this, an index may forget it.
	 */
	public Duration retention() {
		return this.window.plus(LONGEST_SIGHTING_AGE);
	}

	/**
	 * The incident the report joins: the nearest open candidate within the radius of its anchor and within
	 * the time window, ties to the smallest id; empty when the report opens a new incident. Candidates may
	 * be any superset (closed, far or idle ones are skipped), e.g. an index's primary filter.
	 */
	public Optional<Incident> choose(Report report, Collection<Incident> candidates) {
		Objects.requireNonNull(report, "report must not be null");
		Objects.requireNonNull(candidates, "candidates must not be null");
		double lat = report.location().latitude();
		double lon = report.location().longitude();
		double cosLat = Math.cos(Math.toRadians(lat));
		Incident best = null;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (Incident candidate : candidates) {
			if (candidate.state().closed()
					|| !withinWindow(report, candidate.openedAt(), candidate.lastReportAt())) {
				continue;
			}
			double d = meters(lat, lon, cosLat, candidate.anchor().latitude(), candidate.anchor().longitude());
			if (d <= this.radiusMeters && (best == null || preferred(d, candidate.id(), bestDistance, best.id()))) {
				best = candidate;
				bestDistance = d;
			}
		}
		return Optional.ofNullable(best);
	}

	/** The time test alone: the report's sighting span and the incident's active span are close enough. */
	public boolean withinWindow(Report report, Instant openedAt, Instant lastReportAt) {
		return withinWindow(report.seenAt().toEpochMilli(), report.receivedAt().toEpochMilli(),
				openedAt.toEpochMilli(), lastReportAt.toEpochMilli());
	}

	boolean withinWindow(long seenAtMillis, long receivedAtMillis, long openedAtMillis, long lastReportAtMillis) {
		long windowMillis = this.window.toMillis();
		// gap between [seenAt, receivedAt] and [openedAt, lastReportAt]; negative when they overlap
		long gap = Math.max(seenAtMillis - lastReportAtMillis, openedAtMillis - receivedAtMillis);
		return gap <= windowMillis;
	}

	/** Whether a candidate at distance {@code d} beats the best so far: nearer, or as near with a smaller id. */
	static boolean preferred(double d, IncidentId id, double bestDistance, IncidentId bestId) {
		return d < bestDistance || (d == bestDistance && id.value().compareTo(bestId.value()) < 0);
	}

	/**
	 * Meters from a report at ({@code lat}, {@code lon}, with {@code cosLat} its latitude's cosine) to an
	 * anchor, in the local equirectangular projection described above.
	 */
	static double meters(double lat, double lon, double cosLat, double anchorLat, double anchorLon) {
		double dLon = anchorLon - lon;
		if (dLon > 180) {
			dLon -= 360;
		}
		else if (dLon < -180) {
			dLon += 360;
		}
		double x = Math.toRadians(dLon) * cosLat;
		double y = Math.toRadians(anchorLat - lat);
		return Distances.EARTH_RADIUS_METERS * Math.sqrt(x * x + y * y);
	}

}
