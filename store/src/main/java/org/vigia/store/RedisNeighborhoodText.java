package org.vigia.store;

import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The neighborhoods and their channels, as the GeoJSON FeatureCollection text an administrator
 * uploaded, under {@code neighborhoods}. A NeighborhoodStore adapter parses it; this class only keeps
 * it, with a long TTL renewed on every save.
 */
public class RedisNeighborhoodText {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	public RedisNeighborhoodText(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
	}

	public Optional<String> load() {
		return Optional.ofNullable(Guard.call("neighborhoods load", () -> redis.opsForValue().get(keys.neighborhoods())));
	}

	public void save(String featureCollection) {
		if (featureCollection == null || featureCollection.isBlank()) {
			throw new IllegalArgumentException("featureCollection must not be empty");
		}
		Guard.run("neighborhoods save",
				() -> redis.opsForValue().set(keys.neighborhoods(), featureCollection, Ttl.REGISTRY));
	}

}
