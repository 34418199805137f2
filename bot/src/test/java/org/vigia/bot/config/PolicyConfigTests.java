package org.vigia.bot.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import org.vigia.core.config.VigiaSettings;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyConfigTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PolicyProperties.class)
	@Import(PolicyConfig.class)
	static class Policy {

	}

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Policy.class);

	@Test
	void withoutSettingsThePolicyIsTheDesignDefaults() {
		runner.run(context -> assertThat(context.getBean(VigiaSettings.class)).isEqualTo(VigiaSettings.defaults()));
	}

	@Test
	void eachDefaultCanBeChanged() {
		runner.withPropertyValues("vigia.policy.merge-radius-meters=150", "vigia.policy.quorum-observers=3",
				"vigia.policy.unverified-deadline=30m", "vigia.policy.quorum-newcomers=0",
				"vigia.policy.dispatch-answer-within=90s")
			.run(context -> {
				var settings = context.getBean(VigiaSettings.class);
				assertThat(settings.clustering().radiusMeters()).isEqualTo(150);
				assertThat(settings.quorum().observers()).isEqualTo(3);
				assertThat(settings.quorum().newcomers()).isEqualTo(Duration.ZERO);
				assertThat(settings.deadlines().unverified()).isEqualTo(Duration.ofMinutes(30));
				assertThat(settings.dispatch().answerWithin()).isEqualTo(Duration.ofSeconds(90));
			});
	}

	@Test
	void anAbsurdValueStopsStartupNamingTheSetting() {
		runner.withPropertyValues("vigia.policy.quorum-observers=0")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("quorum.observers must be between 1 and 10, was 0"));
	}

}
