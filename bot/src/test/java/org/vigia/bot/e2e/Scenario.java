package org.vigia.bot.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What residents, observers and the dispatcher do in the end-to-end tests, as updates that reach the bot
 * through the fake Bot API's long polling or through its webhook, and what they read back.
 */
final class Scenario {

	/**
	 * The dispatcher {@link TestBot} configures. Test users' ids are far from any number a log line prints
	 * (a duration, a port, a count), so that privacy checks of the logs stay strict without false alarms.
	 */
	static final long DISPATCHER = 7_000_900;

	private final FakeTelegram telegram;

	private final Consumer<ObjectNode> sender;

	private Scenario(FakeTelegram telegram, Consumer<ObjectNode> sender) {
		this.telegram = telegram;
		this.sender = sender;
	}

	/** Updates queued for getUpdates, as Telegram does for a bot that polls. */
	static Scenario polling(FakeTelegram telegram) {
		return new Scenario(telegram, telegram::deliver);
	}

	/** Updates posted to the bot's webhook, each answered (once handled) with 200. */
	static Scenario webhook(FakeTelegram telegram, TestBot bot) {
		return new Scenario(telegram, update -> {
			update.put("update_id", telegram.nextUpdateId());
			assertThat(bot.post(update)).isEqualTo(200);
		});
	}

	void send(ObjectNode update) {
		sender.accept(update);
	}

	/**
	 * The last message or edit delivered to a chat (what changed last on the person's screen); an assertion
	 * error (which Awaitility retries) while there is none.
	 */
	Call lastTo(long chat) {
		var delivered = telegram.repliesTo(chat).stream().filter(Call::delivered).toList();
		if (delivered.isEmpty()) {
			throw new AssertionError("nothing delivered to that chat yet");
		}
		return delivered.get(delivered.size() - 1);
	}

	/** The messages and edits delivered to a chat whose text contains this. */
	List<Call> deliveredTo(long chat, String containing) {
		return telegram.repliesTo(chat).stream().filter(Call::delivered).filter(c -> c.text().contains(containing))
			.toList();
	}

	/**
	 * The messages sent to a chat (not their edits) whose text contains this: a prompt counts once however often
	 * it was edited since (observers' prompts change as reports arrive and others answer).
	 */
	List<Call> sentTo(long chat, String containing) {
		return telegram.deliveredTo(chat).stream().filter(c -> c.text().contains(containing)).toList();
	}

	/** The button of a message with the same token, for another action ({@code o:token:action}). */
	static String action(Call message, String action) {
		return message.button("o:").replaceAll(":[a-z-]+$", ":" + action);
	}

	/** The dispatcher invites an observer, who joins, consents and goes on duty at this place (in English). */
	void becomeObserver(long observer, double latitude, double longitude) {
		int before = telegram.deliveredTo(DISPATCHER).size();
		send(telegram.text(DISPATCHER, "en", "/invite"));
		await(() -> assertThat(telegram.deliveredTo(DISPATCHER)).hasSize(before + 1));
		var code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(lastTo(DISPATCHER).text());
		assertThat(code.find()).isTrue();
		send(telegram.text(observer, "en", "/join " + code.group(1)));
		send(telegram.press(observer, "en", "j:y"));
		send(telegram.press(observer, "en", "j:name"));
		send(telegram.text(observer, "en", "/onduty"));
		send(telegram.location(observer, "en", latitude, longitude));
		await(() -> assertThat(lastTo(observer).text()).contains("You are on duty"));
	}

	/**
	 * A report up to the photo question, without waiting for answers: one chat's updates are handled in
	 * order, and the turn numbers of this path are known (a checkpoint, shared location, now, 3–5 agents, one
	 * vehicle, no uniform chosen).
	 */
	void reportUpToThePhoto(long resident, String language, double latitude, double longitude) {
		send(telegram.text(resident, language, "/report"));
		send(telegram.press(resident, language, "r:0:CHECKPOINT"));
		send(telegram.location(resident, language, latitude, longitude));
		for (String answer : List.of("2:NOW", "3:4", "4:1", "5:done")) {
			send(telegram.press(resident, language, "r:" + answer));
		}
	}

	/** A whole report (no photo, no note), sent. */
	void report(long resident, String language, double latitude, double longitude) {
		reportUpToThePhoto(resident, language, latitude, longitude);
		for (String answer : List.of("6:skip", "7:skip", "8:send")) {
			send(telegram.press(resident, language, "r:" + answer));
		}
	}

	/** A whole report (no photo, no note), sent with "tell me what volunteers find". */
	void reportAndAskForTheOutcome(long resident, String language, double latitude, double longitude) {
		reportUpToThePhoto(resident, language, latitude, longitude);
		for (String answer : List.of("6:skip", "7:skip", "8:sendf")) {
			send(telegram.press(resident, language, "r:" + answer));
		}
	}

	static void await(Runnable assertion) {
		Awaitility.await().atMost(FakeTelegram.PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
	}

	/**
	 * Lets real time pass while a fault lasts (an outage lasting a minute lasts a minute): the bot's retries and
	 * back-off run on timers a test cannot move, so the length of an outage is real time. Not a way to give the
	 * bot time to do something twice: wait instead for the state after which it cannot (a delivery recorded, an
	 * update confirmed), as CrashRecoveryTests and RedisFaultTests do; nor a way to wait for something to happen:
	 * {@link #await} its effect.
	 */
	static void waitFor(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		Awaitility.await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
			.until(() -> System.nanoTime() >= until);
	}

}
