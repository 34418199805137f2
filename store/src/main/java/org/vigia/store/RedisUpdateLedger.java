package org.vigia.store;

import java.time.Duration;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Telegram update ids already taken, so that an update delivered twice (webhook retries, a restart
 * between receiving and acknowledging, a second instance) is handled once. Kept a day: Telegram does
 * not redeliver older updates.
 */
public class RedisUpdateLedger {

	static final Duration KEEP = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	public RedisUpdateLedger(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
	}

	/** True for the first caller with this update id, false for every later one, on any instance. */
	public boolean firstTime(long updateId) {
		Boolean fresh = Guard.call("update ledger",
				() -> redis.opsForValue().setIfAbsent(keys.update(updateId), "1", KEEP));
		return Boolean.TRUE.equals(fresh);
	}

}
