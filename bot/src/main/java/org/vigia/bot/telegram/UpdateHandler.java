package org.vigia.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** What the bot does with one update. Called on a worker thread; updates of one chat arrive in order. */
public interface UpdateHandler {

	void handle(Update update);

}
