package org.vigia.bot.signal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Transport;

/**
 * A message a person sent the bot on Signal, as much of signal-cli's envelope as the bot needs and nothing
 * more: no phone number, no profile name, no contact card's contents, no file name. This is what waits in the
 * inbox ({@link SignalInbox}) and what the handler gets.
 *
 * @param sender the person, by service id
 * @param timestamp the message's timestamp (milliseconds since the epoch, as the sender's app set it): with
 * the sender, what identifies the message
 * @param group the group it was sent in, or null for a private message
 * @param text what they typed, or null (a photo without caption)
 * @param quotes the timestamp of the message they quoted (a reply), or null
 * @param attachments files they sent, to fetch with {@code getAttachment}
 * @param contactCard whether they shared a contact card (its contents are dropped: a phone number)
 */
public record SignalMessage(Address sender, long timestamp, Address group, String text, Long quotes,
		List<Attachment> attachments, boolean contactCard) {

	/** The longest text kept: beyond every limit of the conversation, so it still answers "too long". */
	public static final int MAX_TEXT = 10_000;

	/** At most this many attachments of one message are kept. */
	public static final int MAX_ATTACHMENTS = 10;

	public SignalMessage {
		Objects.requireNonNull(sender, "sender must not be null");
		if (sender.transport() != Transport.SIGNAL || !sender.isPerson()) {
			throw new IllegalArgumentException("the sender must be a person on Signal");
		}
		if (timestamp <= 0) {
			throw new IllegalArgumentException("timestamp must be positive, was " + timestamp);
		}
		if (group != null && (group.transport() != Transport.SIGNAL || group.isPerson())) {
			throw new IllegalArgumentException("the group must be a Signal group");
		}
		if (text != null && text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT);
		}
		if (quotes != null && quotes <= 0) {
			throw new IllegalArgumentException("a quoted timestamp must be positive, was " + quotes);
		}
		attachments = attachments.size() > MAX_ATTACHMENTS ? List.copyOf(attachments.subList(0, MAX_ATTACHMENTS))
				: List.copyOf(attachments);
	}

	/**
	 * A file a person sent, kept by signal-cli until it is fetched.
	 *
	 * @param id signal-cli's id of it (a file name in its data folder, without any path)
	 * @param contentType the MIME type the sender's app declared (not to be trusted: the photo sanitizer checks)
	 * @param size the size the sender's app declared, in bytes, or -1 when unknown
	 */
	public record Attachment(String id, String contentType, long size) {

		private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

		public Attachment {
			if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
				throw new IllegalArgumentException("an attachment id is a plain file name");
			}
			contentType = contentType == null ? "application/octet-stream" : contentType;
			if (contentType.length() > 100) {
				throw new IllegalArgumentException("a content type has at most 100 characters");
			}
		}

	}

	/**
	 * What the engine reads of it, if it says anything in words: a command or typed text, answering the quoted
	 * message if any. Photos and contact cards are for the adapter to turn into inputs (fetching, re-encoding,
	 * answering that phone numbers are not kept), so a message without text is empty here.
	 */
	public Optional<Inbound> typed() {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(Inbound.typed(sender, quotes == null ? null : Long.toString(quotes), text));
	}

	/** No sender, no text. */
	@Override
	public String toString() {
		return "SignalMessage[" + (group == null ? "private" : "group") + ", text " + (text == null ? 0 : text.length())
				+ " chars, " + attachments.size() + " attachments]";
	}

}
