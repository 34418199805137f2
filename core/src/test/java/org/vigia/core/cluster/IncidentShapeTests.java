package org.vigia.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigia.core.geo.GeoPoint;

class IncidentShapeTests {

	/** "lat lon, lat lon, ..." into positions. */
	private static List<GeoPoint> points(String text) {
		return Arrays.stream(text.split(","))
			.map(String::trim)
			.map((pair) -> pair.split(" "))
			.map((ll) -> GeoPoint.of(Double.parseDouble(ll[0]), Double.parseDouble(ll[1])))
			.toList();
	}

	private static String text(List<GeoPoint> points) {
		return String.join(", ",
				points.stream().map((p) -> p.latitude() + " " + p.longitude()).toList());
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', value = {
			// one report, or the same spot twice: a point
			"37.3382 -121.8863 | POINT | 37.3382 -121.8863",
			"37.3382 -121.8863, 37.3382 -121.8863 | POINT | 37.3382 -121.8863",
			// two reports: a segment
			"37.3382 -121.8863, 37.3391 -121.8851 | SEGMENT | 37.3382 -121.8863, 37.3391 -121.8851",
			// a square with a report inside: the square, counter-clockwise, the inner report dropped
			"37.338 -121.887, 37.338 -121.885, 37.340 -121.885, 37.340 -121.887, 37.339 -121.886"
					+ " | POLYGON | 37.338 -121.887, 37.338 -121.885, 37.34 -121.885, 37.34 -121.887",
			// across the antimeridian (Fiji): a small triangle, not one around the globe
			"-16.70 179.999, -16.70 -179.999, -16.69 179.999"
					+ " | POLYGON | -16.7 179.999, -16.7 -179.999, -16.69 179.999" })
	void outlinesTheReportsOfAnIncident(String members, IncidentShape.Kind kind, String expected) {
		IncidentShape shape = IncidentShape.of(points(members));

		assertThat(shape.kind()).isEqualTo(kind);
		List<GeoPoint> vertices = shape.vertices();
		// the ring may start at any vertex: rotate it to start where the expectation does
		int start = vertices.indexOf(points(expected).get(0));
		assertThat(start).isNotNegative();
		List<GeoPoint> rotated = new java.util.ArrayList<>(vertices.subList(start, vertices.size()));
		rotated.addAll(vertices.subList(0, start));
		assertThat(text(rotated)).isEqualTo(expected);
	}

	@Test
	void outlinesAnIncidentFromItsMembers() {
		var incident = IncidentMerge.open(new org.vigia.core.incident.IncidentId("a"),
				Scenes.report("r1", Scenes.SAN_JOSE, Scenes.T0));

		assertThat(IncidentShape.of(incident).vertices()).containsExactly(Scenes.SAN_JOSE);
	}

	@Test
	void refusesAnEmptyListOfPositions() {
		assertThatIllegalArgumentException().isThrownBy(() -> IncidentShape.of(List.of()))
			.withMessageContaining("at least 1 position");
	}

}
