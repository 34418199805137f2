package org.vigia.core.neighborhood;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Real county boundaries with the defects of web-simplified files (us-atlas, see geo/README.md): each is
 * repaired without changing its area meaningfully, or the file is refused with every problem at once.
 */
class RealBoundaryRepairTests {

	static String resource(String name) {
		try (InputStream in = RealBoundaryRepairTests.class.getResourceAsStream("/geo/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static final String COUNTIES = resource("counties-with-artifacts.geojson");

	static final NeighborhoodMap MAP = NeighborhoodMap.fromGeoJson(COUNTIES);

	static Map<String, Repair> repairs() {
		return MAP.repairs().stream().collect(Collectors.toMap(Repair::feature, r -> r));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"feature 8 (\"Franklin city\")      | removed 3 repeated points, fixed a ring self-intersection at [-76.928, 36.701]",
			"feature 1 (\"Alameda County\")     | fixed a self-intersection at [-121.472, 37.482]",
			"feature 5 (\"Isle of Wight County\") | removed 3 repeated points, fixed a self-intersection at [-76.924, 36.683]",
			"feature 2 (\"San Francisco County\") | removed 1 repeated point, dropped polygon 1, an island with no area (2 points on one line)",
			"feature 6 (\"Montgomery County\")  | removed 3 repeated points, dropped polygon 1, an island with no area (one point repeated)",
			"feature 10 (\"Radford city\")      | removed 3 repeated points, dropped a hole with no area in polygon 1" })
	void eachDefectIsRepairedAndSaysWhatChanged(String feature, String changes) {
		Repair repair = repairs().get(feature);

		assertThat(repair).as("a repair of %s", feature).isNotNull();
		assertThat(String.join(", ", repair.changes())).isEqualTo(changes);
		assertThat(Math.abs(repair.areaChange())).as("the area change").isLessThan(0.0001);
		assertThat(repair.describe()).startsWith(feature + ": ").contains("area changed by ");
	}

	@Test
	void everyCountyIsKeptAndOnlyTheDefectiveOnesAreRepaired() {
		assertThat(MAP.size()).isEqualTo(11);
		assertThat(MAP.repairs()).extracting(Repair::feature)
			.doesNotContain("feature 4 (\"Henrico County\")", "feature 11 (\"Richmond city\")")
			.hasSize(9);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "Franklin city, 36.6777, -76.9225", "Prince William County, 38.7, -77.48",
			"San Francisco County, 37.7749, -122.4194", "Alameda County, 37.8044, -122.2712",
			"Isle of Wight County, 36.90, -76.70" })
	void repairedCountiesFindTheirPlaces(String county, double latitude, double longitude) {
		assertThat(MAP.lookup(GeoPoint.of(latitude, longitude)).found().map(Neighborhood::name)).contains(county);
	}

	@Test
	void theRepairedMapIsWhatItSavesAndReadsBackWithoutRepairs() {
		NeighborhoodMap again = NeighborhoodMap.fromGeoJson(MAP.toGeoJson());

		assertThat(again).isEqualTo(MAP);
		assertThat(again.repairs()).isEmpty();
	}

	@Test
	void aCountyThatCollapsesToALineIsRefused() {
		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(resource("falls-church.geojson")))
			.isInstanceOf(InvalidGeoJsonException.class)
			.hasMessage("feature 1 (\"Falls Church city\"): it has no area (every polygon collapses to a line or a point)");
	}

	@Test
	void everyProblemOfAFileIsListedAtOnceAndTheRepairableOnesAreNot() {
		String fallsChurch = resource("falls-church.geojson");
		String fallsChurchFeature = fallsChurch.substring(fallsChurch.indexOf("[{") + 1, fallsChurch.lastIndexOf("]}"));
		String text = COUNTIES.substring(0, COUNTIES.lastIndexOf("]}")) + "," + fallsChurchFeature + ","
				+ InvalidGeoJsonTests.feature("Open", "Polygon", "[[[-87.70,41.80],[-87.60,41.80],[-87.60,41.90],[-87.70,41.90]]]")
				+ "," + InvalidGeoJsonTests.feature("A point", "Point", "[-87.66,41.85]") + "]}";

		var refused = catchThrowableOfType(InvalidGeoJsonException.class, () -> NeighborhoodMap.fromGeoJson(text));

		assertThat(refused.problems()).containsExactly(
				"feature 12 (\"Falls Church city\"): it has no area (every polygon collapses to a line or a point)",
				"feature 13 (\"Open\"), ring 1: the ring is not closed (its last position must repeat the first)",
				"feature 14 (\"A point\"): the geometry is a Point; only Polygon and MultiPolygon are accepted");
		assertThat(refused.getMessage()).startsWith("3 problems:\n").endsWith(refused.problems().get(2));
	}

	@Test
	void repeatedPointsAloneAreRemovedWithoutChangingTheArea() {
		var map = NeighborhoodMap.fromGeoJson(InvalidGeoJsonTests.collection(InvalidGeoJsonTests.feature("Pilsen",
				"Polygon", "[[[-87.70,41.80],[-87.60,41.80],[-87.60,41.80],[-87.60,41.90],[-87.70,41.90],[-87.70,41.80]]]")));

		assertThat(map.repairs()).extracting(Repair::describe)
			.containsExactly("feature 1 (\"Pilsen\"): removed 1 repeated point; area changed by +0.0000 %");
	}

	@Test
	void aSelfIntersectionThatWouldChangeTheAreaIsRefused() {
		// a square whose last corner is pulled across: repairing it would drop a tenth of it
		var text = InvalidGeoJsonTests.collection(InvalidGeoJsonTests.feature("Folded", "Polygon",
				"[[[-87.70,41.80],[-87.60,41.80],[-87.60,41.90],[-87.70,41.90],[-87.59,41.85],[-87.70,41.80]]]"));

		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(text)).isInstanceOf(InvalidGeoJsonException.class)
			.hasMessageStartingWith("feature 1 (\"Folded\"): the polygon is not valid: self-intersection at [")
			.hasMessageEndingWith("; repairing it would change its area by more than 0.5 %");
	}

}
