package org.vigia.core.accompany;

import org.junit.jupiter.api.Test;

import org.vigia.core.scene.NamedPlace;
import org.vigia.core.scene.NamedPlaces;

import static org.assertj.core.api.Assertions.assertThat;

class AccompanyPlacesTests {

	static String point(String properties, double lon, double lat) {
		return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
				+ lon + "," + lat + "]}}";
	}

	static NamedPlaces file(String... features) {
		return NamedPlaces.fromGeoJson("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
	}

	static final String PARK = point("{\"name\":\"Millennium Park\"}", -87.62, 41.88);

	static final String COURT = point(
			"{\"name\":\"Chicago Immigration Court\",\"address\":\"525 W Van Buren St\",\"kind\":\"court\",\"arrival\":\"Enter on Clinton St; the line moves fast after 8:30\"}",
			-87.64, 41.88);

	static final String OFFICE = point(
			"{\"name\":\"ICE Chicago Field Office\",\"address\":\"101 W Congress Pkwy\",\"kind\":\"ice_office\"}", -87.63,
			41.87);

	@Test
	void onlyCourtsAndIceOfficesAreOfferedForAppointmentsWithTheirArrivalAdvice() {
		var places = new AccompanyPlaces(file(PARK, COURT, OFFICE));

		assertThat(places.all()).extracting(p -> p.place().name())
			.containsExactly("Chicago Immigration Court", "ICE Chicago Field Office");
		assertThat(places.all().get(0).place().arrival()).startsWith("Enter on Clinton St");
		assertThat(places.all().get(1).place().kind()).isEqualTo(NamedPlace.ICE_OFFICE);
	}

	@Test
	void aPlaceKeepsItsKeyWhenTheFileIsReorderedOrGrows() {
		var before = new AccompanyPlaces(file(COURT, OFFICE));
		var after = new AccompanyPlaces(file(OFFICE, PARK, point(
				"{\"name\":\"Broadview\",\"address\":\"1930 Beach St\",\"kind\":\"ice_office\"}", -87.85, 41.86), COURT));

		for (var place : before.all()) {
			assertThat(after.find(place.key())).map(p -> p.place().name()).contains(place.place().name());
		}
		assertThat(before.find("p0000000000")).isEmpty();
	}

}
