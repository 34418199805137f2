package org.vigia.bot.chat;

import org.vigia.bot.messages.Replies;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.bot.scene.Scenes;
import org.vigia.core.scene.ScenePlace;

import java.util.Set;
import java.util.function.Function;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.chat.Text;
import org.vigia.core.incident.Incident;

/**
 * What the bot tells the network's dispatchers about residents' reports, at once and in each dispatcher's
 * chosen language (English unless they chose with /language): which scene, in words, and why they must act.
 */
public final class Dispatchers {

	private final Replies replies;

	private final Set<Address> ids;

	private final Function<Address, String> languageOf;

	private final Scenes scenes;

	private final SceneTexts words;

	private final double reachKilometers;

	/**
	 * @param ids the dispatchers' addresses
	 * @param languageOf the language a dispatcher chose
	 * @param reachMeters how far observers are searched at most (the widened dispatch radius)
	 */
	public Dispatchers(Replies replies, Set<Address> ids, Function<Address, String> languageOf, Scenes scenes,
			SceneTexts words, double reachMeters) {
		this.replies = replies;
		this.ids = Set.copyOf(ids);
		this.languageOf = languageOf;
		this.scenes = scenes;
		this.words = words;
		this.reachKilometers = reachMeters / 1000;
	}

	/** A new scene that no on-duty observer is near enough to check: only a dispatcher can act on it now. */
	public void nobodyNear(Incident incident) {
		if (ids.isEmpty()) {
			return;
		}
		ScenePlace place = scenes.of(incident).place();
		for (Address dispatcher : ids) {
			String language = languageOf.apply(dispatcher);
			var text = Text.of("dispatcher.nobodyNear", words.kind(incident), words.place(place),
					words.time(incident.openedAt()), reachKilometers);
			replies.send(dispatcher, replies.texts().render(text, language), Messenger.Urgency.URGENT);
		}
	}

}
