package org.vigia.bot.chat;

import org.vigia.bot.messages.Replies;

import java.util.concurrent.CompletableFuture;

import org.vigia.bot.dispatcher.DispatcherWarnings;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.observer.ObserverPrompts;
import org.vigia.bot.observer.PromptRefresh;
import org.vigia.core.incident.Incident;
import org.vigia.core.observer.Observer;
import org.vigia.core.chat.ChatStates;

/**
 * What people are sent as an incident moves ({@link Verification.Notices}): observers' prompts and their edits,
 * dispatchers' warnings, and the outcome to residents who asked for it.
 */
public final class Notifications implements Verification.Notices {

	private final ObserverPrompts prompts;

	private final PromptRefresh refresh;

	private final DispatcherWarnings dispatchers;

	private final ChatStates state;

	private final Replies replies;

	public Notifications(ObserverPrompts prompts, PromptRefresh refresh, DispatcherWarnings dispatchers,
			ChatStates state, Replies replies) {
		this.prompts = prompts;
		this.refresh = refresh;
		this.dispatchers = dispatchers;
		this.state = state;
		this.replies = replies;
	}

	@Override
	public CompletableFuture<Long> ask(Observer observer, Incident incident) {
		return prompts.ask(observer, incident);
	}

	@Override
	public CompletableFuture<Long> askVerdict(Observer observer, Incident incident) {
		return prompts.askVerdict(observer, incident);
	}

	@Override
	public void outcome(Incident incident) {
		String key = switch (incident.state()) {
			case CONFIRMED, PUBLISHED -> "outcome.confirmed";
			case NOT_ICE -> "outcome.notIce";
			case UNFOUNDED -> "outcome.unfounded";
			case EXPIRED -> "outcome.expired";
			default -> null;
		};
		if (key == null) {
			return;
		}
		for (String[] follower : state.takeFollowers(incident.id())) {
			replies.say(org.vigia.core.messaging.Address.ofKey(follower[0]), follower[1], key);
		}
	}

	@Override
	public void surge(Incident incident) {
		dispatchers.surge(incident);
	}

	@Override
	public void disputed(Incident incident) {
		dispatchers.disputed(incident);
	}

	@Override
	public void changed(Incident incident) {
		refresh.touch(incident.id());
	}

	@Override
	public void retain(Incident incident, java.time.Duration ttl) {
		prompts.retainButtons(incident, ttl);
	}

}
