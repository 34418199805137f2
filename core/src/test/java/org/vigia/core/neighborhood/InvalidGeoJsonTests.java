package org.vigia.core.neighborhood;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidGeoJsonTests {

	static final String SQUARE = "[[[-87.70,41.80],[-87.60,41.80],[-87.60,41.90],[-87.70,41.90],[-87.70,41.80]]]";

	static String collection(String... features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	static String feature(String name, String type, String coordinates) {
		return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\",\"channel\":\"@pilsen_alerts\"},"
				+ "\"geometry\":{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}}";
	}

	static Stream<Arguments> invalid() {
		return Stream.of(Arguments.of("not JSON", "{\"type\": FeatureCollection", "the file is not valid JSON"),
				Arguments.of("a single Feature", feature("Pilsen", "Polygon", SQUARE),
						"the file is not a GeoJSON FeatureCollection"),
				Arguments.of("no features", collection(), "the FeatureCollection has no features"),
				Arguments.of("a point", collection(feature("Pilsen", "Point", "[-87.66,41.85]")),
						"feature 1 (\"Pilsen\"): the geometry is a Point; only Polygon and MultiPolygon are accepted"),
				Arguments.of("a line", collection(feature("Pilsen", "Polygon", SQUARE),
						feature("Loop", "LineString", "[[-87.63,41.88],[-87.62,41.87]]")),
						"feature 2 (\"Loop\"): the geometry is a LineString"),
				Arguments.of("a bow tie", collection(feature("Bow tie", "Polygon",
						"[[[-87.70,41.80],[-87.60,41.90],[-87.60,41.80],[-87.70,41.90],[-87.70,41.80]]]")),
						"feature 1 (\"Bow tie\"): the polygon is not valid: self-intersection at [-87.65"),
				Arguments.of("an unclosed ring", collection(feature("Open", "Polygon",
						"[[[-87.70,41.80],[-87.60,41.80],[-87.60,41.90],[-87.70,41.90]]]")),
						"feature 1 (\"Open\"), ring 1: the ring is not closed"),
				Arguments.of("latitude and longitude swapped", collection(feature("Swapped", "Polygon",
						"[[[30.26,-97.75],[30.26,-97.73],[30.28,-97.73],[30.28,-97.75],[30.26,-97.75]]]")),
						"feature 1 (\"Swapped\"), ring 1: position 1 [30.26, -97.75] is out of range; it looks like "
								+ "latitude/longitude swapped"),
				Arguments.of("out of range", collection(feature("Mars", "Polygon",
						"[[[-187.7,41.8],[-187.6,41.8],[-187.6,41.9],[-187.7,41.9],[-187.7,41.8]]]")),
						"feature 1 (\"Mars\"), ring 1: position 1 [-187.7, 41.8] is out of range"),
				Arguments.of("no name", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
						+ "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}]}",
						"feature 1: the property \"name\" is missing or empty"),
				Arguments.of("the same name twice", collection(feature("Pilsen", "Polygon", SQUARE),
						feature("Pilsen", "Polygon", SQUARE)), "feature 2 (\"Pilsen\"): the id pilsen is used by another feature"),
				Arguments.of("text in coordinates", collection(feature("Pilsen", "Polygon",
						"[[[\"a\",\"b\"],[-87.60,41.80],[-87.60,41.90],[-87.70,41.80]]]")),
						"position 1 is not [longitude, latitude]"),
				Arguments.of("a bad channel", collection("{\"type\":\"Feature\",\"properties\":{\"name\":\"Pilsen\","
						+ "\"channel\":\"not a channel\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE
						+ "}}"), "feature 1 (\"Pilsen\"): channel must be @name or a numeric chat id"),
				Arguments.of("a bad Signal group", collection("{\"type\":\"Feature\",\"properties\":{\"name\":\"Pilsen\","
						+ "\"signal_group\":\"https://signal.group/#CjQKIA\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
						+ SQUARE + "}}"), "feature 1 (\"Pilsen\"): signal_group must be a Signal group id as signal-cli prints it"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void isRejectedWithAMessageThatSaysWhatAndWhere(String name, String geojson, String message) {
		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(geojson)).isInstanceOf(InvalidGeoJsonException.class)
			.hasMessageContaining(message);
	}

	@Test
	void aPolygonWithMillionsOfVerticesIsRefusedByTheVertexCap() {
		// short numbers keep the text under the size cap, so the vertex cap is what refuses it
		var ring = new StringBuilder("[[");
		for (int i = 0; i < 2_000_000; i++) {
			ring.append(i % 2 == 0 ? "[-87,41]," : "[-88,42],");
		}
		ring.append("[-87,41]]]");

		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(collection(feature("Bomb", "Polygon", ring.toString()))))
			.isInstanceOf(InvalidGeoJsonException.class)
			.hasMessage("the file has too many vertices: more than 1000000");
	}

	@Test
	void aFileOverTheSizeCapIsRefusedBeforeParsing() {
		var limits = new NeighborhoodMap.Limits(1_000, 1_000);

		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(" ".repeat(2_000) + "{}", limits))
			.hasMessage("the file is too large: more than 1000 characters");
	}

	@Test
	void deeplyNestedArraysAreRefusedCleanly() {
		String deep = "[".repeat(200_000) + "]".repeat(200_000);

		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(collection(feature("Deep", "Polygon", deep))))
			.isInstanceOf(InvalidGeoJsonException.class);
	}

}
