package org.vigia.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.RateLimiter;
import org.vigia.core.support.StoreUnavailableException;

/**
 * The resident rate limit of DESIGN.md (3 per 5 minutes, 20 per day, per pseudonym) in sliding windows: the
 * times of a pseudonym's reports of the last 24 hours in one sorted set {@code rate:{pseudonym}}, checked and
 * counted in one script ({@code redis/ratelimit.lua}), so that two instances cannot let a burst through
 * between them. The set expires a day after the pseudonym's latest report.
 */
public class RedisRateLimiter implements RateLimiter {

	private static final Duration DAY = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final VigiaSettings.RateLimit limits;

	private final SecureRandom random = new SecureRandom();

	public RedisRateLimiter(StringRedisTemplate redis, RedisKeys keys, VigiaSettings.RateLimit limits) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.limits = Objects.requireNonNull(limits, "limits must not be null");
	}

	/** @throws StoreUnavailableException if Redis cannot be reached; nothing was counted then */
	@Override
	public Decision tryAcquire(Pseudonym who, Instant now) {
		byte[] member = new byte[8];
		random.nextBytes(member);
		return decide(who, now, HexFormat.of().formatHex(member));
	}

	/** @throws StoreUnavailableException if Redis cannot be reached */
	@Override
	public Decision check(Pseudonym who, Instant now) {
		return decide(who, now, "");
	}

	private Decision decide(Pseudonym who, Instant now, String member) {
		List<?> answer = Guard.call("rate limit",
				() -> redis.execute(Scripts.RATE_LIMIT, List.of(keys.rate(who)), Long.toString(now.toEpochMilli()),
						Integer.toString(limits.burst()), Long.toString(limits.burstWindow().toMillis()),
						Integer.toString(limits.daily()), Long.toString(DAY.toMillis()), member));
		if (answer == null || answer.isEmpty()) {
			throw new IllegalStateException("rate limit script gave no answer");
		}
		if (((Long) answer.get(0)) == 0) {
			return Decision.ALLOWED;
		}
		return Decision.refusedUntil(Instant.ofEpochMilli((Long) answer.get(1)));
	}

}
