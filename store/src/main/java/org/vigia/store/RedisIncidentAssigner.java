package org.vigia.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.cluster.IncidentAssigner;
import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.cluster.Placement;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Report;

/**
 * The merge rule of DESIGN.md, decided inside Redis so that every bot instance sees one truth.
 *
 * <p>Design note: one Lua script ({@code redis/assign.lua}) searches the GEO set of open anchors
 * (a primary filter, widened by 2 m because GEO positions are rounded to about 0.6 m), keeps those
 * whose latest report lies within the time window and whose exact anchor lies within the radius by
 * the same haversine as core, and picks the nearest (ties: the smallest id). If there is none it
 * creates the incident built by {@link IncidentMerge#open} in the same script, so two instances can
 * never open two incidents for one scene. A join is built in Java by {@link IncidentMerge#join} and
 * written with a compare-and-set on the incident's write counter; a lost race starts over, and
 * replaying a report already merged changes nothing.
 */
public class RedisIncidentAssigner implements IncidentAssigner {

	private static final int MAX_ATTEMPTS = 200;

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisIncidentStore incidents;

	private final VigiaSettings.Clustering clustering;

	private final Duration openTtl;

	private final Codec codec = new Codec();

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param openTtl the safety-net lifetime of a new incident (retention.open); closing sets the real one
	 */
	public RedisIncidentAssigner(StringRedisTemplate redis, RedisKeys keys, RedisIncidentStore incidents,
			VigiaSettings.Clustering clustering, Duration openTtl) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.incidents = Objects.requireNonNull(incidents, "incidents must not be null");
		this.clustering = Objects.requireNonNull(clustering, "clustering must not be null");
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
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			IncidentId newId = newId(report);
			Incident opened = IncidentMerge.open(newId, report);
			List<?> answer = decide(report, opened, reportTtl);
			if ("open".equals(answer.get(0))) {
				return new Placement(opened, true);
			}
			Incident current = codec.incident((String) answer.get(2));
			Incident joined = IncidentMerge.join(current, report);
			if (joined == current) {
				return new Placement(current, current.reports().get(0).equals(report.id()));
			}
			if (incidents.compareAndSet(joined, Long.parseLong((String) answer.get(3)))) {
				return new Placement(joined, false);
			}
			// another writer changed that incident (or closed it) since the script read it: decide again,
			// after a short random pause so that writers crowding one scene spread out instead of colliding
			Contention.pause(attempt);
		}
		throw new IllegalStateException("could not place report " + report.id() + " after " + MAX_ATTEMPTS
				+ " attempts under contention");
	}

	private List<?> decide(Report report, Incident opened, Duration reportTtl) {
		var at = report.location();
		long windowStart = report.receivedAt().minus(clustering.window()).toEpochMilli();
		var scriptKeys = new ArrayList<>(
				List.of(keys.openIncidentAnchors(), keys.openIncidentsLastReport(), keys.incident(opened.id())));
		var args = new ArrayList<>(List.of(Double.toString(at.longitude()), Double.toString(at.latitude()),
				Double.toString(clustering.radiusMeters()), Long.toString(windowStart), opened.id().value(),
				codec.incident(opened), Long.toString(openTtl.toMillis()),
				Long.toString(report.receivedAt().toEpochMilli()), keys.incidentPrefix(),
				at.latitude() + " " + at.longitude(), Double.toString(Distances.EARTH_RADIUS_METERS)));
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
