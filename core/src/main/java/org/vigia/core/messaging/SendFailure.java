package org.vigia.core.messaging;

import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * Why a {@link Messenger} could not confirm a message, as the engine needs to know it: whether sending it again
 * could post it twice, or could never help. Adapters fail their futures with it (its cause is the adapter's
 * own error, for logs); other failures (a timeout, the adapter closing) are worth trying again later.
 */
public final class SendFailure extends RuntimeException {

	/** What is known of the message. */
	public enum Kind {

		/**
		 * The messenger answered in a way that cannot be read: the message probably went out. Never send it again
		 * (an alert would be posted twice).
		 */
		UNCERTAIN,
		/** The messenger refused it for good (a person who blocked the bot, a channel the bot left). */
		REFUSED

	}

	private final Kind kind;

	public SendFailure(Kind kind, Throwable cause) {
		super(Objects.requireNonNull(kind, "kind must not be null").name(), cause);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	/** The failure of a returned future, without the CompletionException around it; null for none. */
	public static Throwable cause(Throwable error) {
		return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
	}

	/** Whether {@code error} (of a returned future) says the message probably went out. */
	public static boolean uncertain(Throwable error) {
		return cause(error) instanceof SendFailure f && f.kind == Kind.UNCERTAIN;
	}

	/** Whether sending again could not help: refused for good, or probably sent already. */
	public static boolean settled(Throwable error) {
		return cause(error) instanceof SendFailure;
	}

}
