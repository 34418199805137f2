package org.vigia.bot.chat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.store.StoreUnavailableException;
import org.vigia.core.chat.Input;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.core.messaging.MenuItem;

/**
 * Routes every input of a person (whatever their messenger) to the desk that handles it: commands, the conversation in
 * progress, button presses by their prefix, locations. Group and channel updates are ignored: the bot
 * talks to people one to one. If Redis is down, the person is told to call the hotline instead of
 * getting no answer.
 */
public final class ChatRouter implements InboundHandler {

	private static final Logger log = LoggerFactory.getLogger(ChatRouter.class);

	static final int MAX_TEXT = 4096;

	/** The prefix of the welcome's buttons ({@code s:report}), and what they stand for, in order. */
	static final String START = "s";

	/** The prefix of the language buttons ({@code l:es}). */
	static final String LANGUAGE = "l";

	static final List<String> START_CHOICES = List.of("report", "check", "rights", "language");

	private final Conversations conversations;

	private final Replies replies;

	private final ResidentDesk residents;

	private final RumorCheck rumors;

	private final ObserverDesk observers;

	private final RedisChatState state;

	private final Pseudonyms pseudonyms;

	static final Duration TOLD_FOR = Duration.ofSeconds(30);

	private final com.github.benmanes.caffeine.cache.Cache<Address, Boolean> told = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.expireAfterWrite(TOLD_FOR)
		.maximumSize(100_000)
		.build();

	private final BusyReply busy;

	public ChatRouter(Conversations conversations, Replies replies, ResidentDesk residents, RumorCheck rumors,
			ObserverDesk observers, RedisChatState state, Pseudonyms pseudonyms) {
		this.busy = new BusyReply(replies);
		this.conversations = conversations;
		this.replies = replies;
		this.residents = residents;
		this.rumors = rumors;
		this.observers = observers;
		this.state = state;
		this.pseudonyms = pseudonyms;
	}

	@Override
	public void handle(Inbound input) {
		Address chat = input.from();
		if (!chat.isPerson()) {
			return;
		}
		String language = "en";
		try {
			language = language(input, chat);
			Inbound.Content content = input.content();
			if (content instanceof Inbound.Chosen chosen) {
				press(chat, language, input, chosen.value());
			}
			else if (content instanceof Inbound.Moved moved) {
				// a live location moving: it moves an observer on duty, and does nothing else
				observers.location(chat, language, moved.point(), true, null);
			}
			else if (content instanceof Inbound.Command command) {
				command(chat, language, command);
			}
			else if (content instanceof Inbound.Contact) {
				// a contact card carries a phone number: say it was not kept, and leave any conversation as it was
				replies.say(chat, language, "contact.notKept");
			}
			else {
				message(chat, language, input);
			}
		}
		catch (StoreUnavailableException ex) {
			storeUnavailable(input, chat, language);
		}
		catch (IllegalArgumentException ex) {
			// hostile or absurd input (e.g. coordinates out of range): refuse it, change nothing
			log.info("Refused an update: {}", ex.getClass().getSimpleName());
			replies.say(chat, language, "command.unknown");
		}
	}

	/** Under overload: the person is told to try again (see {@link BusyReply}). */
	@Override
	public void overloaded(Inbound input) {
		busy.shed(input);
	}

	/**
	 * Redis is down: the person is told to call the hotline, once per outage rather than once per tap (a
	 * resident pressing five buttons in a three-second outage would get five copies), and a pressed button
	 * stops spinning with the same words. Who was told lives in memory only, for {@link #TOLD_FOR}.
	 */
	private void storeUnavailable(Inbound input, Address chat, String language) {
		if (input.content() instanceof Inbound.Chosen) {
			replies.answer(input, language, "store.unavailable.short");
		}
		if (told.asMap().putIfAbsent(chat, Boolean.TRUE) == null) {
			log.warn("Redis unavailable while handling an update: told the person to call the hotline");
			replies.say(chat, language, "store.unavailable", replies.hotline());
		}
	}

