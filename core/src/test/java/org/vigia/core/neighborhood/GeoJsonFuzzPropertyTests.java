package org.vigia.core.neighborhood;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real neighborhoods file with random damage: characters cut, inserted, repeated or swapped, numbers replaced
 * by ones no double holds. Whatever comes out is either read as a map or refused with an InvalidGeoJsonException
 * that says why; never another exception.
 */
class GeoJsonFuzzPropertyTests {

	static final String SAMPLE = sample();

	static String sample() {
		try (InputStream in = GeoJsonFuzzPropertyTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** One edit at a relative position (0..1) of the text. */
	record Edit(int kind, double at, int length, String text) {

		String apply(String s) {
			int from = (int) (at * s.length());
			int to = Math.min(s.length(), from + length);
			return switch (kind) {
				case 0 -> s.substring(0, from) + s.substring(to);
				case 1 -> s.substring(0, from) + text + s.substring(from);
				case 2 -> s.substring(0, to) + s.substring(from, to).repeat(1 + length % 50) + s.substring(to);
				case 3 -> s.substring(0, from) + s.substring(from).replaceFirst("-?\\d+\\.\\d+", text);
				default -> s.substring(0, from) + text + s.substring(to);
			};
		}

	}

	@Property(tries = 3000)
	void anyDamageIsReadOrRefusedWithAMessage(@ForAll("damaged") String text) {
		try {
			assertThat(NeighborhoodMap.fromGeoJson(text).size()).isPositive();
		}
		catch (InvalidGeoJsonException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	@Provide
	Arbitrary<String> damaged() {
		Arbitrary<String> junk = Arbitraries.oneOf(Arbitraries.strings().withChars("[]{}\",:0123456789.-eE ").ofMaxLength(12),
				Arbitraries.of("null", "true", "[]", "{}", "\"\"", "1e999", "-1e999", "NaN", "1" + "0".repeat(400), "-0",
						"\"Polygon\"", "\"MultiPolygon\"", "\"Point\"", "[[]]", "[[[0,0]]]", "\\u0000", "\"\\ud800\""));
		Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1),
				Arbitraries.integers().between(0, 400), junk).as(Edit::new);
		return edit.list().ofMinSize(1).ofMaxSize(5).map(GeoJsonFuzzPropertyTests::applyAll);
	}

	static String applyAll(List<Edit> edits) {
		String text = SAMPLE;
		for (Edit e : edits) {
			text = e.apply(text);
		}
		return text;
	}

}
