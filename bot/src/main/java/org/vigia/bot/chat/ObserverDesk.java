package org.vigia.bot.chat;

import java.util.List;
import java.util.Optional;


import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.dispatcher.DispatcherDesk;
import org.vigia.bot.dispatcher.DispatcherTexts;
import org.vigia.bot.observer.ObserverAction;
import org.vigia.bot.observer.PromptAnswers;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Transport;
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

	public boolean isDispatcher(Address user) {
		return dispatchers.isDispatcher(user);
	}

	public Optional<Observer> observer(Address chat) {
		return observerAt(observers, chat);
	}

	// ---- joining and duty -------------------------------------------------------------------------

	public void join(Address chat, String language, String argument) {
		joining.join(chat, language, argument);
	}

	/** A press on a joining button: consent, or the suggested name. */
	public void consent(Address chat, Inbound press, String language, String answer, State current) {
		joining.press(chat, press, language, answer, current);
	}

	/** Text typed while choosing the name dispatchers will see. */
	public void name(Address chat, String language, String typed, State current) {
		joining.name(chat, language, typed, current);
	}

	public void onDuty(Address chat, String language) {
		if (observerAt(observers, chat).isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		conversations.save(chat, new State(Mode.ON_DUTY, language, null, null));
		replies.say(chat, language, "observer.onduty.ask");
	}

	/** A (live) location from an observer: while on duty, it moves them in the index. */
	public boolean location(Address chat, String language, GeoPoint where, boolean live, State current) {
		Optional<Observer> observer = observerAt(observers, chat);
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

	public void offDuty(Address chat, String language) {
		Optional<Observer> observer = observerAt(observers, chat);
		if (observer.isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		observers.offDuty(observer.get().id());
		replies.say(chat, language, "observer.offduty.done");
	}

	// ---- buttons and dispatchers --------------------------------------------------------------------

	/** A press on an observer button: {@code token:action}. */
	public void press(Address user, Inbound press, String language, String data) {
		answers.press(user, press, language, data);
	}

	public void invite(Address chat, String language) {
		dispatchers.invite(chat, language);
	}

	public void incidents(Address chat, String language) {
		dispatchers.incidents(chat, language);
	}

	public void dispatcherPress(Address user, Inbound press, String language, String data) {
		dispatchers.press(user, press, language, data);
	}

	/**
	 * The observer who is reached at this address. Observers are stored with a Telegram chat id (the only
	 * messenger observers use so far): an address on another messenger is nobody's yet.
	 */
	static Optional<Observer> observerAt(RedisObserverStore observers, Address chat) {
		long id = telegramId(chat);
		return id == 0 ? Optional.empty() : observers.findByChat(id);
	}

	/** A Telegram person's chat id, or 0 for an address on another messenger. */
	static long telegramId(Address chat) {
		return chat.transport() == Transport.TELEGRAM && chat.isPerson() ? Long.parseLong(chat.id()) : 0;
	}

}
