package org.vigia.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.neighborhood.NeighborhoodText;

/**
 * The neighborhoods and their channels, as the GeoJSON FeatureCollection text in force, under
 * {@code neighborhoods}, with its version ({@code neighborhoods:version}, a digest of the text) that every bot
 * process watches to apply a new map, and the version last taken from a NEIGHBORHOODS_FILE
 * ({@code neighborhoods:file}). A NeighborhoodStore adapter parses the text; this class only keeps it. Each save
 * writes its keys in one step, with a long TTL renewed on every save.
 */
public class RedisNeighborhoodText implements NeighborhoodText {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	public RedisNeighborhoodText(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
	}

	public Optional<String> load() {
		return Optional.ofNullable(Guard.call("neighborhoods load", () -> redis.opsForValue().get(keys.neighborhoods())));
	}

	/** The version of the saved text ({@link NeighborhoodText#version(String)}), empty if none was saved with one. */
	public Optional<String> version() {
		return Optional.ofNullable(
				Guard.call("neighborhoods version", () -> redis.opsForValue().get(keys.neighborhoodsVersion())));
	}

	/** The version last saved from a NEIGHBORHOODS_FILE ({@link #saveFromFile}), if any. */
	public Optional<String> fileVersion() {
		return Optional.ofNullable(
				Guard.call("neighborhoods version", () -> redis.opsForValue().get(keys.neighborhoodsFile())));
	}

	/** Saves the map in force (a console upload): every bot process applies it. */
	public void save(String featureCollection) {
		String text = checked(featureCollection);
		Guard.run("neighborhoods save", () -> Expiring.setAll(redis,
				List.of(keys.neighborhoods(), keys.neighborhoodsVersion()), List.of(text, NeighborhoodText.version(text)), Ttl.REGISTRY));
	}

	/** Saves the map of a NEIGHBORHOODS_FILE, remembering that the file gave it. */
	public void saveFromFile(String featureCollection) {
		String text = checked(featureCollection);
		String version = NeighborhoodText.version(text);
		Guard.run("neighborhoods save",
				() -> Expiring.setAll(redis, List.of(keys.neighborhoods(), keys.neighborhoodsVersion(), keys.neighborhoodsFile()),
						List.of(text, version, version), Ttl.REGISTRY));
	}

	private static String checked(String featureCollection) {
		if (featureCollection == null || featureCollection.isBlank()) {
			throw new IllegalArgumentException("featureCollection must not be empty");
		}
		return featureCollection;
	}

}
