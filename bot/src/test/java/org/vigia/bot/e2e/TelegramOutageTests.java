package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram fails for a whole minute, first answering 500 to everything, then not answering at all, while
 * observers confirm a scene and residents keep reporting through the webhook. Afterwards the bot catches
 * up: the alert is posted once, and every resident gets every answer, once each and in order.
 */
class TelegramOutageTests {

	static final long DISPATCHER = 900, OBSERVER_A = 811, OBSERVER_B = 812, CONTROL = 8000, FIRST_RESIDENT = 8001;

	static final int RESIDENTS = 10;

	/** Downtown Chicago (Cook County, channel @vigia_sample_cook), where the observers are. */
	static final double LAT = 41.8781, LON = -87.6298;

	/** Downtown Austin (Travis County), where nobody is on duty. */
	static final double AUSTIN_LAT = 30.2672, AUSTIN_LON = -97.7431;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, "vigia-outage:", TestBot.webhook()[0], TestBot.webhook()[1],
				"--vigia.telegram.request-timeout=2s");
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	static void send(ObjectNode update) {
		update.put("update_id", telegram.nextUpdateId());
		assertThat(bot.post(update)).isEqualTo(200);
	}

	static void await(Runnable assertion) {
		Awaitility.await().atMost(FakeTelegram.PATIENCE).untilAsserted(assertion::run);
	}

	static Call lastTo(long chat) {
		var delivered = telegram.deliveredTo(chat);
		if (delivered.isEmpty()) {
			throw new AssertionError("nothing delivered to that chat yet");
		}
		return delivered.get(delivered.size() - 1);
	}

	/** A whole report without waiting for answers (the turn numbers of this path are known). */
	static void report(long resident, double lat, double lon) {
		send(telegram.text(resident, "en", "/report"));
		send(telegram.press(resident, "en", "r:0:CHECKPOINT"));
		send(telegram.location(resident, "en", lat, lon));
		for (String answer : List.of("2:NOW", "3:4", "4:1", "5:done", "6:skip", "7:skip", "8:send")) {
			send(telegram.press(resident, "en", "r:" + answer));
		}
	}

	static void becomeObserver(long observer) {
		int before = telegram.deliveredTo(DISPATCHER).size();
		send(telegram.text(DISPATCHER, "en", "/invite"));
		await(() -> assertThat(telegram.deliveredTo(DISPATCHER)).hasSize(before + 1));
		var code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(lastTo(DISPATCHER).text());
		assertThat(code.find()).isTrue();
		send(telegram.text(observer, "en", "/join " + code.group(1)));
		send(telegram.press(observer, "en", "j:y"));
		send(telegram.text(observer, "en", "/onduty"));
		send(telegram.location(observer, "en", LAT + 0.004, LON + 0.002));
		await(() -> assertThat(lastTo(observer).text()).contains("You are on duty"));
	}

	/** What a resident reads, with digits (times, turn numbers) left out. */
	static List<String> transcript(long resident) {
		return telegram.deliveredTo(resident).stream().map(c -> c.text().replaceAll("\\d", "#")).toList();
	}

	static void waitFor(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		Awaitility.await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> System.nanoTime() >= until);
	}

	@Test
	void aMinuteOfServerErrorsAndTimeoutsDelaysEveryAnswerButLosesAndRepeatsNone() {
		becomeObserver(OBSERVER_A);
		becomeObserver(OBSERVER_B);
		report(CONTROL, AUSTIN_LAT, AUSTIN_LON);
		await(() -> assertThat(lastTo(CONTROL).text()).contains("do not repost"));
		List<String> expected = transcript(CONTROL);
		report(7001, LAT, LON);
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			await(() -> assertThat(lastTo(observer).text()).contains("Can you go and check?"));
			send(telegram.press(observer, "en", lastTo(observer).button("o:").replaceAll(":[a-z]$", ":g")));
			await(() -> assertThat(lastTo(observer).text()).contains("What did you see?"));
		}

		int callsBefore = telegram.calls().size();
		telegram.outage(FakeTelegram.Fault.SERVER_ERROR, true);
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			send(telegram.press(observer, "en", lastTo(observer).button("o:").replaceAll(":[a-z]$", ":i")));
		}
		for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
			report(resident, AUSTIN_LAT + (resident - FIRST_RESIDENT) * 0.0001, AUSTIN_LON);
		}
		waitFor(Duration.ofSeconds(30));
		telegram.outage(FakeTelegram.Fault.HANG, true);
		waitFor(Duration.ofSeconds(30));
		int callsDuringOutage = telegram.calls().size() - callsBefore + telegram.hanging();
		telegram.endOutage();

		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(telegram.deliveredTo("@vigia_sample_cook")).hasSize(1);
			for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
				assertThat(telegram.deliveredTo(resident)).hasSameSizeAs(expected);
			}
		});
		for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
			assertThat(transcript(resident)).as("resident %d", resident).containsExactlyElementsOf(expected);
		}
		assertThat(lastTo(7001).text()).contains("do not repost");
		assertThat(telegram.deliveredTo("@vigia_sample_cook").get(0).text()).contains("VERIFICADO");
		// while Telegram was down the bot probed it with one call at a time instead of one per chat
		assertThat(callsDuringOutage).isLessThan(60);
		// nothing arrived twice, and nothing more will (a few seconds later, the channel still has one post)
		waitFor(Duration.ofSeconds(3));
		assertThat(telegram.deliveredTo("@vigia_sample_cook")).hasSize(1);
		for (long resident = FIRST_RESIDENT; resident < FIRST_RESIDENT + RESIDENTS; resident++) {
			assertThat(telegram.deliveredTo(resident)).hasSameSizeAs(expected);
		}
	}

}
