package org.vigia.bot.chat;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import org.vigia.bot.telegram.Outbox;

/**
 * Sets the bot's command menu in English (the default) and Spanish, so that residents see /report,
 * /check, /rights … with a one-line description in their language. Failures are logged, never fatal.
 */
public final class CommandMenu {

	private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);

	static final List<String> COMMANDS = List.of("report", "check", "rights", "language", "help", "cancel");

	private final Outbox outbox;

	private final Texts texts;

	public CommandMenu(Outbox outbox, Texts texts) {
		this.outbox = outbox;
		this.texts = texts;
	}

	public void publish() {
		for (String language : List.of("en", "es")) {
			var commands = COMMANDS.stream()
				.map(c -> new BotCommand(c, texts.render("menu." + c, language).replaceAll("<[^>]+>", "")))
				.toList();
			var method = SetMyCommands.builder().commands(commands);
			if (!"en".equals(language)) {
				method.languageCode(language);
			}
			outbox.call("menu-" + language, method.build(), Outbox.Priority.NORMAL)
				.exceptionally(error -> {
					log.warn("Could not set the command menu: {}", error.getClass().getSimpleName());
					return false;
				});
		}
	}

}
