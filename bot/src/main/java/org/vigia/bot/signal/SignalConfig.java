package org.vigia.bot.signal;

import java.net.URI;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signal, when SIGNAL_CLI_URL is set: the client of signal-cli and its health (the {@code signal} health
 * contributor: OUT_OF_SERVICE while signal-cli does not answer its check, which {@code /actuator/health} shows
 * with HTTP 200, so that a bot still serving Telegram is not restarted for it; a captcha demand holding messages
 * shows in its details). The messenger and the receive loop are
 * {@link SignalMessagingConfig}'s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${vigia.signal.url:}'.trim() != ''")
class SignalConfig {


	@Bean
	SignalClient signalClient(SignalProperties properties) {
		return new SignalClient(URI.create(properties.url()), properties.account(), properties.requestTimeout());
	}

	@Bean
	HealthIndicator signal(SignalClient client, ObjectProvider<SignalOutbox> outbox) {
		return () -> {
			// signal-cli away is not this process broken: OUT_OF_SERVICE, which keeps the endpoint at 200 (application.yml)
			var health = client.reachable() ? Health.up()
					: Health.status(new Status(Status.OUT_OF_SERVICE.getCode(), "signal-cli is not answering"))
						.withDetail("signal-cli", "not answering at /api/v1/check");
			outbox.stream().flatMap(o -> o.challenge().stream()).findFirst()
				.ifPresent(c -> health.withDetail("captcha", "Signal demands a captcha: " + c.held()
						+ " messages held since " + c.since() + " (README, captcha runbook)"));
			return health.build();
		};
	}

}
