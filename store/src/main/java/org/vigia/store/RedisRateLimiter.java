package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.RateLimiter;

/**
 * The resident rate limit of DESIGN.md (3 per 5 minutes, 20 per day, per pseudonym) as fixed-window
 * counters {@code rate:{pseudonym}:b{n}} and {@code rate:{pseudonym}:d{n}}; both are checked and
 * counted in one script, so that two instances cannot let a burst through between them. Counters expire
 * with their window.
 */
public class RedisRateLimiter implements RateLimiter {

	/** The outcome of one attempt. */
	public enum Decision {

		ALLOWED, BURST_EXCEEDED, DAILY_EXCEEDED;

		public boolean allowed() {
			return this == ALLOWED;
		}

	}

	private static final Duration DAY = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final VigiaSettings.RateLimit limits;

	private final Clock clock;

	public RedisRateLimiter(StringRedisTemplate redis, RedisKeys keys, VigiaSettings.RateLimit limits, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.limits = Objects.requireNonNull(limits, "limits must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/** Counts one report of this pseudonym if both windows have room, and says whether it did. */
	public Decision tryAcquire(Pseudonym who) {
		return decide(who, clock.millis());
	}

	@Override
	public boolean tryAcquire(Pseudonym who, Instant now) {
		return decide(who, now.toEpochMilli()).allowed();
	}

	private Decision decide(Pseudonym who, long now) {
		long burstMillis = limits.burstWindow().toMillis();
		String burst = keys.rate(who, "b" + now / burstMillis);
		String daily = keys.rate(who, "d" + now / DAY.toMillis());
		Long answer = Guard.call("rate limit",
				() -> redis.execute(Scripts.RATE_LIMIT, List.of(burst, daily), Integer.toString(limits.burst()),
						Long.toString(burstMillis), Integer.toString(limits.daily()), Long.toString(DAY.toMillis())));
		return Decision.values()[answer == null ? 0 : answer.intValue()];
	}

}
