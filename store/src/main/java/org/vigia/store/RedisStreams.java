package org.vigia.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Appends to a capped stream (the console's commands, the bot's events, the audit log) and sets the stream's
 * TTL in the same step, so that a stream is never left without one (docs/redis-keys.md).
 */
public final class RedisStreams {

	private RedisStreams() {
	}

	/**
	 * Appends an entry, trims the stream to about {@code maxEntries} and makes it expire {@code ttl} after
	 * this entry, atomically.
	 * @return the entry's id
	 * @throws StoreUnavailableException if Redis cannot be reached
	 */
	public static String append(StringRedisTemplate redis, String stream, Map<String, String> fields, long maxEntries,
			Duration ttl) {
		Objects.requireNonNull(stream, "stream must not be null");
		if (fields.isEmpty() || maxEntries < 1) {
			throw new IllegalArgumentException("an entry needs fields and a cap of at least 1, had " + fields.size()
					+ " fields and a cap of " + maxEntries);
		}
		var args = new ArrayList<String>(fields.size() * 2 + 4);
		args.addAll(java.util.List.of("MAXLEN", "~", Long.toString(maxEntries), "*"));
		fields.forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		return Guard.call("stream append",
				() -> Expiring.write(redis, stream, ttl, "XADD", args.toArray(String[]::new)));
	}

}
