package org.vigia.bot.telegram;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * Sets the bot's command menu in English (the default) and Spanish, so that residents see /report,
 * /check, /rights … with a one-line description in their language. Failures are logged, never fatal.
 */
public final class CommandMenu {

	private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);

	public static final List<String> COMMANDS = List.of("report", "check", "rights", "accompany", "language", "help", "cancel");

	private final Outbox outbox;

	/** A command's one-line description in a language ("en", "es"), as bundle HTML. */
	private final java.util.function.BiFunction<String, String, String> describe;

	public CommandMenu(Outbox outbox, java.util.function.BiFunction<String, String, String> describe) {
		this.outbox = outbox;
		this.describe = describe;
	}

	public void publish() {
		for (String language : List.of("en", "es")) {
			var commands = COMMANDS.stream()
				.map(c -> new BotCommand(c, describe.apply(c, language).replaceAll("<[^>]+>", "")))
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
