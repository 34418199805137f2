package org.vigia.core.scene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.neighborhood.InvalidGeoJsonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedPlacesTests {

	static String sample() throws IOException {
		try (InputStream in = NamedPlacesTests.class.getResourceAsStream("/geo/sample-places.geojson")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static String point(String properties, String coordinates) {
		return "{\"type\":\"Feature\",\"properties\":" + properties
				+ ",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coordinates + "}}";
	}

	static String collection(String... features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	@Test
	void theSampleFileListsItsPlacesWithAddressesAndKinds() throws IOException {
		NamedPlaces places = NamedPlaces.fromGeoJson(sample());

		assertThat(places.size()).isEqualTo(7);
		assertThat(places.all().get(0).name()).isEqualTo("Millennium Park");
		assertThat(places.all().get(0).address()).isEqualTo("201 E Randolph St, Chicago");
		assertThat(places.all().get(0).kind()).isEqualTo(NamedPlace.PLACE);
		assertThat(places.all()).filteredOn(p -> p.kind().equals("court")).extracting(NamedPlace::name)
			.containsExactly("Chicago Immigration Court");
		assertThat(places.all()).filteredOn(NamedPlace::holdsAppointments)
			.extracting(NamedPlace::name, NamedPlace::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Chicago Immigration Court", NamedPlace.COURT),
					org.assertj.core.groups.Tuple.tuple("ICE Chicago Field Office", NamedPlace.ICE_OFFICE));
		assertThat(places.all()).filteredOn(NamedPlace::holdsAppointments).allMatch(p -> p.arrival() != null);
	}

	@Test
	void courtsAndIceOfficesNeedAnAddressAndAnArrivalAdviceIsTextAllListedAtOnce() {
		String text = collection(
				point("{\"name\":\"Court\",\"kind\":\"court\"}", "[-87.6, 41.8]"),
				point("{\"name\":\"Office\",\"address\":\"1 Main\",\"kind\":\"ICE_OFFICE\",\"arrival\":7}",
						"[-87.6, 41.8]"),
				point("{\"name\":\"Office 2\",\"address\":\"2 Main\",\"kind\":\"ice_office\",\"arrival\":\""
						+ "x".repeat(501) + "\"}", "[-87.6, 41.8]"),
				point("{\"name\":\"Twice\",\"address\":\"3 Main\",\"kind\":\"court\"}", "[-87.6, 41.8]"),
				point("{\"name\":\"Twice\",\"address\":\"4 Main\",\"kind\":\"court\"}", "[-87.7, 41.8]"),
				point("{\"name\":\"Park\",\"arrival\":\"North gate\"}", "[-87.6, 41.8]"));

		assertThatThrownBy(() -> NamedPlaces.fromGeoJson(text)).isInstanceOf(InvalidGeoJsonException.class)
			.hasMessageStartingWith("the places file has 4 problems: ")
			.hasMessageContaining("feature 1 (\"Court\"): a court needs an \"address\"")
			.hasMessageContaining("feature 2 (\"Office\"): the property \"arrival\" is not text")
			.hasMessageContaining("feature 3 (\"Office 2\"): arrival must be at most 500 characters")
			.hasMessageContaining("the court \"Twice\" is listed twice")
			.hasMessageNotContaining("Park");
	}

	@Test
	void theNearestPlaceSaysHowFarAndInWhichDirectionTheScenesIs() throws IOException {
		NamedPlaces places = NamedPlaces.fromGeoJson(sample());
		// about 400 m north-east of Millennium Park (0.0026° north, 0.0034° east)
		GeoPoint scene = GeoPoint.of(41.8852, -87.6192);

		var near = places.nearest(scene, 2000).orElseThrow();

		assertThat(near.place().name()).isEqualTo("Millennium Park");
		assertThat(near.bearing()).isEqualTo(Bearing.NORTH_EAST);
		assertThat(near.meters()).isBetween(380.0, 420.0);
		assertThat(places.nearest(GeoPoint.of(41.95, -87.60), 2000)).as("nothing listed within 2 km").isEmpty();
		assertThat(NamedPlaces.NONE.nearest(scene, 2000)).isEmpty();
	}

	@Test
	void everyProblemOfTheFileIsListedAtOnceWithItsFeature() {
		String text = collection(point("{\"name\":\"Plaza\"}", "[-87.6, 41.8]"), point("{}", "[-87.6, 41.8]"),
				point("{\"name\":\"Swapped\"}", "[30.27, -97.74]"),
				"{\"type\":\"Feature\",\"properties\":{\"name\":\"Block\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}",
				point("{\"name\":\"Odd kind\",\"kind\":\"a b\"}", "[-87.6, 41.8]"));

		assertThatThrownBy(() -> NamedPlaces.fromGeoJson(text)).isInstanceOf(InvalidGeoJsonException.class)
			.hasMessageStartingWith("the places file has 4 problems: ")
			.hasMessageContaining("feature 2: the property \"name\" is missing or empty")
			.hasMessageContaining("feature 3 (\"Swapped\"): [30.27, -97.74] is out of range; it looks like latitude/longitude swapped")
			.hasMessageContaining("feature 4 (\"Block\"): the geometry is a Polygon; a place is a Point")
			.hasMessageContaining("feature 5 (\"Odd kind\"): kind may hold only letters, digits")
			.hasMessageNotContaining("feature 1");
	}

	@Test
	void aFileThatIsNotAFeatureCollectionIsRefusedWithAClearMessage() {
		for (String bad : new String[] { "", "not json", "[]", "{\"type\":\"Feature\"}",
				"{\"type\":\"FeatureCollection\",\"features\":{}}" }) {
			assertThatThrownBy(() -> NamedPlaces.fromGeoJson(bad)).as(bad).isInstanceOf(InvalidGeoJsonException.class)
				.hasMessageStartingWith("the places file ");
		}
		assertThat(NamedPlaces.fromGeoJson(collection()).size()).isZero();
	}

}
