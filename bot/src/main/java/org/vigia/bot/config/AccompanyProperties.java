package org.vigia.bot.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accompaniment's settings ({@code vigia.accompany.*}, from the environment variables of application.yml).
 *
 * @param botUsername the Telegram bot's username (TELEGRAM_BOT_USERNAME), for family links that open the bot;
 * blank: family contacts are given a message to send to the bot instead
 * @param languages the languages a person may ask accompaniers to speak, in display order; each needs its
 * {@code accompany.language.*} texts in the bundles
 * @param legalAidHotline the legal aid hotline given with every detention alert; blank: left out
 * @param bondFund how to reach the bond fund; blank: left out
 * @param detaineeLocator where to find a detained person: ICE's Online Detainee Locator by default
 */
@ConfigurationProperties("vigia.accompany")
record AccompanyProperties(String botUsername, @DefaultValue({ "en", "es" }) List<String> languages,
		String legalAidHotline, String bondFund, @DefaultValue("https://locator.ice.gov/odls/") String detaineeLocator) {

	AccompanyProperties {
		botUsername = botUsername == null ? "" : botUsername.strip();
		languages = languages.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
		for (String l : languages) {
			if (!l.equals("en") && !l.equals("es")) {
				throw new IllegalArgumentException("vigia.accompany.languages: no texts for the language " + l
						+ " (the bundles have en and es)");
			}
		}
	}

}