	private void message(Address chat, String language, Inbound input) {
		Input said = input.content() instanceof Inbound.Said s ? s.input() : null;
		if (said instanceof Input.Typed typed) {
			if (typed.text().length() > MAX_TEXT) {
				replies.say(chat, language, "report.error.tooLong", MAX_TEXT);
				return;
			}
			if (typed.text().startsWith("/")) {
				// a slash and no command name the bot knows
				replies.say(chat, language, "command.unknown");
				return;
			}
		}
		Optional<State> current = conversations.load(chat);
		if (current.isPresent() && current.get().mode() == Mode.JOIN_NAME
				&& said instanceof Input.Typed typed) {
			observers.name(chat, language, typed.text(), current.get());
			return;
		}
		// a place sent in the middle of a report or a /check answers it, even from an observer on duty
		if (current.isPresent() && current.get().mode() == Mode.REPORT) {
			residents.message(chat, input, current.get());
			return;
		}
		if (current.isPresent() && current.get().mode() == Mode.CHECK) {
			rumors.message(chat, language, input);
			return;
		}
		if (said instanceof Input.Location place
				&& observers.location(chat, language, place.point(), false, current.orElse(null))) {
			return;
		}
		replies.say(chat, language, "command.unknown");
	}

	private void command(Address chat, String language, Inbound.Command command) {
		String argument = command.argument().isEmpty() ? null : command.argument();
		switch (command.name()) {
			case "start" -> {
				conversations.end(chat);
				replies.say(chat, language, startButtons(language), "start.welcome", replies.hotline());
			}
			case "help" -> replies.say(chat, language, "help.text", replies.hotline());
			case "rights" -> replies.say(chat, language, "rights.card", replies.hotline());
			case "report" -> residents.startReport(chat, language);
			case "check" -> rumors.start(chat, language);
			case "cancel" -> {
				if (conversations.load(chat).isPresent()) {
					conversations.end(chat);
					replies.send(chat, replies.message(language, "report.cancelled").closingAsking(),
							org.vigia.core.messaging.Messenger.Urgency.NORMAL);
				}
				else {
					replies.say(chat, language, "command.cancel.nothing");
				}
			}
			case "language" -> askLanguage(chat, language);
			case "join" -> observers.join(chat, language, argument);
			case "onduty" -> observers.onDuty(chat, language);
			case "offduty" -> observers.offDuty(chat, language);
			case "invite" -> observers.invite(chat, language);
			case "incidents" -> observers.incidents(chat, language);
			default -> replies.say(chat, language, "command.unknown");
		}
	}

	private void press(Address chat, String language, Inbound press, String data) {
		String[] parts = data.split(":", 2);
		String rest = parts.length == 2 ? parts[1] : "";
		switch (parts[0]) {
			case ResidentDesk.PREFIX -> residents.press(chat, press, language, rest,
					conversations.load(chat).orElse(null));
			case RumorCheck.PREFIX -> rumors.press(chat, press, language, rest, conversations.load(chat).orElse(null));
			case START -> start(chat, press, language, rest);
			case ObserverDesk.OBSERVER -> observers.press(chat, press, language, rest);
			case ObserverDesk.DISPATCHER -> observers.dispatcherPress(chat, press, language, rest);
			case ObserverDesk.JOIN -> observers.consent(chat, press, language, rest, conversations.load(chat).orElse(null));
			case LANGUAGE -> {
				String chosen = Texts.language(rest);
				state.language(languageKey(pseudonyms, chat), chosen, Duration.ofDays(90));
				replies.answer(press, chosen, null);
				replies.say(chat, chosen, "language.set");
			}
			default -> replies.answer(press, language, "button.stale");
		}
	}

	/** The four things people come for, as big buttons under the welcome (the commands still work). */
	private List<List<MenuItem>> startButtons(String language) {
		return START_CHOICES.stream()
			.map(choice -> List.of(replies.option(language, "start.button." + choice, START + ":" + choice)))
			.toList();
	}

	/** A button of the welcome: the same as its command. */
	private void start(Address chat, Inbound press, String language, String choice) {
		if (!START_CHOICES.contains(choice)) {
			replies.answer(press, language, "button.stale");
			return;
		}
		replies.answer(press, language, null);
		switch (choice) {
			case "report" -> residents.startReport(chat, language);
			case "check" -> rumors.start(chat, language);
			case "rights" -> replies.say(chat, language, "rights.card", replies.hotline());
			default -> askLanguage(chat, language);
		}
	}

	private void askLanguage(Address chat, String language) {
		replies.say(chat, language, List.of(List.of(MenuItem.of("English", LANGUAGE + ":en"),
				MenuItem.of("Español", LANGUAGE + ":es"))), "language.ask");
	}

	/** Where a person's chosen language is kept: a keyed hash of their chat, never the chat id itself. */
	static String languageKey(Pseudonyms pseudonyms, Address chat) {
		return pseudonyms.hash("lang:" + chat.key(), 32);
	}

	private String language(Inbound input, Address chat) {
		Optional<String> chosen = state.language(languageKey(pseudonyms, chat));
		return chosen.orElseGet(() -> Texts.language(input.language()));
	}

}
