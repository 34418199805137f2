package org.vigia.bot.e2e;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's private chat with the bot, step by step as a person goes: each update waits for the bot's
 * reply (a new message, or an edit of one), and presses use the buttons the person sees now.
 */
final class ResidentChat {

	final long chat;

	final String language;

	private final FakeTelegram telegram;

	ResidentChat(FakeTelegram telegram, long chat, String language) {
		this.telegram = telegram;
		this.chat = chat;
		this.language = language;
	}

	/** Delivers an update and returns the first reply it caused (a message, or an edit of one). */
	Call send(ObjectNode update) {
		return send(update, 1).get(0);
	}

	/** Delivers an update and returns the {@code replies} replies it caused. */
	List<Call> send(ObjectNode update, int replies) {
		int before = telegram.repliesTo(chat).size();
		telegram.deliver(update);
		Scenario.await(() -> assertThat(telegram.repliesTo(chat)).hasSizeGreaterThanOrEqualTo(before + replies));
		return telegram.repliesTo(chat).subList(before, before + replies);
	}

	/** Delivers these updates at once (no waiting in between) and returns one reply for each. */
	List<Call> sendAll(ObjectNode... updates) {
		int before = telegram.repliesTo(chat).size();
		for (ObjectNode update : updates) {
			telegram.deliver(update);
		}
		Scenario.await(() -> assertThat(telegram.repliesTo(chat)).hasSizeGreaterThanOrEqualTo(before + updates.length));
		return telegram.repliesTo(chat).subList(before, before + updates.length);
	}

	Call say(String text) {
		return send(telegram.text(chat, language, text));
	}

	Call share(double latitude, double longitude) {
		return send(telegram.location(chat, language, latitude, longitude));
	}

	Call venue(double latitude, double longitude, String title, String address) {
		return send(telegram.venue(chat, language, latitude, longitude, title, address));
	}

	/** Presses the button whose value is {@code value} on the latest message that has buttons. */
	Call press(String value) {
		return send(telegram.press(chat, language, button(value)));
	}

	/** The callback data of the button of the latest question whose value is {@code value}. */
	String button(String value) {
		Call question = question();
		return question.buttons().stream().filter(b -> b.endsWith(":" + value)).findFirst()
			.orElseThrow(() -> new AssertionError("no button " + value + " in " + question.buttons()));
	}

	/** The latest message that has buttons, as the person sees it now. */
	Call question() {
		List<Call> shown = telegram.shownTo(chat);
		for (int i = shown.size() - 1; i >= 0; i--) {
			if (!shown.get(i).buttons().isEmpty()) {
				return shown.get(i);
			}
		}
		throw new AssertionError("no message with buttons in this chat");
	}

	/** The latest message, as the person sees it now. */
	Call last() {
		List<Call> shown = telegram.shownTo(chat);
		return shown.get(shown.size() - 1);
	}

	/** Reports a scene up to the summary with these answers (the place given by {@code place}). */
	Call toSummary(String kind, Runnable place, String when, String agents, String vehicles, List<String> uniforms) {
		say("/report");
		press(kind);
		place.run();
		return fromWhen(when, agents, vehicles, uniforms);
	}

	/** From "when?" to the summary, with these answers, no photo and no note. */
	Call fromWhen(String when, String agents, String vehicles, List<String> uniforms) {
		press(when);
		press(agents);
		press(vehicles);
		uniforms.forEach(this::press);
		press("done");
		press("skip");
		return press("skip");
	}

}
