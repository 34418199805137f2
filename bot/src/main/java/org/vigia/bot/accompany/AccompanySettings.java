package org.vigia.bot.accompany;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vigia.core.messaging.Address;

/**
 * What accompaniment needs of the network's settings, as plain values.
 *
 * @param coordinators the dispatchers, who coordinate accompaniment in the bot
 * @param zone the network's time zone
 * @param languages the languages a person may ask for, in display order ("en", "es")
 * @param legal the legal-help text of detention alerts
 * @param botUsername the Telegram bot's username without the @, for family deep links; blank: the contact is
 * given a message to send to the bot instead
 */
public record AccompanySettings(Set<Address> coordinators, ZoneId zone, List<String> languages, LegalHelp legal,
		String botUsername) {

	public AccompanySettings {
		coordinators = Set.copyOf(coordinators);
		Objects.requireNonNull(zone, "zone must not be null");
		languages = List.copyOf(languages);
		if (languages.isEmpty()) {
			throw new IllegalArgumentException("at least one accompaniment language is needed");
		}
		Objects.requireNonNull(legal, "legal must not be null");
		botUsername = botUsername == null ? "" : botUsername.strip().replaceFirst("^@", "");
		if (!botUsername.isEmpty() && !botUsername.matches("[A-Za-z][A-Za-z0-9_]{3,31}")) {
			throw new IllegalArgumentException("TELEGRAM_BOT_USERNAME is not a Telegram username: " + botUsername);
		}
	}

}
