package org.vigia.simulator;

import java.net.URISyntaxException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two officials who registered as observers a few days ago stage a detention by their own spot every hour and
 * confirm it (the realistic attack on "confirmed only", SECURITY.md). Through the real engine: without the
 * newcomer rule they get it posted; with it (the default) they do not.
 */
class InfiltratorTests {

	private static CityOptions attackedCity(String newcomerDays) throws URISyntaxException {
		return SmallCityTests.smallCity(3)
			.with("observers", "15")
			.with("ice-scenes", "1")
			.with("mistaken-scenes", "1")
			.with("flood-reports", "0")
			.with("hours", "2")
			.with("infiltrators", "2")
			.with("infiltrator-days", "7")
			.with("quorum-newcomers", newcomerDays);
	}

	@Test
	void twoNewlyJoinedInfiltratorsGetAStagedSceneAlertedWithoutTheNewcomerRule() throws URISyntaxException {
		Figures figures = new City(attackedCity("0")).run();
		assertThat(figures.values().get("false alerts by what it was").toString()).contains("staged");
	}

	@Test
	void theyDoNotUnderTheDefaultNewcomerRule() throws URISyntaxException {
		Figures figures = new City(attackedCity("14")).run();
		assertThat(figures.values().get("false alerts")).isEqualTo(0);
	}

}
