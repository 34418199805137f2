package org.vigia.bot.signal;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signal, when SIGNAL_CLI_URL is set: the client of signal-cli and its health (the {@code signal} health
 * contributor: DOWN while signal-cli does not answer its check, which makes {@code /actuator/health} DOWN too).
 *
 * <p>The receive loop ({@link SignalReceiver}) and the sending queue ({@link SignalOutbox}) are not started
 * here yet: they start with the conversation engine's Signal adapter, since a loop without a handler would take
 * messages from signal-cli and answer nobody.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${vigia.signal.url:}'.trim() != ''")
class SignalConfig {

	@Bean
	SignalClient signalClient(SignalProperties properties) {
		return new SignalClient(URI.create(properties.url()), properties.account(), properties.requestTimeout());
	}

	@Bean
	HealthIndicator signal(SignalClient client) {
		return () -> client.reachable() ? Health.up().build()
				: Health.down().withDetail("signal-cli", "not answering at /api/v1/check").build();
	}

}
