package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.RateLimiter.Decision;

import static org.assertj.core.api.Assertions.assertThat;

/** The resident rate limit on Redis: 3 reports in any 5 minutes, 20 in any 24 hours, per pseudonym. */
class RedisRateLimiterTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static RedisRateLimiter limiter;

	/** Four minutes and forty seconds into a five-minute clock window: the boundary fixed windows had is at :05:00. */
	static final Instant T0 = Instant.parse("2026-03-14T17:04:40Z");

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		limiter = new RedisRateLimiter(server.newInstance(), server.keys(), VigiaSettings.RateLimit.DEFAULTS);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aFourthReportWithinFiveMinutesIsRefusedAcrossAClockBoundary() {
		var who = new Pseudonym("straddler");

		// 17:04:40, 17:04:50, 17:05:00, 17:05:20: fixed windows of the clock let all four through in 40 s
		assertThat(limiter.tryAcquire(who, T0)).isEqualTo(Decision.ALLOWED);
		assertThat(limiter.tryAcquire(who, T0.plusSeconds(10))).isEqualTo(Decision.ALLOWED);
		assertThat(limiter.tryAcquire(who, T0.plusSeconds(20))).isEqualTo(Decision.ALLOWED);
		assertThat(limiter.tryAcquire(who, T0.plusSeconds(40)))
			.as("refused until the first report is five minutes old")
			.isEqualTo(Decision.refusedUntil(T0.plus(Duration.ofMinutes(5))));

		assertThat(limiter.tryAcquire(who, T0.plus(Duration.ofMinutes(5)).minusMillis(1)).allowed()).isFalse();
		assertThat(limiter.tryAcquire(who, T0.plus(Duration.ofMinutes(5)))).isEqualTo(Decision.ALLOWED);
		assertThat(limiter.tryAcquire(who, T0.plus(Duration.ofMinutes(5)).plusSeconds(1)))
			.as("the window slid past one report only")
			.isEqualTo(Decision.refusedUntil(T0.plusSeconds(10).plus(Duration.ofMinutes(5))));
	}

	@Test
	void aCheckCountsNothingAndSaysWhatASendWouldHear() {
		var who = new Pseudonym("checker");
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.check(who, T0.plusSeconds(i))).isEqualTo(Decision.ALLOWED);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire(who, T0.plusSeconds(10 + i))).isEqualTo(Decision.ALLOWED);
		}

		assertThat(limiter.check(who, T0.plusSeconds(20)))
			.isEqualTo(Decision.refusedUntil(T0.plusSeconds(10).plus(Duration.ofMinutes(5))));
		assertThat(limiter.tryAcquire(who, T0.plusSeconds(21)))
			.isEqualTo(Decision.refusedUntil(T0.plusSeconds(10).plus(Duration.ofMinutes(5))));
	}

	@Test
	void twentyReportsInAnyDayAndNoMore() {
		var who = new Pseudonym("daily");
		Instant start = Instant.parse("2026-03-14T23:00:00Z");
		// one every 6 minutes never meets the burst limit; 20 of them straddle midnight
		for (int i = 0; i < 20; i++) {
			assertThat(limiter.tryAcquire(who, start.plus(Duration.ofMinutes(6L * i))))
				.as("report %d", i + 1)
				.isEqualTo(Decision.ALLOWED);
		}

		Instant later = start.plus(Duration.ofHours(5));
		assertThat(limiter.tryAcquire(who, later))
			.as("the 21st within a day, though on another calendar day")
			.isEqualTo(Decision.refusedUntil(start.plus(Duration.ofDays(1))));
		assertThat(limiter.tryAcquire(who, start.plus(Duration.ofDays(1)))).isEqualTo(Decision.ALLOWED);
	}

	@Test
	void eachPseudonymHasItsOwnWindows() {
		var first = new Pseudonym("one");
		for (int i = 0; i < 3; i++) {
			limiter.tryAcquire(first, T0);
		}

		assertThat(limiter.tryAcquire(first, T0.plusSeconds(1)).allowed()).isFalse();
		assertThat(limiter.tryAcquire(new Pseudonym("two"), T0.plusSeconds(1))).isEqualTo(Decision.ALLOWED);
	}

	@Test
	void theWindowsExpireWithTheLastReport() {
		var who = new Pseudonym("expiring");
		limiter.tryAcquire(who, T0);

		var ttl = server.newInstance().getExpire(server.keys().prefix() + "rate:expiring");

		assertThat(ttl).isBetween(Duration.ofDays(1).toSeconds() - 5, Duration.ofDays(1).toSeconds());
	}

}
