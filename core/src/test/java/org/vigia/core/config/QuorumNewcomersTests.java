package org.vigia.core.config;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuorumNewcomersTests {

	static final Instant NOW = Instant.parse("2026-06-01T14:00:00Z");

	@Test
	void anObserverWhoJoinedWithinTwoWeeksIsANewcomerByDefault() {
		var quorum = VigiaSettings.Quorum.DEFAULTS;
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(3)), NOW)).isTrue();
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(14)).plusSeconds(1), NOW)).isTrue();
	}

	@Test
	void anObserverWhoJoinedEarlierIsNot() {
		var quorum = VigiaSettings.Quorum.DEFAULTS;
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(14)), NOW)).isFalse();
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(200)), NOW)).isFalse();
	}

	@Test
	void aPeriodOfZeroMakesNobodyANewcomer() {
		var quorum = new VigiaSettings.Quorum(2, Duration.ZERO);
		assertThat(quorum.newcomer(NOW.minusSeconds(1), NOW)).isFalse();
	}

	@Test
	void aNegativeOrAbsurdPeriodIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VigiaSettings.Quorum(2, Duration.ofDays(-1)))
			.withMessageContaining("quorum.newcomers");
		assertThatIllegalArgumentException().isThrownBy(() -> new VigiaSettings.Quorum(2, Duration.ofDays(400)))
			.withMessageContaining("quorum.newcomers");
	}

}
