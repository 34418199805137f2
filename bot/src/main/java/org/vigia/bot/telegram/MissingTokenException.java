package org.vigia.bot.telegram;

import org.springframework.boot.ExitCodeGenerator;

/** The bot cannot start without its token; the process exits with code 2 and says how to get one. */
public class MissingTokenException extends IllegalStateException implements ExitCodeGenerator {

	public static final String HELP = """

			Vigía cannot start: TELEGRAM_BOT_TOKEN is not set.

			Create the bot in Telegram: open a chat with @BotFather, send /newbot, choose a name and a
			username ending in "bot". BotFather answers with a token like 123456:ABC-DEF...
			Put it in the .env file next to README.md (copy .env.example), as
			    TELEGRAM_BOT_TOKEN=123456:ABC-DEF...
			or set it as an environment variable, then start the bot again.
			""";

	public MissingTokenException() {
		super("TELEGRAM_BOT_TOKEN is not set");
	}

	@Override
	public int getExitCode() {
		return 2;
	}

}
