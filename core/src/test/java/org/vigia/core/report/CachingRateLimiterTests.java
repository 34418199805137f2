package org.vigia.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachingRateLimiterTests {

	static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");

	/** Three per five minutes, counting how often it is asked. */
	static final class Counting implements RateLimiter {

		final AtomicInteger asked = new AtomicInteger();

		int used;

		@Override
		public boolean tryAcquire(Pseudonym who, Instant now) {
			asked.incrementAndGet();
			return ++used <= 3;
		}

	}

	@Test
	void aRefusedPersonIsAnsweredLocallyUntilTheWindowPasses() {
		var shared = new Counting();
		var limiter = new CachingRateLimiter(shared, Duration.ofMinutes(5), 10_000);
		var flooder = new Pseudonym("abc");

		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire(flooder, T0.plusSeconds(i))).isTrue();
		}
		assertThat(limiter.tryAcquire(flooder, T0.plusSeconds(4))).isFalse();
		for (int i = 0; i < 100; i++) {
			assertThat(limiter.tryAcquire(flooder, T0.plusSeconds(5 + i))).isFalse();
		}

		assertThat(shared.asked.get()).as("only the first refusal reached the shared counters").isEqualTo(4);
		limiter.tryAcquire(flooder, T0.plus(Duration.ofMinutes(6)));
		assertThat(shared.asked.get()).isEqualTo(5);
	}

	@Test
	void allowedReportsAlwaysReachTheSharedCounters() {
		var shared = new Counting();
		var limiter = new CachingRateLimiter(shared, Duration.ofMinutes(5), 10_000);

		limiter.tryAcquire(new Pseudonym("a"), T0);
		limiter.tryAcquire(new Pseudonym("b"), T0);

		assertThat(shared.asked.get()).isEqualTo(2);
	}

}
