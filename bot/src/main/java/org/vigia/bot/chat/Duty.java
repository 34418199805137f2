package org.vigia.bot.chat;

import java.util.Optional;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.messages.Replies;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.messaging.Address;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverStore;

/**
 * Observers going on and off duty: /onduty asks for their live location, which puts them in the index of
 * observers who may be asked to check a scene (and moves them there as it moves); /offduty takes them out.
 */
public final class Duty {

	private final Conversations conversations;

	private final Replies replies;

	private final ObserverStore observers;

	private final VigiaSettings settings;

	public Duty(Conversations conversations, Replies replies, ObserverStore observers, VigiaSettings settings) {
		this.conversations = conversations;
		this.replies = replies;
		this.observers = observers;
		this.settings = settings;
	}

	void onDuty(Address chat, String language) {
		if (ObserverDesk.observerAt(observers, chat).isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		conversations.save(chat, new State(Mode.ON_DUTY, language, null, null));
		replies.say(chat, language, "observer.onduty.ask");
	}

	/** A (live) location from an observer: while on duty, it moves them in the index. */
	boolean location(Address chat, String language, GeoPoint where, boolean live, State current) {
		Optional<Observer> observer = ObserverDesk.observerAt(observers, chat);
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

	void offDuty(Address chat, String language) {
		Optional<Observer> observer = ObserverDesk.observerAt(observers, chat);
		if (observer.isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		observers.offDuty(observer.get().id());
		replies.say(chat, language, "observer.offduty.done");
	}

}
