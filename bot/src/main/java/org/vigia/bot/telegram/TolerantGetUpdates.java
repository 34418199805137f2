package org.vigia.bot.telegram;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates, read one update at a time.
 *
 * <p>The library reads a whole batch as one list: a single update it cannot read (a field of an
 * unexpected type, from a newer Bot API or a broken proxy) fails the batch, the offset never moves past
 * it, and polling retries the same batch for ever: the bot goes deaf. Here an update that cannot be read
 * is kept as an empty update with its {@code update_id} alone, so that the offset moves past it (nobody
 * can be answered for it, and it is counted in the log, never quoted); the others are handled. An answer
 * that is not the Bot API's JSON at all, {@code "ok": false}, or without a list of updates fails the call
 * with a checked exception (never null, never a RuntimeException, which would end the library's polling
 * task for good), and polling backs off and asks again.
 */
final class TolerantGetUpdates extends GetUpdates {

	private static final Logger log = LoggerFactory.getLogger(TolerantGetUpdates.class);

	TolerantGetUpdates(int offset, int timeoutSeconds, List<String> allowedUpdates) {
		setOffset(offset);
		setTimeout(timeoutSeconds);
		setAllowedUpdates(allowedUpdates);
	}

	@Override
	public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
		JsonNode root;
		try {
			root = TelegramConnection.JSON.readTree(answer);
		}
		catch (Exception ex) {
			throw new TelegramApiRequestException("getUpdates answered something that is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new TelegramApiRequestException("getUpdates answered JSON that is not an object");
		}
		if (!root.path("ok").asBoolean(false)) {
			// an error of the Bot API: the library's reading carries its code and retry_after
			try {
				super.deserializeResponse(answer);
			}
			catch (RuntimeException ex) {
				throw new TelegramApiRequestException("getUpdates answered an error of an unknown shape");
			}
			throw new TelegramApiRequestException("getUpdates answered ok:false without an error");
		}
		if (!root.path("result").isArray()) {
			// never return null or throw anything else: the library's polling task dies on a RuntimeException
			throw new TelegramApiRequestException("getUpdates answered a result that is not a list");
		}
		var updates = new ArrayList<Update>();
		int unreadable = 0;
		for (JsonNode node : root.path("result")) {
			Read read = read(node);
			if (read == null || read.blanked()) {
				unreadable++;
			}
			if (read != null) {
				updates.add(read.update());
			}
		}
		if (unreadable > 0) {
			log.warn("Skipped {} of {} updates that could not be read", unreadable, root.path("result").size());
		}
		return updates;
	}

	/** An update as read, or blanked: kept with only its {@code update_id}, because it could not be read or answered. */
	record Read(Update update, boolean blanked) {
	}

	/**
	 * One update, as the webhook and long polling receive it: the library's model of it, or, if it cannot be
	 * read or cannot be answered (a message without a chat, a button press without its sender), an empty
	 * update that keeps only its {@code update_id}; null without a readable id.
	 */
	static Read read(JsonNode node) {
		if (node == null || !node.path("update_id").canConvertToInt()) {
			return null;
		}
		if (!unanswerable(node)) {
			try {
				return new Read(TelegramConnection.JSON.treeToValue(node, Update.class), false);
			}
			catch (Exception ex) {
				// below: kept as an empty update
			}
		}
		var empty = new Update();
		empty.setUpdateId(node.path("update_id").asInt());
		return new Read(empty, true);
	}

	/** What no handler could answer, even if the library reads it: the chat or the sender is missing. */
	private static boolean unanswerable(JsonNode node) {
		for (String kind : new String[] { "message", "edited_message" }) {
			if (node.has(kind) && !node.path(kind).path("chat").path("id").canConvertToLong()) {
				return true;
			}
		}
		return node.has("callback_query") && !node.path("callback_query").path("from").path("id").canConvertToLong();
	}

}
