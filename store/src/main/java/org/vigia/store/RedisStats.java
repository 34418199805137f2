package org.vigia.store;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.stats.Stats;
import org.vigia.core.support.Checks;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Aggregate counters by UTC hour ({@code stats:{yyyyMMddHH}}, hash metric → count): what stays after
 * retention purged the reports and incidents. They hold no ids and live {@link Ttl#STATS}.
 */
public class RedisStats implements Stats {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	public RedisStats(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Adds one to a metric (e.g. {@code report}, {@code outcome-not_ice}) in the current hour. Best effort:
	 * while Redis is unavailable the count is lost, rather than failing the report or verdict it counts.
	 */
	public void count(String metric) {
		Checks.token("metric", metric, 40);
		String key = keys.stats(HOUR.format(clock.instant()));
		bestEffort(() -> Guard.run("stats count", () -> Expiring.write(redis, key, Ttl.STATS, "HINCRBY", metric, "1")));
	}

	private static void bestEffort(Runnable write) {
		try {
			write.run();
		}
		catch (StoreUnavailableException ex) {
			// an aggregate count is not worth failing what it counts
		}
	}

	/** The counters of the hour that contains now. */
	public Map<String, Long> currentHour() {
		String key = keys.stats(HOUR.format(clock.instant()));
		var entries = Guard.call("stats read", () -> redis.opsForHash().entries(key));
		var out = new TreeMap<String, Long>();
		entries.forEach((k, v) -> out.put((String) k, Long.parseLong((String) v)));
		return out;
	}

	/** The counters of each of the last {@code hours} UTC hours, oldest first (hour label → metric → count). */
	public java.util.LinkedHashMap<String, Map<String, Long>> lastHours(int hours) {
		var out = new java.util.LinkedHashMap<String, Map<String, Long>>();
		var now = clock.instant();
		for (int i = hours - 1; i >= 0; i--) {
			String hour = HOUR.format(now.minus(java.time.Duration.ofHours(i)));
			var entries = Guard.call("stats read", () -> redis.opsForHash().entries(keys.stats(hour)));
			var counts = new TreeMap<String, Long>();
			entries.forEach((k, v) -> counts.put((String) k, Long.parseLong((String) v)));
			out.put(hour, counts);
		}
		return out;
	}

	/**
	 * Records one measurement of a duration metric in today's list (e.g. seconds from the first report to
	 * the verdict), with no ids; kept {@link Ttl#STATS} like the counters. Best effort, like {@link #count}.
	 */
	public void measure(String metric, long value) {
		Checks.token("metric", metric, 40);
		String key = keys.stats(metric + ":" + HOUR.format(clock.instant()).substring(0, 8));
		bestEffort(() -> Guard.run("stats measure",
				() -> Expiring.write(redis, key, Ttl.STATS, "RPUSH", Long.toString(value))));
	}

	/** The median of a duration metric over the last {@code days} UTC days, or -1 without measurements. */
	public long median(String metric, int days) {
		var values = new java.util.ArrayList<Long>();
		var now = clock.instant();
		for (int i = 0; i < days; i++) {
			String day = HOUR.format(now.minus(java.time.Duration.ofDays(i))).substring(0, 8);
			var list = Guard.call("stats read", () -> redis.opsForList().range(keys.stats(metric + ":" + day), 0, -1));
			if (list != null) {
				list.forEach(v -> values.add(Long.parseLong(v)));
			}
		}
		if (values.isEmpty()) {
			return -1;
		}
		java.util.Collections.sort(values);
		return values.get(values.size() / 2);
	}

	/** Every measurement of a duration metric over the last {@code days} UTC days (no ids), unordered. */
	public java.util.List<Long> values(String metric, int days) {
		Checks.token("metric", metric, 40);
		var values = new java.util.ArrayList<Long>();
		var now = clock.instant();
		for (int i = 0; i < days; i++) {
			String day = HOUR.format(now.minus(java.time.Duration.ofDays(i))).substring(0, 8);
			var list = Guard.call("stats read", () -> redis.opsForList().range(keys.stats(metric + ":" + day), 0, -1));
			if (list != null) {
				list.forEach(v -> values.add(Long.parseLong(v)));
			}
		}
		return values;
	}

}
