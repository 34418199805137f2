package org.vigia.bot.chat;

import java.util.List;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.dispatcher.DispatcherDesk;
import org.vigia.bot.dispatcher.DispatcherTexts;
import org.vigia.bot.observer.ObserverAction;
import org.vigia.bot.observer.PromptAnswers;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.observer.Observer;
import org.vigia.store.RedisObserverStore;

/**
 * Observers and dispatchers in their private chats, as the router sees them: joining ({@link Joining}), going
 * on and off duty, the buttons of observers' prompts ({@link PromptAnswers}) and dispatchers' commands and
 * buttons ({@link DispatcherDesk}).
 */
public final class ObserverDesk {

	static final String OBSERVER = ObserverAction.PREFIX;

	static final String DISPATCHER = DispatcherTexts.PREFIX;

	static final String JOIN = "j";

	private final Conversations conversations;

	private final Replies replies;

	private final RedisObserverStore observers;

	private final Joining joining;

	private final PromptAnswers answers;

	private final DispatcherDesk dispatchers;

	private final VigiaSettings settings;

	public ObserverDesk(Conversations conversations, Replies replies, RedisObserverStore observers,
			PromptAnswers answers, DispatcherDesk dispatchers, VigiaSettings settings, java.time.Clock clock,
			org.vigia.store.RedisChatState state) {
		this.conversations = conversations;
		this.replies = replies;
		this.observers = observers;
		this.joining = new Joining(conversations, replies, observers, state, clock);
		this.answers = answers;
		this.dispatchers = dispatchers;
		this.settings = settings;
	}

	public boolean isDispatcher(long user) {
		return dispatchers.isDispatcher(user);
	}

	public Optional<Observer> observer(long chat) {
		return observers.findByChat(chat);
	}

	// ---- joining and duty -------------------------------------------------------------------------

	public void join(long chat, String language, String argument) {
		joining.join(chat, language, argument);
	}

	/** A press on a joining button: consent, or the suggested name. */
	public void consent(long chat, String callbackId, String language, String answer, State current) {
		joining.press(chat, callbackId, language, answer, current);
	}

	/** Text typed while choosing the name dispatchers will see. */
	public void name(long chat, String language, String typed, State current) {
		joining.name(chat, language, typed, current);
	}

	public void onDuty(long chat, String language) {
		if (observers.findByChat(chat).isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		conversations.save(chat, new State(Mode.ON_DUTY, language, null, null));
		replies.say(chat, language, "observer.onduty.ask");
	}

	/** A (live) location from an observer: while on duty, it moves them in the index. */
	public boolean location(long chat, String language, GeoPoint where, boolean live, State current) {
		Optional<Observer> observer = observers.findByChat(chat);
		if (observer.isEmpty()) {
			return false;
		}
		boolean starting = current != null && current.mode() == Mode.ON_DUTY;
		if (!starting && !observers.isOnDuty(observer.get().id())) {
			return false;
		}
		observers.onDuty(observer.get().id(), where, settings.retention().onDutyPosition());
		if (starting) {
			conversations.end(chat);
			replies.say(chat, language, "observer.onduty.on");
		}
		return true;
	}

	public void offDuty(long chat, String language) {
		Optional<Observer> observer = observers.findByChat(chat);
		if (observer.isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		observers.offDuty(observer.get().id());
		replies.say(chat, language, "observer.offduty.done");
	}

	// ---- buttons and dispatchers --------------------------------------------------------------------

	/** A press on an observer button: {@code token:action}. */
	public void press(long user, String callbackId, String language, String data) {
		answers.press(user, callbackId, language, data);
	}

	public void invite(long chat, String language) {
		dispatchers.invite(chat, language);
	}

	public void incidents(long chat, String language) {
		dispatchers.incidents(chat, language);
	}

	public void dispatcherPress(long user, String callbackId, String language, String data) {
		dispatchers.press(user, callbackId, language, data);
	}

	static InlineKeyboardButton button(String label, String data) {
		return InlineKeyboardButton.builder().text(Texts.plain(label)).callbackData(data).build();
	}

	static InlineKeyboardMarkup inline(List<InlineKeyboardButton> row) {
		return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(row)).build();
	}

}
