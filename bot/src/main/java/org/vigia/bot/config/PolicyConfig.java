package org.vigia.bot.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.core.config.VigiaSettings;

/** The policy and the clock every feature shares. */
@Configuration(proxyBeanMethods = false)
class PolicyConfig {

	@Bean
	VigiaSettings vigiaSettings(PolicyProperties properties) {
		return properties.toSettings();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
