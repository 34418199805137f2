package org.vigia.bot.signal;

import java.util.List;
import java.util.Objects;

/**
 * A message as signal-cli's {@code send} takes it: the text, its style ranges ({@code start:length:STYLE} in
 * UTF-16 units), attachments as data URIs (signal-cli refuses files from its own data folder, and the bot's
 * files are not on its machine), and optionally the message it quotes or the earlier message it replaces.
 *
 * @param text the text; may be empty with an attachment
 * @param textStyles style ranges, e.g. {@code 0:5:BOLD}
 * @param attachments {@code data:<type>;filename=<name>;base64,<data>}
 * @param quote the message this one quotes, or null
 * @param editTimestamp the timestamp of the bot's earlier message this one replaces (an edit), or null
 */
public record SignalOutgoing(String text, List<String> textStyles, List<String> attachments, Quote quote,
		Long editTimestamp) {

	public SignalOutgoing {
		Objects.requireNonNull(text, "text must not be null");
		textStyles = List.copyOf(textStyles);
		attachments = List.copyOf(attachments);
		if (text.isEmpty() && attachments.isEmpty()) {
			throw new IllegalArgumentException("signal-cli refuses a message without text or attachment");
		}
		if (editTimestamp != null && editTimestamp <= 0) {
			throw new IllegalArgumentException("an edited message's timestamp must be positive");
		}
	}

	/** Plain text, nothing else. */
	public static SignalOutgoing text(String text) {
		return new SignalOutgoing(text, List.of(), List.of(), null, null);
	}

	/** This message quoting another. */
	public SignalOutgoing quoting(Quote quoted) {
		return new SignalOutgoing(text, textStyles, attachments, quoted, editTimestamp);
	}

	/** This message replacing the bot's earlier one, sent at {@code timestamp}. */
	public SignalOutgoing editing(long timestamp) {
		return new SignalOutgoing(text, textStyles, attachments, quote, timestamp);
	}

	/**
	 * A quoted message.
	 *
	 * @param timestamp its timestamp
	 * @param author who wrote it: a person's service id, or the bot's own account
	 */
	public record Quote(long timestamp, String author) {

		public Quote {
			if (timestamp <= 0) {
				throw new IllegalArgumentException("a quoted timestamp must be positive");
			}
			Objects.requireNonNull(author, "author must not be null");
		}

	}

	@Override
	public String toString() {
		return "SignalOutgoing[" + text.length() + " chars, " + attachments.size() + " attachments"
				+ (editTimestamp != null ? ", edit" : "") + (quote != null ? ", quote" : "") + "]";
	}

}
