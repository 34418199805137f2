package org.vigia.bot.signal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.vigia.core.messaging.Address;

/**
 * Reads what signal-cli's {@code receive} answers, one item at a time, into {@link SignalMessage}s.
 *
 * <p>Each item is {@code {"account": …, "envelope": {…}}}, sometimes with an {@code exception} (a message
 * that could not be decrypted). Kept: private and group data messages from a person with a service id. Dropped,
 * and counted by reason: items for another account or without a sender's service id, a timestamp or a valid
 * group id ({@link Dropped#FORGED}: the daemon serves one account, so these come from a mix-up or a forgery);
 * items with an exception ({@link Dropped#UNREADABLE}); receipts, typing notices, calls, stories, sync messages
 * (what the bot's own linked devices sent), edits, reactions, stickers, group updates and other messages
 * without text, attachment or contact card ({@link Dropped#NOT_A_MESSAGE}).
 *
 * <p>Phone numbers ({@code source}, {@code sourceNumber}, a quote's {@code authorNumber}, mentions, contact
 * cards) and names ({@code sourceName}) are never read. Stateless and thread-safe.
 */
final class SignalEnvelopes {

	/** Why an item was dropped. */
	enum Dropped {

		FORGED, UNREADABLE, NOT_A_MESSAGE

	}

	/** The messages of one {@code receive} answer, and how many items were dropped for each reason. */
	record Batch(List<SignalMessage> messages, Map<Dropped, Integer> dropped) {

		Batch {
			messages = List.copyOf(messages);
			dropped = Map.copyOf(dropped);
		}

		int droppedCount() {
			return dropped.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	private static final List<String> NOT_MESSAGES = List.of("syncMessage", "receiptMessage", "typingMessage",
			"callMessage", "storyMessage", "editMessage");

	private final String account;

	/** @param account the bot's account, as signal-cli names it in every item (its phone number) */
	SignalEnvelopes(String account) {
		this.account = account;
	}

	Batch read(JsonNode result) {
		var messages = new ArrayList<SignalMessage>();
		var dropped = new EnumMap<Dropped, Integer>(Dropped.class);
		if (result != null && result.isArray()) {
			for (JsonNode item : result) {
				Object read = item(item);
				if (read instanceof SignalMessage m) {
					messages.add(m);
				}
				else {
					dropped.merge((Dropped) read, 1, Integer::sum);
				}
			}
		}
		return new Batch(messages, dropped);
	}

	/** A {@link SignalMessage}, or the {@link Dropped} reason. */
	private Object item(JsonNode item) {
		if (!item.isObject() || !text(item.get("account")).equals(account)) {
			return Dropped.FORGED;
		}
		if (item.hasNonNull("exception")) {
			return Dropped.UNREADABLE;
		}
		JsonNode envelope = item.get("envelope");
		if (envelope == null || !envelope.isObject()) {
			return Dropped.FORGED;
		}
		Address sender;
		long timestamp = positiveLong(envelope.get("timestamp"));
		try {
			sender = Address.signalPerson(text(envelope.get("sourceUuid")));
		}
		catch (IllegalArgumentException ex) {
			return Dropped.FORGED;
		}
		if (timestamp <= 0) {
			return Dropped.FORGED;
		}
		JsonNode data = envelope.get("dataMessage");
		if (data == null || !data.isObject() || NOT_MESSAGES.stream().anyMatch(envelope::hasNonNull)) {
			return Dropped.NOT_A_MESSAGE;
		}
		Address group = null;
		JsonNode groupInfo = data.get("groupInfo");
		if (groupInfo != null && groupInfo.isObject()) {
			if ("UPDATE".equals(text(groupInfo.get("type")))) {
				return Dropped.NOT_A_MESSAGE;
			}
			try {
				group = Address.signalGroup(text(groupInfo.get("groupId")));
			}
			catch (IllegalArgumentException ex) {
				return Dropped.FORGED;
			}
		}
		String body = text(data.get("message"));
		List<SignalMessage.Attachment> attachments = attachments(data.get("attachments"));
		JsonNode contacts = data.get("contacts");
		boolean contactCard = contacts != null && contacts.isArray() && !contacts.isEmpty();
		if (body.isEmpty() && attachments.isEmpty() && !contactCard) {
			return Dropped.NOT_A_MESSAGE;
		}
		JsonNode quote = data.get("quote");
		long quoted = quote != null && quote.isObject() ? positiveLong(quote.get("id")) : 0;
		return new SignalMessage(sender, timestamp, group, body.isEmpty() ? null : body, quoted > 0 ? quoted : null,
				attachments, contactCard);
	}

	private static List<SignalMessage.Attachment> attachments(JsonNode list) {
		var out = new ArrayList<SignalMessage.Attachment>();
		if (list == null || !list.isArray()) {
			return out;
		}
		for (JsonNode a : list) {
			if (out.size() == SignalMessage.MAX_ATTACHMENTS) {
				break;
			}
			try {
				JsonNode size = a.get("size");
				out.add(new SignalMessage.Attachment(text(a.get("id")), a.hasNonNull("contentType")
						? text(a.get("contentType")) : null, size != null && size.canConvertToLong() && size.isIntegralNumber()
								? size.longValue() : -1));
			}
			catch (IllegalArgumentException ex) {
				// an attachment without a usable id cannot be fetched: left out, the rest of the message kept
			}
		}
		return out;
	}

	private static String text(JsonNode node) {
		return node != null && node.isString() ? node.stringValue() : "";
	}

	private static long positiveLong(JsonNode node) {
		return node != null && node.isIntegralNumber() && node.canConvertToLong() ? Math.max(0, node.longValue()) : 0;
	}

}
