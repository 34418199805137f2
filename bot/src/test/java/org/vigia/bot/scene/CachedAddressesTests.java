package org.vigia.bot.scene;

import java.util.ArrayList;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

class CachedAddressesTests {

	@Test
	void aSceneIsLookedUpOnceAtElevenMetresAndANotFoundIsRememberedToo() {
		var asked = new ArrayList<GeoPoint>();
		var addresses = new CachedAddresses(point -> {
			asked.add(point);
			return point.latitude() > 41.9 ? Optional.empty() : Optional.of("300 East Randolph Street");
		});

		assertThat(addresses.address(GeoPoint.of(41.885217, -87.619243))).contains("300 East Randolph Street");
		assertThat(addresses.address(GeoPoint.of(41.885231, -87.619238))).as("the same 11 m cell")
			.contains("300 East Randolph Street");
		assertThat(addresses.address(GeoPoint.of(41.95, -87.65))).isEmpty();
		assertThat(addresses.address(GeoPoint.of(41.95, -87.65))).isEmpty();

		assertThat(asked).containsExactly(GeoPoint.of(41.8852, -87.6192), GeoPoint.of(41.95, -87.65));
	}

}
