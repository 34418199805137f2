package org.vigia.core.neighborhood;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigia.core.neighborhood.InvalidGeoJsonTests.collection;
import static org.vigia.core.neighborhood.InvalidGeoJsonTests.feature;

/**
 * GeoJSON bombs: millions of vertices in every arrangement, nesting of every kind, numbers no double can hold.
 * Each is refused with a message, and a bomb is refused before the parser builds it.
 */
class GeoJsonBombTests {

	static String zigzag(int positions) {
		var ring = new StringBuilder(positions * 6 + 16).append("[[");
		for (int i = 0; i < positions; i++) {
			ring.append(i % 2 == 0 ? "[0,1]," : "[1,0],");
		}
		return ring.append("[0,1]]]").toString();
	}

	/** A valid ring: a circle of {@code positions} around a point near Chicago. */
	static String circle(int positions, double lon) {
		var ring = new StringBuilder("[[");
		for (int i = 0; i <= positions; i++) {
			double a = 2 * Math.PI * (i % positions) / positions;
			ring.append(String.format(Locale.ROOT, "[%.6f,%.6f]", lon + 0.01 * Math.cos(a), 41.8 + 0.01 * Math.sin(a)))
				.append(i < positions ? "," : "");
		}
		return ring.append("]]").toString();
	}

	static long allocatedWhile(Runnable work) {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
		work.run();
		return threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
	}

	@Test
	void threeMillionPositionsIn19MegabytesAreRefusedBeforeTheParserBuildsThem() {
		String bomb = collection(feature("Bomb", "Polygon", zigzag(3_200_000)));
		assertThat(bomb.length()).isBetween(19_000_000, 20_000_000);

		long allocated = allocatedWhile(() -> assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(bomb))
			.isInstanceOf(InvalidGeoJsonException.class)
			.hasMessage("the file has too many vertices: more than 1000000"));

		// parsing first, as before, allocated over 1 GB here
		assertThat(allocated).isLessThan(10_000_000);
	}

	@Test
	void aMultiPolygonOfHalfAMillionSmallPolygonsIsRefused() {
		var polygons = new StringBuilder("[");
		for (int i = 0; i < 500_000; i++) {
			polygons.append(i == 0 ? "" : ",").append("[[[0,0],[1,0],[1,1],[0,0]]]");
		}
		String bomb = collection(feature("Confetti", "MultiPolygon", polygons.append("]").toString()));

		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(bomb)).isInstanceOf(InvalidGeoJsonException.class)
			.hasMessage("the file has too many vertices: more than 1000000");
	}

	@Test
	void verticesOfAllFeaturesCountTogether() {
		var limits = new NeighborhoodMap.Limits(20_000_000, 10_000);
		String three = collection(feature("A", "Polygon", circle(4_000, -87.7)), feature("B", "Polygon", circle(4_000, -87.6)),
				feature("C", "Polygon", circle(4_000, -87.5)));

		assertThat(NeighborhoodMap.fromGeoJson(collection(feature("A", "Polygon", circle(4_000, -87.7))), limits).size())
			.isEqualTo(1);
		assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(three, limits)).isInstanceOf(InvalidGeoJsonException.class)
			.hasMessage("the file has too many vertices: more than 10000");
	}

	@Test
	void nestingOfEveryKindIsRefusedBeforeParsing() {
		String arrays = collection(feature("Deep", "Polygon", "[".repeat(200_000) + "]".repeat(200_000)));
		String objects = collection("{\"type\":\"Feature\",\"properties\":{\"name\":\"Deep\",\"x\":"
				+ "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "},\"geometry\":null}");
		String unclosed = "[".repeat(1_000_000);

		for (String deep : new String[] { arrays, objects, unclosed }) {
			long allocated = allocatedWhile(() -> assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(deep))
				.isInstanceOf(InvalidGeoJsonException.class)
				.hasMessage("the file is nested too deeply: more than 64 levels"));
			assertThat(allocated).isLessThan(10_000_000);
		}
	}

	@Test
	void bracketsAndBracesInsideStringsDoNotCount() {
		String square = "[[[-87.70,41.80],[-87.60,41.80],[-87.60,41.90],[-87.70,41.90],[-87.70,41.80]]]";
		String note = "[".repeat(100) + "\\\"" + "{".repeat(100);
		String text = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":"
				+ "\"Pilsen [north]\",\"note\":\"" + note + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
				+ square + "}}]}";

		assertThat(NeighborhoodMap.fromGeoJson(text).size()).isEqualTo(1);
	}

	@Test
	void numbersNoDoubleCanHoldAreRefused() {
		for (String number : new String[] { "1e999", "-1e999", "1" + "0".repeat(1_000_000), "NaN" }) {
			String text = collection(feature("Far", "Polygon", "[[[" + number + ",41.8],[-87.6,41.8],[-87.6,41.9],["
					+ number + ",41.8]]]"));

			assertThatThrownBy(() -> NeighborhoodMap.fromGeoJson(text)).isInstanceOf(InvalidGeoJsonException.class);
		}
	}

}
