package org.vigia.core.messaging;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The port every messenger adapter implements: the engine's few verbs toward people and groups, whatever
 * carries them (Telegram's Bot API, signal-cli, the simulator). Rasa's output channels are the model: a small
 * set of verbs, capabilities per adapter, and degrading (options as a numbered menu, an edit as a quoted
 * follow-up) done by the adapter, not the engine.
 *
 * <p>What people send reaches the engine the other way, as {@link Inbound}s that each adapter hands to the
 * conversation engine; this port is how the engine answers.
 *
 * <p>Contract: every method is thread-safe and returns without waiting for the network; a message is queued,
 * paced and retried by the adapter as its messenger requires, and the returned future completes with the
 * sent message's reference, or fails with the adapter's error (never a retry the caller must do). Nothing is
 * logged with an address's id or a text.
 */
public interface Messenger {

	/** How soon a message must go, when the adapter has a queue. */
	enum Urgency {

		/** Channel alerts, observers' prompts, warnings to dispatchers. */
		URGENT,
		/** Answers in a conversation. */
		NORMAL

	}

	/** The messenger this adapter speaks. */
	Transport transport();

	/** What it can do; the engine degrades what it cannot. */
	Capabilities capabilities();

	/**
	 * Sends {@code message} to {@code to}.
	 *
	 * @return the sent message's reference, to edit or quote it later
	 */
	CompletableFuture<SentRef> send(Address to, Outbound message, Urgency urgency);

	/**
	 * Replaces an earlier message's text and options with {@code message}'s (a photo or a place cannot be
	 * edited in). An adapter that cannot edit it any more ({@link Capabilities#canEdit}) sends {@code message}
	 * as a follow-up quoting it instead.
	 *
	 * @return the reference of the message that now shows it: {@code sent} if edited, else the follow-up's
	 */
	CompletableFuture<SentRef> edit(SentRef sent, Outbound message, Urgency urgency);

	/**
	 * Tells the messenger that a {@link Inbound.Chosen} press was seen (Telegram stops the button's spinner),
	 * with a short plain notice for the person, or none. Adapters whose choices are typed messages do nothing:
	 * the answer that follows is acknowledgement enough.
	 *
	 * @param notice a short plain text, or null
	 */
	void acknowledge(Inbound press, String notice);

	/**
	 * Fetches a photo a person sent ({@link Inbound.Photo#handle()}), at most {@code maxBytes}.
	 *
	 * @param from who sent it (the {@link Inbound#from()} of the photo), so that a router of several adapters
	 * can ask the right one
	 * @return the file's bytes, as sent (not yet re-encoded), or empty if it is larger than {@code maxBytes}
	 * @throws IOException if it could not be fetched
	 */
	Optional<byte[]> download(Address from, String handle, int maxBytes) throws IOException;

}
