package org.vigia.store;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.support.Checks;

/**
 * Aggregate counters by UTC hour ({@code stats:{yyyyMMddHH}}, hash metric → count): what stays after
 * retention purged the reports and incidents. They hold no ids and live {@link Ttl#STATS}.
 */
public class RedisStats {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	public RedisStats(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/** Adds one to a metric (e.g. {@code report}, {@code outcome-not_ice}) in the current hour. */
	public void count(String metric) {
		Checks.token("metric", metric, 40);
		String key = keys.stats(HOUR.format(clock.instant()));
		Guard.run("stats count", () -> {
			redis.opsForHash().increment(key, metric, 1);
			redis.expire(key, Ttl.STATS);
		});
	}

	/** The counters of the hour that contains now. */
	public Map<String, Long> currentHour() {
		String key = keys.stats(HOUR.format(clock.instant()));
		var entries = Guard.call("stats read", () -> redis.opsForHash().entries(key));
		var out = new TreeMap<String, Long>();
		entries.forEach((k, v) -> out.put((String) k, Long.parseLong((String) v)));
		return out;
	}

}
