package org.vigia.bot.chat;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** The private chat an update belongs to, or 0 for updates from groups, channels or nobody. */
final class UpdateChats {

	private UpdateChats() {
	}

	static long privateChat(Update update) {
		if (update.hasCallbackQuery()) {
			var query = update.getCallbackQuery();
			// a button pressed in a private chat: the chat is the person
			return query.getFrom() == null ? 0 : query.getFrom().getId();
		}
		Message message = update.hasMessage() ? update.getMessage()
				: update.hasEditedMessage() ? update.getEditedMessage() : null;
		if (message == null || message.getChat() == null || !"private".equals(message.getChat().getType())) {
			return 0;
		}
		return message.getChatId();
	}

}
