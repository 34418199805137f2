package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram fails for a whole minute, first answering 500 to everything, then not answering at all, while
 * observers confirm a scene and residents keep reporting through the webhook. Afterwards the bot catches
 * up: the alert is posted once, and every resident gets every answer, once each and in order.
 */
class TelegramOutageTests {

	static final long OBSERVER_A = 811, OBSERVER_B = 812, CONTROL = 8000, FIRST_RESIDENT = 8001;

	static final int RESIDENTS = 10;

	/** Downtown Chicago (Cook County, channel @vigia_sample_cook), where the observers are. */
	static final double LAT = 41.8781, LON = -87.6298;

	/** Downtown Austin (Travis County), where nobody is on duty. */
	static final double AUSTIN_LAT = 30.2672, AUSTIN_LON = -97.7431;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	static Scenario scenario;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, "vigia-outage:", TestBot.withWebhook("--vigia.telegram.request-timeout=2s"));
		scenario = Scenario.webhook(telegram, bot);
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	/** What a resident reads, message by message and edit by edit, with digits (times, turn numbers) left out. */
	static List<String> transcript(long resident) {
		return telegram.repliesTo(resident).stream().filter(FakeTelegram.Call::delivered)
			.map(c -> c.text().replaceAll("\\d", "#")).toList();
	}

	@Test
	void aMinuteOfServerErrorsAndTimeoutsDelaysEveryAnswerButLosesAndRepeatsNone() {
		scenario.becomeObserver(OBSERVER_A, LAT + 0.004, LON + 0.002);
		scenario.becomeObserver(OBSERVER_B, LAT + 0.004, LON + 0.002);
		scenario.report(CONTROL, "en", AUSTIN_LAT, AUSTIN_LON);
		Scenario.await(() -> assertThat(scenario.lastTo(CONTROL).text()).contains("do not repost"));
		List<String> expected = transcript(CONTROL);
		scenario.report(7001, "en", LAT, LON);
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			Scenario.await(() -> assertThat(scenario.lastTo(observer).text()).contains("Can you go and check?"));
			scenario.send(telegram.press(observer, "en", Scenario.action(scenario.lastTo(observer), "going")));
			// the question arrives as a new message; the prompt is edited too ("you are going"), in either order
			Scenario.await(() -> assertThat(scenario.sentTo(observer, "What did you see?")).hasSize(1));
		}

		int callsBefore = telegram.calls().size();
		telegram.outage(FakeTelegram.Fault.SERVER_ERROR, true);
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			scenario.send(telegram.press(observer, "en",
					Scenario.action(scenario.sentTo(observer, "What did you see?").get(0), "ice")));
		}
		for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
			scenario.report(resident, "en", AUSTIN_LAT + (resident - FIRST_RESIDENT) * 0.0001, AUSTIN_LON);
		}
		Scenario.waitFor(Duration.ofSeconds(30));
		telegram.outage(FakeTelegram.Fault.HANG, true);
		Scenario.waitFor(Duration.ofSeconds(30));
		int callsDuringOutage = telegram.calls().size() - callsBefore + telegram.hanging();
		telegram.endOutage();

		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(telegram.deliveredTo("@vigia_sample_cook")).hasSize(1);
			for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
				assertThat(transcript(resident)).hasSameSizeAs(expected);
			}
		});
		for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
			assertThat(transcript(resident)).as("resident %d", resident).containsExactlyElementsOf(expected);
		}
		assertThat(scenario.lastTo(7001).text()).contains("do not repost");
		assertThat(telegram.deliveredTo("@vigia_sample_cook").get(0).text()).contains("VERIFICADO");
		// while Telegram was down the bot probed it with one call at a time instead of one per chat
		assertThat(callsDuringOutage).isLessThan(60);
		System.out.printf("FAULT telegram down 60 s | %d calls during the outage; afterwards 1 post, %d residents"
				+ " with all %d answers%n", callsDuringOutage, RESIDENTS, expected.size());
		// nothing arrived twice, and nothing more will (a few seconds later, the channel still has one post)
		Scenario.waitFor(Duration.ofSeconds(3));
		assertThat(telegram.deliveredTo("@vigia_sample_cook")).hasSize(1);
		for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
			assertThat(transcript(resident)).hasSameSizeAs(expected);
		}
		TtlScan.assertEveryKeyExpires(bot.bean(org.springframework.data.redis.core.StringRedisTemplate.class),
				"vigia-outage:");
	}

}
