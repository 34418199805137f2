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
 * that is not the Bot API's JSON at all, or {@code "ok": false}, still fails the call, and polling backs
 * off and asks again.
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
		if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
			// an error of the Bot API (or an answer of another shape): the library's reading says which
			return super.deserializeResponse(answer);
		}
		var updates = new ArrayList<Update>();
		int unreadable = 0;
		for (JsonNode node : root.path("result")) {
			try {
				updates.add(TelegramConnection.JSON.treeToValue(node, Update.class));
			}
			catch (Exception ex) {
				unreadable++;
				if (node.path("update_id").canConvertToInt()) {
					var empty = new Update();
					empty.setUpdateId(node.path("update_id").asInt());
					updates.add(empty);
				}
			}
		}
		if (unreadable > 0) {
			log.warn("Skipped {} of {} updates that could not be read", unreadable, root.path("result").size());
		}
		return updates;
	}

}
