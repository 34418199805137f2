package org.vigia.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.drill.Drills;
import org.vigia.core.incident.IncidentId;

/**
 * The practice scenes of the drills started lately, for the drill report: one sorted set of drill incident ids
 * by the time each starts, which lives {@code ttl} (the open-incident retention) after the latest drill began,
 * like the scenes themselves.
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
			redis.opsForZSet().add(keys.drillScenes(), scene.value(), at.toEpochMilli());
			redis.expire(keys.drillScenes(), ttl);
		});
	}

	/** The practice scenes still kept, in the order they start. */
	public List<IncidentId> scenes() {
		Set<String> ids = Guard.call("drill scenes", () -> redis.opsForZSet().range(keys.drillScenes(), 0, -1));
		return ids == null ? List.of() : ids.stream().map(IncidentId::new).toList();
	}

}
