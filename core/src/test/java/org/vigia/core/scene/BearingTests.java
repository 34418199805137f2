package org.vigia.core.scene;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

class BearingTests {

	/** From Daley Plaza, Chicago (41.8837, -87.6298), to points a few hundred meters away. */
	@ParameterizedTest
	@CsvSource({ "41.8880, -87.6298, NORTH", "41.8867, -87.6258, NORTH_EAST", "41.8837, -87.6240, EAST",
			"41.8807, -87.6258, SOUTH_EAST", "41.8790, -87.6298, SOUTH", "41.8807, -87.6338, SOUTH_WEST",
			"41.8837, -87.6360, WEST", "41.8867, -87.6338, NORTH_WEST", "41.8880, -87.6290, NORTH" })
	void aDirectionIsTheNearestOfEightCompassPoints(double lat, double lon, Bearing expected) {
		assertThat(Bearing.from(GeoPoint.of(41.8837, -87.6298), GeoPoint.of(lat, lon))).isEqualTo(expected);
	}

}
