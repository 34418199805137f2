package org.vigia.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.cluster.Areas;
import org.vigia.core.cluster.IncidentAssigner;
import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.cluster.Placement;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Report;
import org.vigia.core.support.StoreUnavailableException;

/**
 * The merge rule of {@link IncidentAssigner}, decided inside Redis so that every bot instance sees one truth.
 *
 * <p>Design note: one Lua script ({@code redis/assign.lua}) decides. Anchored open incidents are in a GEO set,
 * searched around a point report (a primary filter, a little wider than the radius because GEO positions are
 * rounded to about 0.6 m); the exact anchor, kept in the incident's hash, decides with the haversine on the
 * sphere of {@link Distances#EARTH_RADIUS_METERS}. Each area has a ZSET of its open incidents (anchored in it,
 * or area-only) scored by their latest report, read from the most recent down. The time rule compares the
 * report's {@code seenAt} and {@code receivedAt} with each incident's opening (in its hash) and latest report
 * (in the ZSET of open incidents). If nothing fits, the same script creates the incident built by
 * {@link IncidentMerge#open}, so two instances can never open two incidents for one scene. A join is built in
 * Java ({@link IncidentMerge#join}, or {@link IncidentMerge#locate} when a point gives an area-only incident
 * its anchor) and written with a compare-and-set on the incident's write counter, which also moves the
 * incident into the GEO set when it got its point; a lost race decides again, and replaying a report already
 * merged changes nothing.
 *
 * <p>The area of a point report is the one {@link Areas} names for its point, asked when the report is
 * placed; an area report carries its own ({@link Report#area()}).
 */
public class RedisIncidentAssigner implements IncidentAssigner {

	private static final int MAX_ATTEMPTS = 200;

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisIncidentStore incidents;

	private final VigiaSettings.Clustering clustering;

	private final Areas areas;

	private final Duration openTtl;

	private final Codec codec = new Codec();

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param areas the area of a point report's place
	 * @param openTtl the safety-net lifetime of a new incident (retention.open); closing sets the real one
	 */
	public RedisIncidentAssigner(StringRedisTemplate redis, RedisKeys keys, RedisIncidentStore incidents,
			VigiaSettings.Clustering clustering, Areas areas, Duration openTtl) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.incidents = Objects.requireNonNull(incidents, "incidents must not be null");
		this.clustering = Objects.requireNonNull(clustering, "clustering must not be null");
		this.areas = Objects.requireNonNull(areas, "areas must not be null");
		this.openTtl = Ttl.check(openTtl);
	}

	/** @throws StoreUnavailableException if Redis cannot be reached; nothing was placed then */
	@Override
	public Placement assign(Report report) {
		return place(report, null);
	}

	/**
	 * Stores the report (as {@link RedisReportStore#save} would) and places it, the store in the same
	 * script as the decision: one round trip for a report that opens an incident, two for one that joins.
	 * @throws StoreUnavailableException if Redis cannot be reached; the report may then be stored
	 * without being placed, and calling again places it (replays are harmless)
	 */
	public Placement ingest(Report report, Duration reportTtl) {
		return place(report, Ttl.check(reportTtl));
	}

	private Placement place(Report report, Duration reportTtl) {
		String area = report.approximate() ? report.area() : areas.areaOf(report.location()).orElse("");
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			IncidentId newId = newId(report);
			Incident opened = IncidentMerge.open(newId, report);
			List<?> answer = decide(report, area, opened, reportTtl);
			if ("open".equals(answer.get(0))) {
				return new Placement(opened, true);
			}
			Incident current = codec.incident((String) answer.get(2));
			long writes = Long.parseLong((String) answer.get(3));
			boolean locates = "1".equals(answer.get(4));
			Incident joined = locates ? IncidentMerge.locate(current, report) : IncidentMerge.join(current, report);
			if (joined == current) {
				return new Placement(current, current.reports().get(0).equals(report.id()));
			}
			if (locates ? incidents.compareAndSetLocated(joined, writes, openTtl)
					: incidents.compareAndSet(joined, writes)) {
				return new Placement(joined, false);
			}
			// another writer changed that incident (or closed it) since the script read it: decide again,
			// after a short random pause so that writers crowding one scene spread out instead of colliding
			Contention.pause(attempt);
		}
		throw new IllegalStateException("could not place report " + report.id() + " after " + MAX_ATTEMPTS
				+ " attempts under contention");
	}

	private List<?> decide(Report report, String area, Incident opened, Duration reportTtl) {
		var at = report.location();
		double radius = clustering.radiusMeters();
		var scriptKeys = new ArrayList<>(
				List.of(keys.openIncidentAnchors(), keys.openIncidentsLastReport(), keys.incident(opened.id())));
		var args = new ArrayList<>(List.of(Double.toString(at.longitude()), Double.toString(at.latitude()),
				Double.toString(radius), Long.toString(report.seenAt().toEpochMilli()),
				Long.toString(report.receivedAt().toEpochMilli()), Long.toString(clustering.window().toMillis()),
				opened.id().value(), codec.incident(opened), Long.toString(openTtl.toMillis()), keys.incidentPrefix(),
				Double.toString(Distances.EARTH_RADIUS_METERS), area, report.approximate() ? "1" : "0",
				keys.incidentsInAreaPrefix(), Double.toString(2 + radius / 1_000)));
		if (reportTtl != null) {
			scriptKeys.add(keys.report(report.id()));
			args.add(codec.report(report));
			args.add(Long.toString(reportTtl.toMillis()));
		}
		List<?> answer = Guard.call("incident assign",
				() -> redis.execute(Scripts.ASSIGN, scriptKeys, args.toArray()));
		if (answer == null || answer.size() < 2) {
			throw new IllegalStateException("assign script gave no answer");
		}
		return answer;
	}

	/** Time-ordered, unguessable, short enough for button data: base-36 millis and 6 random characters. */
	private IncidentId newId(Report report) {
		var id = new StringBuilder(Long.toString(report.receivedAt().toEpochMilli(), 36));
		for (int i = 0; i < 6; i++) {
			id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return new IncidentId(id.toString());
	}

}
