package org.vigia.core.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * What a messenger can do, so that the engine degrades instead of assuming Telegram: options become a
 * numbered menu without buttons ({@link NumberedMenu}), an edit becomes a quoted follow-up outside the edit
 * window, a live location becomes a place that expires unless renewed.
 *
 * @param buttons options can be pressed (inline keyboards); without them, options are a numbered menu
 * @param editWindow how long after sending a message can still be edited; {@link Duration#ZERO}: never,
 * {@link #UNLIMITED}: always
 * @param maxEdits how many times one message can be edited ({@link Integer#MAX_VALUE}: no limit)
 * @param liveLocation people can share a location that keeps updating
 * @param channels there are broadcast places only the bot posts in (channels, announcement-only groups)
 * @param quotes a reply can quote an earlier message, so an answer can name the prompt it answers
 * @param maxTextLength the longest text shown as one message, in characters
 */
public record Capabilities(boolean buttons, Duration editWindow, int maxEdits, boolean liveLocation,
		boolean channels, boolean quotes, int maxTextLength) {

	/** An edit window without end. */
	public static final Duration UNLIMITED = ChronoUnit.FOREVER.getDuration();

	/**
	 * Telegram's Bot API: buttons, edits of the bot's own messages at any time, live location, channels,
	 * replies, 4 096 characters per message.
	 */
	public static final Capabilities TELEGRAM = new Capabilities(true, UNLIMITED, Integer.MAX_VALUE, true, true, true,
			4096);

	/**
	 * Signal through signal-cli: no buttons; up to 10 edits within 24 hours of sending (what Signal's apps
	 * allow the sender); no location message; announcement-only groups; quotes; 2 000 characters shown at once
	 * (signal-cli sends a longer text as an attachment that the apps open with "read more").
	 */
	public static final Capabilities SIGNAL = new Capabilities(false, Duration.ofHours(24), 10, false, true, true,
			2000);

	/** Drills and the simulator: everything is recorded, nothing is limited. */
	public static final Capabilities SIMULATED = new Capabilities(true, UNLIMITED, Integer.MAX_VALUE, true, true,
			true, 4096);

	public Capabilities {
		Objects.requireNonNull(editWindow, "editWindow must not be null");
		if (editWindow.isNegative()) {
			throw new IllegalArgumentException("editWindow must not be negative, was " + editWindow);
		}
		Checks.between("maxEdits", maxEdits, 0, Integer.MAX_VALUE);
		Checks.between("maxTextLength", maxTextLength, 100, 1_000_000);
	}

	/** The capabilities of a transport's adapter. */
	public static Capabilities of(Transport transport) {
		return switch (transport) {
			case TELEGRAM -> TELEGRAM;
			case SIGNAL -> SIGNAL;
			case SIMULATED -> SIMULATED;
		};
	}

	/**
	 * Whether a sent message that was edited {@code editsSoFar} times may be edited once more at {@code now};
	 * otherwise the update follows up, quoting it.
	 */
	public boolean canEdit(SentRef sent, int editsSoFar, Instant now) {
		if (editWindow.isZero() || editsSoFar >= maxEdits) {
			return false;
		}
		return editWindow.equals(UNLIMITED) || !now.isAfter(sent.at().plus(editWindow));
	}

}
