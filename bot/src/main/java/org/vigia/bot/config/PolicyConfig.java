package org.vigia.bot.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.core.config.VigiaSettings;

/**
 * The policy and the clock every feature shares. The clock is the system's unless the application was given
 * one before it started (a test that moves time: deadlines, retention, the command consumer's timestamps).
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfig {

	@Bean
	VigiaSettings vigiaSettings(PolicyProperties properties) {
		return properties.toSettings();
	}

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	Clock clock() {
		return Clock.systemUTC();
	}

}
