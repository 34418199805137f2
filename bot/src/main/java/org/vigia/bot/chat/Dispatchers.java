package org.vigia.bot.chat;

import java.util.Set;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.core.chat.Text;
import org.vigia.core.incident.Incident;

/**
 * What the bot tells the network's dispatchers about residents' reports, at once and in each dispatcher's
 * chosen language (English unless they chose with /language): which scene, in words, and why they must act.
 */
public final class Dispatchers {

	private final Replies replies;

	private final RedisChatState state;

	private final Pseudonyms pseudonyms;

	private final Set<Address> ids;

	private final SceneWords words;

	private final double reachKilometers;

	/**
	 * @param ids the dispatchers' addresses
	 * @param reachMeters how far observers are searched at most (the widened dispatch radius)
	 */
	public Dispatchers(Replies replies, RedisChatState state, Pseudonyms pseudonyms, Set<Address> ids, SceneWords words,
			double reachMeters) {
		this.replies = replies;
		this.state = state;
		this.pseudonyms = pseudonyms;
		this.ids = Set.copyOf(ids);
		this.words = words;
		this.reachKilometers = reachMeters / 1000;
	}

	/** A new scene that no on-duty observer is near enough to check: only a dispatcher can act on it now. */
	public void nobodyNear(Incident incident) {
		for (Address dispatcher : ids) {
			String language = state.language(ChatRouter.languageKey(pseudonyms, dispatcher)).orElse("en");
			var text = Text.of("dispatcher.nobodyNear", words.what(incident), words.where(incident),
					words.time(incident.openedAt()), reachKilometers);
			replies.send(dispatcher, replies.texts().render(text, language), Messenger.Urgency.URGENT);
		}
	}

}
