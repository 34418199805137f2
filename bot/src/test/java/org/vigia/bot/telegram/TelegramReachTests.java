package org.vigia.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.vigia.bot.e2e.TestClock;

/**
 * When the Bot API counts as unreachable: three failed calls in a row, or no answer for longer than the window;
 * one answer ends it. Time is moved by hand.
 */
class TelegramReachTests {

	static final Instant START = Instant.parse("2026-03-01T14:00:00Z");

	final TestClock clock = new TestClock(START);

	final TelegramReach reach = new TelegramReach(clock, Duration.ofSeconds(80));

	@Test
	void aBlipOfTwoFailuresIsNotAnOutageAndTheThirdIs() {
		reach.answered();
		reach.failed();
		clock.advance(Duration.ofSeconds(1));
		reach.failed();
		assertThat(reach.problem()).isEmpty();

		reach.failed();
		assertThat(reach.problem())
			.contains("Telegram's Bot API did not answer the last 3 calls (failing since 14:00:00 UTC)");

		reach.answered();
		assertThat(reach.problem()).isEmpty();
		assertThat(reach.lastAnswer()).contains(START.plusSeconds(1));
	}

	@Test
	void noAnswerForLongerThanTheWindowIsAnOutageEvenWithoutAFailure() {
		reach.answered();
		clock.advance(Duration.ofSeconds(80));
		assertThat(reach.problem()).isEmpty();

		// a call that hangs has not failed yet
		clock.advance(Duration.ofSeconds(1));
		assertThat(reach.problem()).contains("Telegram's Bot API has not answered since 14:00:00 UTC");
	}

	@Test
	void aBotThatNeverReachedTelegramSaysSinceWhen() {
		clock.advance(Duration.ofMinutes(2));
		assertThat(reach.problem()).contains("Telegram's Bot API has not answered since the bot started at 14:00:00 UTC");
		for (int i = 0; i < 3; i++) {
			reach.failed();
		}
		assertThat(reach.problem()).hasValueSatisfying(p -> assertThat(p).endsWith("never answered since the bot started)"));
	}

}
