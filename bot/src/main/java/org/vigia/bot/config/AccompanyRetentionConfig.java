package org.vigia.bot.config;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.store.RedisAppointmentStore;

/**
 * Forgets accompaniment appointments when their retention ends (72 h after the appointment, 30 days after a
 * detention), counting them first: every 10 minutes, and once at start. With two bot processes both sweep; an
 * appointment is counted by whichever reads it first and deleted once.
 */
@Configuration(proxyBeanMethods = false)
class AccompanyRetentionConfig {

	static final Duration EVERY = Duration.ofMinutes(10);

	@Bean
	Periodic accompanyRetention(RedisAppointmentStore appointments) {
		return Periodic.startingWith("vigia-accompany-retention", EVERY, appointments::forgetExpired, () -> {
		}, org.springframework.context.SmartLifecycle.DEFAULT_PHASE);
	}

}
