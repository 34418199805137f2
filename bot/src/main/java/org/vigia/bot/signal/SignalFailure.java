package org.vigia.bot.signal;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a call to signal-cli did not do what was asked, as a kind the caller can act on.
 *
 * <p>The message names the kind and signal-cli's error code only: signal-cli's own error messages can quote
 * a phone number ("The user +1… is not registered"), so they are read to classify the failure and then
 * dropped, never kept, logged or returned. The captcha challenge token is kept for
 * {@code submitRateLimitChallenge} but never printed.
 */
public final class SignalFailure extends RuntimeException {

	/** What went wrong, and so what to do about it. */
	public enum Kind {

		/** signal-cli or Signal's servers could not be reached, or answered a server error: try again later. */
		UNAVAILABLE(true),
		/** Signal asked to slow down: try again after {@link #retryAfter()}. */
		RATE_LIMITED(true),
		/**
		 * Signal wants proof that a person runs this account: hold every message until an admin solves a captcha
		 * and it is submitted with {@link #challenge()}, or until {@link #retryAfter()} has passed.
		 */
		PROOF_REQUIRED(true),
		/** The recipient is not on Signal (any more), blocked the bot, or the bot is not in that group: give up. */
		RECIPIENT_GONE(false),
		/** The captcha was refused (outdated, used, or solved from another address). */
		CAPTCHA_REJECTED(false),
		/** Something else is receiving from signal-cli (an event-stream client, another bot): try again later. */
		ALREADY_RECEIVING(true),
		/** signal-cli refused the request itself (a bug or a misconfiguration, e.g. a wrong account): give up. */
		BAD_REQUEST(false),
		/**
		 * signal-cli answered, but not in a way that can be read: the message was probably sent, so it is not sent
		 * again.
		 */
		UNCERTAIN(false);

		private final boolean later;

		Kind(boolean later) {
			this.later = later;
		}

		/** Whether the same call may succeed later. */
		public boolean later() {
			return later;
		}

	}

	private final Kind kind;

	private final Duration retryAfter;

	private final transient String challenge;

	SignalFailure(Kind kind, String detail) {
		this(kind, detail, null, null, null);
	}

	SignalFailure(Kind kind, String detail, Duration retryAfter, String challenge, Throwable cause) {
		super(kind + (detail == null ? "" : " (" + detail + ")"), cause, false, false);
		this.kind = Objects.requireNonNull(kind, "kind must not be null");
		this.retryAfter = retryAfter;
		this.challenge = challenge;
	}

	public Kind kind() {
		return kind;
	}

	/** How long Signal asked to wait, or null when it did not say. */
	public Duration retryAfter() {
		return retryAfter;
	}

	/** The challenge token of {@link Kind#PROOF_REQUIRED}, or null. */
	public String challenge() {
		return challenge;
	}

	/** What went wrong with a call that may not be retried as is: the kind of a failure, or null for others. */
	public static Kind kindOf(Throwable error) {
		Throwable t = error;
		while (t != null) {
			if (t instanceof SignalFailure f) {
				return f.kind();
			}
			t = t.getCause();
		}
		return null;
	}

}
