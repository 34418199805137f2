package org.vigia.core.report;

import java.time.Instant;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A local memory of who was just refused, in front of the shared counters: during a flood the same
 * pseudonyms hit the limit again and again, and each repeat is answered here without a round trip to
 * Redis.
 *
 * <p>Design note: only refusals are cached, each until the moment the shared limiter said a report would be
 * allowed again, so the cache never makes the limit looser, nor stricter than the shared answer (another
 * instance may still count reports in between: the cache then refuses what the shared counters would
 * refuse too). Allowed reports always go to the shared counters, which stay the one truth across
 * instances. Bounded in size; time comes from the instants callers pass, so tests move it. Thread-safe.
 */
public final class CachingRateLimiter implements RateLimiter {

	private final RateLimiter shared;

	private final Cache<Pseudonym, Instant> refused;

	public CachingRateLimiter(RateLimiter shared, long maximumSize) {
		this.shared = Objects.requireNonNull(shared, "shared must not be null");
		this.refused = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	@Override
	public Decision tryAcquire(Pseudonym who, Instant now) {
		Instant until = refused.getIfPresent(who);
		if (until != null && now.isBefore(until)) {
			return Decision.refusedUntil(until);
		}
		return remember(who, shared.tryAcquire(who, now));
	}

	@Override
	public Decision check(Pseudonym who, Instant now) {
		Instant until = refused.getIfPresent(who);
		if (until != null && now.isBefore(until)) {
			return Decision.refusedUntil(until);
		}
		return remember(who, shared.check(who, now));
	}

	private Decision remember(Pseudonym who, Decision decision) {
		if (decision.allowed()) {
			refused.invalidate(who);
		}
		else {
			refused.put(who, decision.retryAt());
		}
		return decision;
	}

}
