package org.vigia.bot.chat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.store.StoreUnavailableException;
import org.vigia.bot.telegram.UpdateHandler;
import org.vigia.core.geo.GeoPoint;

/**
 * Routes every update of a private chat to the desk that handles it: commands, the conversation in
 * progress, button presses by their prefix, locations. Group and channel updates are ignored: the bot
 * talks to people one to one. If Redis is down, the person is told to call the hotline instead of
 * getting no answer.
 */
public final class ChatRouter implements UpdateHandler {

	private static final Logger log = LoggerFactory.getLogger(ChatRouter.class);

	static final int MAX_TEXT = 4096;

	/** The prefix of the welcome's buttons ({@code s:report}), and what they stand for, in order. */
	static final String START = "s";

	static final List<String> START_CHOICES = List.of("report", "check", "rights", "language");

	private final Conversations conversations;

	private final Replies replies;

	private final ResidentDesk residents;

	private final RumorCheck rumors;

	private final ObserverDesk observers;

	private final RedisChatState state;

	private final Pseudonyms pseudonyms;

	static final Duration TOLD_FOR = Duration.ofSeconds(30);

	private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> told = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.expireAfterWrite(TOLD_FOR)
		.maximumSize(100_000)
		.build();

	public ChatRouter(Conversations conversations, Replies replies, ResidentDesk residents, RumorCheck rumors,
			ObserverDesk observers, RedisChatState state, Pseudonyms pseudonyms) {
		this.conversations = conversations;
		this.replies = replies;
		this.residents = residents;
		this.rumors = rumors;
		this.observers = observers;
		this.state = state;
		this.pseudonyms = pseudonyms;
	}

	@Override
	public void handle(Update update) {
		long chat = UpdateChats.privateChat(update);
		if (chat == 0) {
			return;
		}
		String language = "en";
		try {
			language = language(update, chat);
			if (update.hasCallbackQuery()) {
				press(chat, language, update.getCallbackQuery());
			}
			else if (update.hasEditedMessage()) {
				// a live location moving; edits of anything else, or to no usable place, are ignored
				Optional<GeoPoint> moved = UpdateChats.point(update.getEditedMessage());
				if (update.getEditedMessage().hasLocation() && moved.isPresent()) {
					observers.location(chat, language, moved.get(), true, null);
				}
			}
			else if (update.hasMessage()) {
				message(chat, language, update.getMessage());
			}
		}
		catch (StoreUnavailableException ex) {
			storeUnavailable(update, chat, language);
		}
		catch (IllegalArgumentException ex) {
			// hostile or absurd input (e.g. coordinates out of range): refuse it, change nothing
			log.info("Refused an update: {}", ex.getClass().getSimpleName());
			replies.say(chat, language, "command.unknown");
		}
	}

	/**
	 * Redis is down: the person is told to call the hotline, once per outage rather than once per tap (a
	 * resident pressing five buttons in a three-second outage would get five copies), and a pressed button
	 * stops spinning with the same words. Who was told lives in memory only, for {@link #TOLD_FOR}.
	 */
	private void storeUnavailable(Update update, long chat, String language) {
		if (update.hasCallbackQuery()) {
			replies.answer(update.getCallbackQuery().getId(), chat, language, "store.unavailable.short");
		}
		if (told.asMap().putIfAbsent(chat, Boolean.TRUE) == null) {
			log.warn("Redis unavailable while handling an update: told the person to call the hotline");
			replies.say(chat, language, "store.unavailable", replies.hotline());
		}
	}

	private void message(long chat, String language, Message message) {
		if (message.hasText() && message.getText().length() > MAX_TEXT) {
			replies.say(chat, language, "report.error.tooLong", MAX_TEXT);
			return;
		}
		if (message.hasText() && message.getText().startsWith("/")) {
			command(chat, language, message.getText());
			return;
		}
		if (message.hasContact()) {
			// a contact card carries a phone number: say it was not kept, and leave any conversation as it was
			replies.say(chat, language, "contact.notKept");
			return;
		}
		Optional<State> current = conversations.load(chat);
		if (current.isPresent() && current.get().mode() == Mode.JOIN_NAME && message.hasText()) {
			observers.name(chat, language, message.getText(), current.get());
			return;
		}
		// a place sent in the middle of a report or a /check answers it, even from an observer on duty
		if (current.isPresent() && current.get().mode() == Mode.REPORT) {
			residents.message(chat, message, current.get());
			return;
		}
		if (current.isPresent() && current.get().mode() == Mode.CHECK) {
			rumors.message(chat, language, message);
			return;
		}
		Optional<GeoPoint> where = message.hasLocation() ? UpdateChats.point(message) : Optional.empty();
		if (where.isPresent() && observers.location(chat, language, where.get(), false, current.orElse(null))) {
			return;
		}
		replies.say(chat, language, "command.unknown");
	}

