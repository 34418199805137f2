package org.vigia.core.config;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuorumNewcomersTests {

	static final Instant NOW = Instant.parse("2026-06-01T14:00:00Z");

	/** The network's first observer joined a year ago. */
	static final Instant FOUNDED = NOW.minus(Duration.ofDays(365));

	@Test
	void anObserverWhoJoinedWithinTwoWeeksIsANewcomerByDefault() {
		var quorum = VigiaSettings.Quorum.DEFAULTS;
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(3)), FOUNDED, NOW)).isTrue();
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(14)).plusSeconds(1), FOUNDED, NOW)).isTrue();
	}

	@Test
	void anObserverWhoJoinedEarlierIsNot() {
		var quorum = VigiaSettings.Quorum.DEFAULTS;
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(14)), FOUNDED, NOW)).isFalse();
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(200)), FOUNDED, NOW)).isFalse();
	}

	@Test
	void aPeriodOfZeroMakesNobodyANewcomer() {
		var quorum = new VigiaSettings.Quorum(2, Duration.ZERO);
		assertThat(quorum.newcomer(NOW.minusSeconds(1), FOUNDED, NOW)).isFalse();
	}

	@Test
	void aNegativeOrAbsurdPeriodIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VigiaSettings.Quorum(2, Duration.ofDays(-1)))
			.withMessageContaining("quorum.newcomers");
		assertThatIllegalArgumentException().isThrownBy(() -> new VigiaSettings.Quorum(2, Duration.ofDays(400)))
			.withMessageContaining("quorum.newcomers");
	}

	@Test
	void aNewNetworksFoundersAreNotNewcomersSoItCanAlertFromItsFirstDay() {
		var quorum = VigiaSettings.Quorum.DEFAULTS;
		Instant first = NOW.minus(Duration.ofDays(2));
		assertThat(quorum.newcomer(first, first, NOW)).isFalse();
		assertThat(quorum.newcomer(NOW.minus(Duration.ofHours(1)), first, NOW)).isFalse();
	}

	@Test
	void whoJoinsMoreThanAPeriodAfterTheFirstObserverIsANewcomerForAPeriod() {
		var quorum = VigiaSettings.Quorum.DEFAULTS;
		Instant first = NOW.minus(Duration.ofDays(20));
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(5)), first, NOW)).isTrue();
		assertThat(quorum.newcomer(NOW.minus(Duration.ofDays(6)).minusSeconds(1), first, NOW)).isFalse();
	}

}
