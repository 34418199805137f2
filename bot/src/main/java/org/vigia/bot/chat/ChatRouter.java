package org.vigia.bot.chat;

import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Texts;
import org.vigia.bot.dispatcher.SignalCaptcha;
import org.vigia.bot.messages.Replies;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.store.Pseudonyms;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.support.StoreUnavailableException;
import org.vigia.core.chat.Input;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.core.messaging.MenuItem;

/**
 * Routes every input of a person (whatever their messenger) to the desk that handles it: commands, the conversation in
 * progress, chosen options by their protocol ({@link Choice}), places. Group and channel updates are ignored: the bot
 * talks to people one to one. If Redis is down, the person is told to call the hotline instead of
 * getting no answer.
 */
public final class ChatRouter implements InboundHandler {

	private static final Logger log = LoggerFactory.getLogger(ChatRouter.class);

	static final int MAX_TEXT = 4096;

	private final Conversations conversations;

	private final Replies replies;

	private final ResidentDesk residents;

	private final RumorCheck rumors;

	private final ObserverDesk observers;

	private final ChatStates state;

	private final Pseudonyms pseudonyms;

	static final Duration TOLD_FOR = Duration.ofSeconds(30);

	private final com.github.benmanes.caffeine.cache.Cache<Address, Boolean> told = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.expireAfterWrite(TOLD_FOR)
		.maximumSize(100_000)
		.build();

	private final BusyReply busy;

	private final List<Desk> desks;

	public ChatRouter(Conversations conversations, Replies replies, ResidentDesk residents, RumorCheck rumors,
			ObserverDesk observers, ChatStates state, Pseudonyms pseudonyms, List<Desk> desks) {
		this.desks = List.copyOf(desks);
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
		if (said instanceof Input.Typed typed && SignalCaptcha.isSolution(typed.text())) {
			observers.captcha(chat, language, typed.text());
			return;
		}
		Optional<State> current = conversations.load(chat);
		for (Desk desk : desks) {
			if (desk.message(chat, language, input, current.orElse(null))) {
				return;
			}
		}
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
		if (current.isPresent() && current.get().mode() == Mode.ON_DUTY && said instanceof Input.Typed typed) {
			observers.dutyText(chat, language, typed.text());
			return;
		}
		replies.say(chat, language, "command.unknown");
	}

	private void command(Address chat, String language, Inbound.Command command) {
		String argument = command.argument().isEmpty() ? null : command.argument();
		for (Desk desk : desks) {
			if (desk.command(chat, language, command)) {
				return;
			}
		}
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
				Optional<State> cancelled = conversations.load(chat);
				if (cancelled.isPresent()) {
					conversations.end(chat);
					replies.send(chat, replies.message(language,
							cancelled.get().mode() == Mode.ACCOMPANY ? "accompany.cancelled" : "report.cancelled").closingAsking(),
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
			case "drill" -> {
				if (!observers.drill(chat, language, argument)) {
					replies.say(chat, language, "command.unknown");
				}
			}
			default -> replies.say(chat, language, "command.unknown");
		}
	}

	/** A chosen option, by its protocol ({@link Choice}); one the bot never offers is stale. */
	private void press(Address chat, String language, Inbound press, String data) {
		Choice choice = Choice.read(data);
		for (Desk desk : desks) {
			if (desk.press(chat, press, language, choice)) {
				return;
			}
		}
		if (choice instanceof Choice.ReportAnswer answer) {
			residents.press(chat, press, language, answer, conversations.load(chat).orElse(null));
		}
		else if (choice instanceof Choice.CheckPlace place) {
			rumors.press(chat, press, language, place, conversations.load(chat).orElse(null));
		}
		else if (choice instanceof Choice.Start start) {
			start(chat, press, language, start.option());
		}
		else if (choice instanceof Choice.ObserverAnswer answer) {
			observers.press(chat, press, language, answer);
		}
		else if (choice instanceof Choice.DispatcherAction action) {
			observers.dispatcherPress(chat, press, language, action);
		}
		else if (choice instanceof Choice.DutyArea area) {
			observers.dutyArea(chat, press, language, area);
		}
		else if (choice instanceof Choice.JoinAnswer answer) {
			observers.consent(chat, press, language, answer.answer(), conversations.load(chat).orElse(null));
		}
		else if (choice instanceof Choice.LanguageChoice chosen) {
			String tag = Texts.language(chosen.language());
			state.language(languageKey(pseudonyms, chat), tag, Duration.ofDays(90));
			replies.answer(press, tag, null);
			replies.say(chat, tag, "language.set");
		}
		else {
			replies.answer(press, language, "button.stale");
		}
	}

	/** The four things people come for, as big buttons under the welcome (the commands still work). */
	private List<List<MenuItem>> startButtons(String language) {
		return Arrays.stream(Choice.Start.Option.values())
			.map(option -> List.of(replies.option(language, option.labelKey(), new Choice.Start(option).value())))
			.toList();
	}

	/** A button of the welcome: the same as its command. */
	private void start(Address chat, Inbound press, String language, Choice.Start.Option option) {
		replies.answer(press, language, null);
		switch (option) {
			case REPORT -> residents.startReport(chat, language);
			case CHECK -> rumors.start(chat, language);
			case RIGHTS -> replies.say(chat, language, "rights.card", replies.hotline());
			case LANGUAGE -> askLanguage(chat, language);
		}
	}

	private void askLanguage(Address chat, String language) {
		replies.say(chat, language, List.of(List.of(MenuItem.of("English", new Choice.LanguageChoice("en").value()),
				MenuItem.of("Español", new Choice.LanguageChoice("es").value()))), "language.ask");
	}

	/** Where a person's chosen language is kept: a keyed hash of their chat, never the chat id itself. */
	public static String languageKey(Pseudonyms pseudonyms, Address chat) {
		return pseudonyms.hash("lang:" + chat.key(), 32);
	}

	/** The language a person chose with /language, English if none. */
	public static java.util.function.Function<Address, String> chosenLanguage(ChatStates state,
			Pseudonyms pseudonyms) {
		return chat -> state.language(languageKey(pseudonyms, chat)).orElse("en");
	}

	private String language(Inbound input, Address chat) {
		Optional<String> chosen = state.language(languageKey(pseudonyms, chat));
		return chosen.orElseGet(() -> Texts.language(input.language()));
	}

}