	private void command(long chat, String language, String text) {
		String[] words = text.strip().split("\\s+", 2);
		String command = words[0].toLowerCase(Locale.ROOT);
		int at = command.indexOf('@');
		if (at > 0) {
			command = command.substring(0, at);
		}
		String argument = words.length > 1 ? words[1] : null;
		switch (command) {
			case "/start" -> {
				conversations.end(chat);
				replies.say(chat, language, startButtons(language), "start.welcome", replies.hotline());
			}
			case "/help" -> replies.say(chat, language, "help.text", replies.hotline());
			case "/rights" -> replies.say(chat, language, "rights.card", replies.hotline());
			case "/report" -> residents.startReport(chat, language);
			case "/check" -> rumors.start(chat, language);
			case "/cancel" -> {
				if (conversations.load(chat).isPresent()) {
					conversations.end(chat);
					replies.say(chat, language,
							org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove.builder()
								.removeKeyboard(true)
								.build(),
							"report.cancelled");
				}
				else {
					replies.say(chat, language, "command.cancel.nothing");
				}
			}
			case "/language" -> askLanguage(chat, language);
			case "/join" -> observers.join(chat, language, argument);
			case "/onduty" -> observers.onDuty(chat, language);
			case "/offduty" -> observers.offDuty(chat, language);
			case "/invite" -> observers.invite(chat, language);
			case "/incidents" -> observers.incidents(chat, language);
			default -> replies.say(chat, language, "command.unknown");
		}
	}

	private void press(long chat, String language, CallbackQuery query) {
		String data = query.getData() == null ? "" : query.getData();
		String[] parts = data.split(":", 2);
		String rest = parts.length == 2 ? parts[1] : "";
		switch (parts[0]) {
			case ResidentDesk.PREFIX -> residents.press(chat, query.getId(), language, rest,
					conversations.load(chat).orElse(null),
					query.getMessage() == null ? null : query.getMessage().getMessageId());
			case RumorCheck.PREFIX -> rumors.press(chat, query.getId(), language, rest,
					conversations.load(chat).orElse(null));
			case START -> start(chat, query.getId(), language, rest);
			case ObserverDesk.OBSERVER -> observers.press(chat, query.getId(), language, rest);
			case ObserverDesk.DISPATCHER -> observers.dispatcherPress(chat, query.getId(), language, rest);
			case ObserverDesk.JOIN -> observers.consent(chat, query.getId(), language, rest,
					conversations.load(chat).orElse(null));
			case "l" -> {
				String chosen = Texts.language(rest);
				state.language(languageKey(pseudonyms, chat), chosen, Duration.ofDays(90));
				replies.answer(query.getId(), chat, chosen, null);
				replies.say(chat, chosen, "language.set");
			}
			default -> replies.answer(query.getId(), chat, language, "button.stale");
		}
	}

	/** The four things people come for, as big buttons under the welcome (the commands still work). */
	private InlineKeyboardMarkup startButtons(String language) {
		var rows = START_CHOICES.stream()
			.map(choice -> new InlineKeyboardRow(ObserverDesk.button(
					replies.texts().render("start.button." + choice, language), START + ":" + choice)))
			.toList();
		return InlineKeyboardMarkup.builder().keyboard(rows).build();
	}

	/** A button of the welcome: the same as its command. */
	private void start(long chat, String callbackId, String language, String choice) {
		if (!START_CHOICES.contains(choice)) {
			replies.answer(callbackId, chat, language, "button.stale");
			return;
		}
		replies.answer(callbackId, chat, language, null);
		switch (choice) {
			case "report" -> residents.startReport(chat, language);
			case "check" -> rumors.start(chat, language);
			case "rights" -> replies.say(chat, language, "rights.card", replies.hotline());
			default -> askLanguage(chat, language);
		}
	}

	private void askLanguage(long chat, String language) {
		replies.say(chat, language, ObserverDesk.inline(List.of(ObserverDesk.button("English", "l:en"),
				ObserverDesk.button("Español", "l:es"))), "language.ask");
	}

	/** Where a person's chosen language is kept: a keyed hash of their chat, never the chat id itself. */
	static String languageKey(Pseudonyms pseudonyms, long chat) {
		return pseudonyms.hash("lang:" + chat, 32);
	}

	private String language(Update update, long chat) {
		Optional<String> chosen = state.language(languageKey(pseudonyms, chat));
		if (chosen.isPresent()) {
			return chosen.get();
		}
		var from = update.hasCallbackQuery() ? update.getCallbackQuery().getFrom()
				: update.hasMessage() ? update.getMessage().getFrom()
						: update.hasEditedMessage() ? update.getEditedMessage().getFrom() : null;
		return Texts.language(from == null ? null : from.getLanguageCode());
	}

}
