package org.vigia.core.messaging;

/**
 * The conversation engine as adapters see it: every {@link Inbound} goes here. Called on the adapter's worker
 * threads; one sender's inputs arrive in order (adapters guarantee it), different senders' concurrently.
 */
public interface InboundHandler {

	/** Handles one input: answers through the {@link Messenger}, changes state. Never throws for bad input. */
	void handle(Inbound input);

	/**
	 * The adapter is overloaded and drops {@code input} unhandled: the sender may be told to try again. Must
	 * not block, and must not touch storage (that is what is overloaded).
	 */
	default void overloaded(Inbound input) {
	}

}
