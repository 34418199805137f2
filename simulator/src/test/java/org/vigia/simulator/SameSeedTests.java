package org.vigia.simulator;

import java.net.URISyntaxException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A run depends on its seed only: the same seed gives the same figures. */
class SameSeedTests {

	private static CityOptions tinyCity(long seed) throws URISyntaxException {
		return SmallCityTests.smallCity(seed)
			.with("observers", "12")
			.with("ice-scenes", "2")
			.with("mistaken-scenes", "2")
			.with("flood-reports", "6")
			.with("hours", "1")
			.with("truthful", "0.8")
			.with("accepting", "0.8");
	}

	@Test
	void theSameSeedGivesTheSameFigures() throws URISyntaxException {
		Figures first = new City(tinyCity(7)).run();
		Figures again = new City(tinyCity(7)).run();
		assertThat(again.values()).isEqualTo(first.values());
		assertThat(again.timeline()).usingRecursiveComparison().isEqualTo(first.timeline());
		assertThat(first.values().get("honest reports sent")).isNotEqualTo(0L);
	}

}
