package org.vigia.bot.e2e;

import java.util.List;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a resident's report through a {@link HostileBot} by pressing the buttons the bot actually sent. */
final class ReportDriver {

	/** The answers of a plain report, one per question after "what", with the location in second place. */
	static final List<String> ANSWERS = List.of("DETENTION", "<location>", "NOW", "4", "1", "done", "skip", "skip");

	private final HostileBot bot;

	private final double latitude;

	private final double longitude;

	ReportDriver(HostileBot bot, double latitude, double longitude) {
		this.bot = bot;
		this.latitude = latitude;
		this.longitude = longitude;
	}

	/** The latest message of this chat that has buttons, as the person sees it now (with its edits). */
	FakeTelegram.Call lastQuestion(long chat) {
		List<FakeTelegram.Call> sent = bot.telegram.shownTo(chat);
		for (int i = sent.size() - 1; i >= 0; i--) {
			if (!sent.get(i).buttons().isEmpty()) {
				return sent.get(i);
			}
		}
		throw new AssertionError("no question was sent to " + chat);
	}

	/** Presses the button of the latest question whose value is {@code value}; returns the calls it caused. */
	List<FakeTelegram.Call> answer(long user, String value) {
		String data = lastQuestion(user).buttons().stream().filter(b -> b.endsWith(":" + value)).findFirst()
			.orElseThrow(() -> new AssertionError("no button " + value + " in " + lastQuestion(user).buttons()));
		return bot.send(bot.telegram.press(user, "en", data));
	}

	/**
	 * Starts a report and answers its first {@code questions} questions (0: no report at all; 1: only /report,
	 * so "what is happening?" is open; 9: everything, so the summary waits to be sent).
	 */
	void to(long user, int questions) {
		if (questions == 0) {
			return;
		}
		bot.send(bot.telegram.text(user, "en", "/report"));
		for (String value : ANSWERS.subList(0, questions - 1)) {
			if (value.equals("<location>")) {
				bot.send(bot.telegram.location(user, "en", latitude, longitude));
			}
			else {
				answer(user, value);
			}
		}
	}

	/** Starts a report and answers every question before the photo. */
	void toThePhoto(long user) {
		to(user, 7);
		assertThat(lastQuestion(user).text()).contains("Photo (optional)");
	}

	/**
	 * Finishes the report in progress from whatever question is open, with plain answers, and sends it; fails
	 * if the bot does not thank the resident within a dozen steps.
	 */
	void finish(long user) {
		for (int step = 0; step < 12; step++) {
			FakeTelegram.Call question = lastQuestion(user);
			List<String> buttons = question.buttons();
			if (buttons.stream().anyMatch(b -> b.endsWith(":send"))) {
				List<FakeTelegram.Call> calls = answer(user, "send");
				assertThat(HostileBot.texts(calls, user)).as("the report was sent").anyMatch(t -> t.contains("Thank you"));
				return;
			}
			if (question.text().contains("Where is it?")) {
				bot.send(bot.telegram.location(user, "en", latitude, longitude));
				continue;
			}
			String value = ANSWERS.stream().filter(a -> buttons.stream().anyMatch(b -> b.endsWith(":" + a))).findFirst()
				.orElseThrow(() -> new AssertionError("no plain answer among " + buttons + " to " + question.text()));
			answer(user, value);
		}
		throw new AssertionError("the report never reached its summary");
	}

}
