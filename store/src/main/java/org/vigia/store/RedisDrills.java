package org.vigia.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.drill.Drills;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.ObserverId;

/**
 * The practice scenes of the drills started lately, for the drill report: one sorted set of drill incident ids
 * by the time each starts, which lives {@code ttl} (the open-incident retention) after the latest drill began,
 * like the scenes themselves; and, for a drill whose coordinator chose who takes part, each scene's participants
 * (a set of observer ids per scene, living {@code ttl} from the drill's start).
 */
public class RedisDrills implements Drills {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration ttl;

	public RedisDrills(StringRedisTemplate redis, RedisKeys keys, Duration ttl) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.ttl = Ttl.check(ttl);
	}

	/** Records a practice scene that starts at {@code at}. */
	public void add(IncidentId scene, Instant at) {
		if (!scene.drill()) {
			throw new IllegalArgumentException("only drill incidents are drill scenes");
		}
		Guard.run("drill scene", () -> {
			// scenes of drills older than the retention are gone: so is their place in the list
			redis.opsForZSet().removeRangeByScore(keys.drillScenes(), 0, at.minus(ttl).toEpochMilli());
			// the entry and the key's TTL in one step: never a key left without one
			Expiring.write(redis, keys.drillScenes(), ttl, "ZADD", Long.toString(at.toEpochMilli()), scene.value());
		});
	}

	/**
	 * Records who takes part in a practice scene: only they are asked about it. An empty set records nothing: every
	 * observer on duty takes part, as in a raid.
	 */
	@Override
	public void participants(IncidentId scene, Set<ObserverId> observers) {
		if (!scene.drill()) {
			throw new IllegalArgumentException("only drill incidents have participants");
		}
		if (observers.isEmpty()) {
			return;
		}
		String key = keys.drillParticipants(scene);
		String[] ids = observers.stream().map(ObserverId::value).sorted().toArray(String[]::new);
		Guard.run("drill participants", () -> Expiring.write(redis, key, ttl, "SADD", ids));
	}

	/** Who takes part in a practice scene; empty if every observer on duty does (or the scene is not a drill's). */
	@Override
	public Set<ObserverId> participants(IncidentId scene) {
		if (!scene.drill()) {
			return Set.of();
		}
		Set<String> ids = Guard.call("drill participants", () -> redis.opsForSet().members(keys.drillParticipants(scene)));
		return ids == null ? Set.of() : ids.stream().map(ObserverId::new).collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/** The practice scenes still kept, in the order they start. */
	public List<IncidentId> scenes() {
		Set<String> ids = Guard.call("drill scenes", () -> redis.opsForZSet().range(keys.drillScenes(), 0, -1));
		return ids == null ? List.of() : ids.stream().map(IncidentId::new).toList();
	}

}
