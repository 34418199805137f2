package org.vigia.bot.accompany;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.core.accompany.AccompanyNotices;
import org.vigia.store.RedisAccompanierStore;
import org.vigia.store.RedisAppointmentStore;

/** The bot's side of accompaniment that needs no messenger: the console's commands. */
@Configuration(proxyBeanMethods = false)
class AccompanyBotConfig {

	@Bean
	AccompanyCommands accompanyCommands(RedisAppointmentStore appointments, RedisAccompanierStore accompaniers,
			ObjectProvider<AccompanyNotices> notices, Clock clock) {
		return new AccompanyCommands(appointments, accompaniers, List.copyOf(notices.orderedStream().toList()), clock);
	}

}
