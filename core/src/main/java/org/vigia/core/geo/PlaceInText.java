package org.vigia.core.geo;

import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * What {@link MapLinks#read} found in a message: a place, a map link that does not say where, coordinates
 * that are no place on Earth, or nothing. Each case calls for a different answer to the person.
 */
public sealed interface PlaceInText {

	/** A place: from a map link, a {@code geo:} URI or typed coordinates. */
	record Found(GeoPoint point) implements PlaceInText {

		public Found {
			Objects.requireNonNull(point, "point must not be null");
		}

	}

	/**
	 * A map link whose place is not written in it: a short link ({@code maps.app.goo.gl/…},
	 * {@code goo.gl/maps/…}, {@code maps.apple/p/…}, {@code osm.org/go/…}) or a place given by name only.
	 * Only opening it on the internet would tell where; the person should send the coordinates or pick a
	 * neighborhood instead.
	 *
	 * @param host the link's host, e.g. {@code maps.app.goo.gl} (never the rest of the link)
	 */
	record Unresolvable(String host) implements PlaceInText {

		public Unresolvable {
			Checks.text("host", host, 100);
		}

	}

	/** Coordinates that are no usable place: out of range, NaN, infinite, written with an exponent, or 0, 0. */
	record Invalid() implements PlaceInText {
	}

	/** No place in the text. */
	record None() implements PlaceInText {
	}

}
