package org.vigia.bot.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import org.vigia.bot.messages.Messengers;
import org.vigia.core.messaging.Messenger;

/**
 * The one messenger the engine holds: every adapter this bot runs (Telegram, Signal, each present when its
 * settings are), routed by the address's transport.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfig {

	/** The adapters are the other {@link Messenger} beans; Spring leaves this one out of its own list. */
	@Bean
	@Primary
	Messengers messengers(List<Messenger> adapters) {
		return new Messengers(adapters);
	}

}
