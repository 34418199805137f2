package org.vigia.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A local memory of who was just refused, in front of the shared counters: during a flood the same
 * pseudonyms hit the limit again and again, and each repeat is answered here without a round trip to
 * Redis.
 *
 * <p>Design note: only refusals are cached, for {@code remember} (the burst window by default), so the
 * cache can make the limit stricter for a while but never looser: allowed reports always go to the shared
 * counters, which stay the one truth across instances. Bounded in size; time comes from the instants
 * callers pass, so tests move it. Thread-safe.
 */
public final class CachingRateLimiter implements RateLimiter {

	private final RateLimiter shared;

	private final Duration remember;

	private final Cache<Pseudonym, Instant> refused;

	public CachingRateLimiter(RateLimiter shared, Duration remember, long maximumSize) {
		this.shared = Objects.requireNonNull(shared, "shared must not be null");
		this.remember = Objects.requireNonNull(remember, "remember must not be null");
		this.refused = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	@Override
	public boolean tryAcquire(Pseudonym who, Instant now) {
		Instant until = refused.getIfPresent(who);
		if (until != null && now.isBefore(until)) {
			return false;
		}
		if (shared.tryAcquire(who, now)) {
			refused.invalidate(who);
			return true;
		}
		refused.put(who, now.plus(remember));
		return false;
	}

}
