package org.vigia.bot.chat;

import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.messages.Choice;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;

/**
 * A feature that builds on the chat (accompaniment), to which the {@link ChatRouter} offers each input before its
 * own desks: each method says whether the feature took it. The feature's package depends on this one, never the
 * other way round.
 */
public interface Desk {

	/** A command; false if it is not this desk's. */
	boolean command(Address chat, String language, Inbound.Command command);

	/**
	 * A chosen option, read by its protocol; false if the protocol is not this desk's. Called for every press, so
	 * it answers false for other protocols without any work (the conversation is not loaded for it).
	 */
	boolean press(Address chat, Inbound press, String language, Choice choice);

	/** Text, a place or a photo, in the conversation {@code current} (null for none); false if not this desk's. */
	boolean message(Address chat, String language, Inbound input, State current);

}
