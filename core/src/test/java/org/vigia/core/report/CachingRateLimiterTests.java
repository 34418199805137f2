package org.vigia.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachingRateLimiterTests {

	static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");

	/** Three per five minutes in a sliding window, counting how often it is asked. */
	static final class Counting implements RateLimiter {

		final AtomicInteger asked = new AtomicInteger();

		final List<Instant> counted = new ArrayList<>();

		@Override
		public synchronized Decision tryAcquire(Pseudonym who, Instant now) {
			Decision decision = check(who, now);
			if (decision.allowed()) {
				counted.add(now);
			}
			return decision;
		}

		@Override
		public synchronized Decision check(Pseudonym who, Instant now) {
			asked.incrementAndGet();
			var recent = counted.stream().filter(t -> t.isAfter(now.minus(Duration.ofMinutes(5)))).toList();
			return recent.size() < 3 ? Decision.ALLOWED : Decision.refusedUntil(recent.get(0).plus(Duration.ofMinutes(5)));
		}

	}

	@Test
	void aRefusedPersonIsAnsweredLocallyUntilTheSharedLimiterSaidTheyMayReportAgain() {
		var shared = new Counting();
		var limiter = new CachingRateLimiter(shared, 10_000);
		var flooder = new Pseudonym("abc");

		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire(flooder, T0.plusSeconds(i)).allowed()).isTrue();
		}
		assertThat(limiter.tryAcquire(flooder, T0.plusSeconds(4)))
			.isEqualTo(RateLimiter.Decision.refusedUntil(T0.plus(Duration.ofMinutes(5))));
		for (int i = 0; i < 100; i++) {
			assertThat(limiter.tryAcquire(flooder, T0.plusSeconds(5 + i)).allowed()).isFalse();
			assertThat(limiter.check(flooder, T0.plusSeconds(5 + i)).allowed()).isFalse();
		}

		assertThat(shared.asked.get()).as("only the first refusal reached the shared counters").isEqualTo(4);
		assertThat(limiter.tryAcquire(flooder, T0.plus(Duration.ofMinutes(5))).allowed())
			.as("allowed again the moment the first report leaves the window, not a whole window later").isTrue();
		assertThat(shared.asked.get()).isEqualTo(5);
	}

	@Test
	void allowedReportsAlwaysReachTheSharedCounters() {
		var shared = new Counting();
		var limiter = new CachingRateLimiter(shared, 10_000);

		limiter.tryAcquire(new Pseudonym("a"), T0);
		limiter.tryAcquire(new Pseudonym("b"), T0);
		limiter.check(new Pseudonym("c"), T0);

		assertThat(shared.asked.get()).isEqualTo(3);
		assertThat(shared.counted).hasSize(2);
	}

}
