package org.vigia.bot.dispatcher;

import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

import org.vigia.bot.messages.Replies;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.incident.Incident;

/**
 * Warnings dispatchers get at once, unasked, in the language each chose (English unless they chose another):
 * a surge of reports at one unverified scene (a possible false-report flood), and a confirmed scene that later
 * observers dispute (with the buttons to correct or end it).
 */
public final class DispatcherWarnings {

	private final Replies replies;

	private final DispatcherTexts texts;

	private final Set<Address> dispatchers;

	private final Function<Address, String> languageOf;

	private final Clock clock;

	/** @param languageOf the language a dispatcher chose, by chat */
	public DispatcherWarnings(Replies replies, DispatcherTexts texts, Set<Address> dispatchers,
			Function<Address, String> languageOf, Clock clock) {
		this.replies = replies;
		this.texts = texts;
		this.dispatchers = Set.copyOf(dispatchers);
		this.languageOf = languageOf;
		this.clock = clock;
	}

	public void surge(Incident incident) {
		for (Address dispatcher : dispatchers) {
			String language = languageOf.apply(dispatcher);
			replies.send(dispatcher, Outbound.markup(texts.surge(incident, clock.instant(), language)).withRows(texts.actions(incident, language)),
					Messenger.Urgency.URGENT);
		}
	}

	public void disputed(Incident incident) {
		for (Address dispatcher : dispatchers) {
			String language = languageOf.apply(dispatcher);
			replies.send(dispatcher, Outbound.markup(texts.disputed(incident, language)).withRows(texts.actions(incident, language)),
					Messenger.Urgency.URGENT);
		}
	}

}
