package org.vigia.bot.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.bot.accompany.AccompanySettings;
import org.vigia.bot.accompany.LegalHelp;
import org.vigia.bot.accompany.Reminders;

/** Accompaniment's settings for the bot's accompaniment package, and its reminders' ticker. */
@Configuration(proxyBeanMethods = false)
class AccompanyChatConfig {

	@Bean
	AccompanySettings accompanySettings(BotProperties bot, AccompanyProperties accompany) {
		return new AccompanySettings(ChatConfig.dispatchers(bot), bot.zone(),
				accompany.languages(),
				new LegalHelp(accompany.legalAidHotline(), accompany.bondFund(), accompany.detaineeLocator()),
				accompany.botUsername());
	}

	/** Reminders and the check-in deadline, looked for every second on the bot's clock. */
	@Bean
	Periodic accompanyReminders(Reminders reminders) {
		return Periodic.every("vigia-accompany-reminders", java.time.Duration.ofSeconds(1), reminders::tick);
	}

}
