package org.vigia.simulator;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small city (500 residents, 30 observers, 10 scenes, a few flood reports) run through Vigía's real engine: the
 * invariants that must hold whatever the settings. Honest observers here always tell the truth and always go,
 * so that "every real scene with two truthful observers nearby is alerted" is a promise the engine must keep.
 */
class SmallCityTests {

	private static Figures figures;

	@BeforeAll
	static void runTheDay() throws URISyntaxException {
		figures = new City(smallCity(1)).run();
		System.out.println(Reports.table(java.util.Map.of("small city", figures)));
	}

	static CityOptions smallCity(long seed) throws URISyntaxException {
		String file = Path.of(SmallCityTests.class.getResource("/small-city.geojson").toURI()).toString();
		return CityOptions.defaults()
			.with("seed", Long.toString(seed))
			.with("neighborhoods", file)
			.with("residents", "500")
			.with("observers", "30")
			.with("ice-scenes", "4")
			.with("mistaken-scenes", "6")
			.with("flood-reports", "30")
			.with("flood-accounts", "5")
			.with("truthful", "1")
			.with("accepting", "1")
			.with("hours", "2");
	}

	@Test
	void noAlertForASceneNoObserverConfirmed() {
		assertThat(figures.alertsWithoutConfirmation()).isEmpty();
		assertThat(figures.values().get("false alerts")).isEqualTo(0);
	}

	@Test
	void noReportIsMergedAcrossTwoScenesTwoKilometersApart() {
		assertThat(figures.mergedAcrossScenes()).isEmpty();
	}

	@Test
	void everyRealSceneWithTwoTruthfulObserversNearbyIsAlerted() {
		assertThat(figures.missedWithTwoNearby()).isEmpty();
	}

	@Test
	void everyReportOfTheDayIsOneThatASimulatedPersonSent() {
		assertThat(figures.values().get("positions not traced to a simulated report")).isEqualTo(0);
	}

}
