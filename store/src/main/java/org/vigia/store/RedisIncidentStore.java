package org.vigia.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.data.geo.Distance;
import org.springframework.data.redis.connection.RedisGeoCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.domain.geo.GeoReference;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.support.Checks;

/**
 * Incidents as hashes {@code incident:{id}} with the JSON ({@code j}), the history size ({@code h},
 * checked by {@link #replace}), a write counter ({@code w}, checked by {@link #update}) and the exact anchor ({@code a}). Open incidents are also in
 * a GEO set of anchors and a ZSET of their latest report, which {@link RedisIncidentAssigner} searches; closed
 * incidents, for as long as they are kept, in a GEO set of their centers ({@link #recentlyClosed}).
 *
 * <p>Every write is a compare-and-set on the version ({@link #replace}), so two instances recording
 * verdicts at once cannot both win with a stale incident: the loser re-reads and re-applies
 * ({@link #update}), and a change that is already there (the same observer's verdict) is applied once.
 */
public class RedisIncidentStore implements IncidentStore {

	private static final int MAX_ATTEMPTS = 200;

	private static final byte[] J = bytes("j");

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Codec codec;

	public RedisIncidentStore(StringRedisTemplate redis, RedisKeys keys) {
		this(redis, keys, new Codec());
	}

	RedisIncidentStore(StringRedisTemplate redis, RedisKeys keys, Codec codec) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.codec = codec;
	}

	@Override
	public Optional<Incident> find(IncidentId id) {
		return read(id).map(Versioned::incident);
	}

	/** The incident with its write counter, for a later {@link #compareAndSet}. */
	Optional<Versioned> read(IncidentId id) {
		List<Object> doc = Guard.call("incident find",
				() -> redis.opsForHash().multiGet(keys.incident(id), List.of("j", "w")));
		if (doc == null || doc.get(0) == null) {
			return Optional.empty();
		}
		return Optional.of(new Versioned(codec.incident((String) doc.get(0)), Long.parseLong((String) doc.get(1))));
	}

	@Override
	public List<Incident> open() {
		var ids = Guard.call("incident list", () -> redis.opsForZSet().range(keys.openIncidentsLastReport(), 0, -1));
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		List<Object> docs = Guard.call("incident list", () -> redis.executePipelined((RedisCallback<Object>) c -> {
			for (String id : ids) {
				c.hashCommands().hGet(bytes(keys.incidentPrefix() + id), J);
			}
			return null;
		}));
		var out = new ArrayList<Incident>(docs.size());
		var gone = new ArrayList<String>();
		var idList = List.copyOf(ids);
		for (int i = 0; i < docs.size(); i++) {
			Object doc = docs.get(i);
			if (doc == null) {
				gone.add(idList.get(i));
			}
			else {
				Incident incident = codec.incident((String) doc);
				if (incident.state().open()) {
					out.add(incident);
				}
			}
		}
		if (!gone.isEmpty()) {
			// expired by their safety-net TTL: drop them from the indexes too
			Guard.run("incident list", () -> {
				redis.opsForZSet().remove(keys.openIncidentsLastReport(), gone.toArray());
				redis.opsForZSet().remove(keys.openIncidentAnchors(), gone.toArray());
			});
		}
		out.sort(Comparator.comparing(Incident::openedAt).reversed().thenComparing(i -> i.id().value()));
		return List.copyOf(out);
	}

	/**
	 * Stores a new drill incident, listed among the open incidents but never indexed at its anchor or in an
	 * area: so no report can ever be merged into it. It expires within {@code ttl} (closing shortens it).
	 */
	@Override
	public void openDrill(Incident incident, Duration ttl) {
		if (!incident.id().drill()) {
			throw new IllegalArgumentException("only a drill incident opens without its indexes");
		}
		Ttl.check(ttl);
		String key = keys.incident(incident.id());
		Guard.run("drill incident", () -> {
			// each key with its TTL in the same step: the open list may not exist yet (no real incident open)
			Expiring.write(redis, key, ttl, "HSET", "j", codec.incident(incident), "h",
					Integer.toString(incident.history().size()), "w", "0");
			Expiring.writeExtending(redis, keys.openIncidentsLastReport(), ttl, "ZADD",
					Long.toString(incident.lastReportAt().toEpochMilli()), incident.id().value());
		});
	}

	@Override
	public boolean replace(Incident incident, int expectedHistorySize) {
		return write(incident, "h", expectedHistorySize, null) > 0;
	}

	/** Replaces the incident if nobody wrote it since it was read with this write counter. */
	boolean compareAndSet(Incident incident, long expectedWrites) {
		return write(incident, "w", expectedWrites, null) > 0;
	}

	/**
	 * Replaces an area-only incident that a point report just gave its anchor (see
	 * {@link RedisIncidentAssigner}), and indexes it at that anchor, if nobody wrote it since it was read.
	 */
	boolean compareAndSetLocated(Incident incident, long expectedWrites, Duration indexTtl) {
		return write(incident, "w", expectedWrites, indexTtl) > 0;
	}

	private long write(Incident incident, String check, long expected, Duration indexTtl) {
		String json = codec.incident(incident);
		var args = new ArrayList<>(List.of(check, Long.toString(expected), Integer.toString(incident.history().size()),
				json, incident.id().value(), incident.state().open() ? "1" : "0",
				Long.toString(incident.lastReportAt().toEpochMilli()), keys.incidentsInAreaPrefix()));
		if (indexTtl != null) {
			var at = incident.anchor();
			args.addAll(List.of(at.latitude() + " " + at.longitude(), Double.toString(at.longitude()),
					Double.toString(at.latitude()), Long.toString(indexTtl.toMillis())));
		}
		Long written = Guard.call("incident replace",
				() -> redis.execute(Scripts.REPLACE,
						List.of(keys.incident(incident.id()), keys.openIncidentAnchors(), keys.openIncidentsLastReport()),
						args.toArray()));
		return written == null ? 0 : written;
	}

	/**
	 * Applies {@code change} to the stored incident atomically: read, change, compare-and-set, and again
	 * from a fresh read when another writer came first. {@code change} must be a pure function of the
	 * incident (it may run more than once) and return the incident unchanged when there is nothing to do.
	 * @return the incident as stored afterwards, empty if there is none
	 * @throws IllegalStateException if the incident kept changing under us (sustained contention)
	 */
	@Override
	public Optional<Incident> update(IncidentId id, UnaryOperator<Incident> change) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<Versioned> current = read(id);
			if (current.isEmpty()) {
				return Optional.empty();
			}
			Incident before = current.get().incident();
			Incident after = change.apply(before);
			if (after.equals(before) || compareAndSet(after, current.get().writes())) {
				return Optional.of(after);
			}
			Contention.pause(attempt);
		}
		throw new IllegalStateException("incident " + id + " changed " + MAX_ATTEMPTS + " times while updating");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Versioned(Incident incident, long writes) {
	}

	/**
	 * The incident expires within {@code ttl} (never later than it would have), and with it what is kept about
	 * it beside its reports: a dispatcher's correction, and residents still waiting for an outcome. It is listed
	 * among the recently closed incidents (at its center, for {@link #recentlyClosed}) for as long: one script,
	 * so the listing never outlives its TTL.
	 */
	@Override
	public void retain(IncidentId id, Duration ttl) {
		Ttl.check(ttl);
		Optional<Incident> incident = find(id);
		if (incident.isEmpty()) {
			return;
		}
		GeoPoint center = incident.get().center();
		Guard.run("incident retain", () -> redis.execute(Scripts.RETAIN_CLOSED,
				List.of(keys.incident(id), keys.closedIncidents()), Long.toString(ttl.toMillis()), id.value(),
				Double.toString(center.longitude()), Double.toString(center.latitude())));
		Guard.run("incident retain", () -> Expiring.retain(redis, List.of(keys.correction(id), keys.followers(id)), ttl));
	}

	/**
	 * The closed incidents still kept (within their retention) whose center lies within {@code radiusMeters} of
	 * {@code center}, in no particular order. A listed incident that has expired is dropped from the list.
	 */
	@Override
	public List<Incident> recentlyClosed(GeoPoint center, double radiusMeters) {
		Checks.positive("radiusMeters", radiusMeters);
		var found = Guard.call("closed incidents", () -> redis.opsForGeo().search(keys.closedIncidents(),
				GeoReference.fromCoordinate(center.longitude(), center.latitude()),
				new Distance(radiusMeters, RedisGeoCommands.DistanceUnit.METERS)));
		if (found == null || found.getContent().isEmpty()) {
			return List.of();
		}
		List<String> ids = found.getContent().stream().map(r -> r.getContent().getName()).toList();
		List<Object> docs = Guard.call("closed incidents", () -> redis.executePipelined((RedisCallback<Object>) c -> {
			for (String id : ids) {
				c.hashCommands().hGet(bytes(keys.incidentPrefix() + id), J);
			}
			return null;
		}));
		var out = new ArrayList<Incident>();
		var gone = new ArrayList<String>();
		for (int i = 0; i < docs.size(); i++) {
			if (docs.get(i) == null) {
				gone.add(ids.get(i));
			}
			else {
				Incident incident = codec.incident((String) docs.get(i));
				if (incident.state().closed()) {
					out.add(incident);
				}
			}
		}
		if (!gone.isEmpty()) {
			Guard.run("closed incidents", () -> redis.opsForZSet().remove(keys.closedIncidents(), gone.toArray()));
		}
		return List.copyOf(out);
	}

}
