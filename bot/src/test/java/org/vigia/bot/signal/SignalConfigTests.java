package org.vigia.bot.signal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Signal is there only when its settings are, checked before the bot starts, and its health is signal-cli's. */
class SignalConfigTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SignalProperties.class)
	@Import(SignalConfig.class)
	static class Signal {

	}

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Signal.class);

	@Test
	void withoutSettingsThereIsNoSignal() {
		runner.withPropertyValues("vigia.signal.url=", "vigia.signal.account=")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SignalClient.class));
	}

	@Test
	void theHealthOfSignalIsWhetherSignalCliAnswers() throws Exception {
		try (var signal = new FakeSignalCli()) {
			runner.withPropertyValues("vigia.signal.url=" + signal.url(), "vigia.signal.account=" + FakeSignalCli.ACCOUNT)
				.run(context -> {
					var health = context.getBean("signal", HealthIndicator.class);
					assertThat(health.health().getStatus()).isEqualTo(Status.UP);
					signal.outage(FakeSignalCli.Fault.SERVER_ERROR);
					// out of service, not down: the bot still serves Telegram, and must not be restarted for it
					assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				});
		}
	}

	@Test
	void aUrlWithoutTheBotsNumberStopsStartupSayingWhatIsMissing() {
		runner.withPropertyValues("vigia.signal.url=http://signal-cli:8080", "vigia.signal.account=")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("SIGNAL_ACCOUNT must be the bot's Signal number"));
		runner.withPropertyValues("vigia.signal.url=", "vigia.signal.account=+15550100001")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("SIGNAL_CLI_URL is not"));
		runner.withPropertyValues("vigia.signal.url=signal-cli:8080", "vigia.signal.account=+15550100001")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("SIGNAL_CLI_URL must start with http"));
	}

	@Test
	void theSettingsNeverPrintTheBotsNumber() {
		var properties = new SignalProperties("http://signal-cli:8080", "+15550100001", java.time.Duration.ofSeconds(5),
				java.time.Duration.ofSeconds(1));

		assertThat(properties.toString()).doesNotContain("5550100001");
	}

}
