package org.vigia.core.geo;

import java.util.Locale;
import java.util.Optional;

/**
 * Two numbers as a place, or why not: the one rule for map links and typed coordinates alike. Plain decimals
 * within range are a place; NaN, infinities, exponents, out-of-range values and 0, 0 (what apps write when they
 * have no position) are {@link PlaceInText.Invalid}.
 */
final class Coordinates {

	private Coordinates() {
	}

	/** Two numbers as written; anything but plain decimals in range is invalid. */
	static PlaceInText of(String latitude, String longitude) {
		Optional<Double> lat = number(latitude);
		Optional<Double> lon = number(longitude);
		if (lat.isEmpty() || lon.isEmpty()) {
			return new PlaceInText.Invalid();
		}
		return point(lat.get(), lon.get());
	}

	static PlaceInText point(double latitude, double longitude) {
		if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || Math.abs(latitude) > 90
				|| Math.abs(longitude) > 180 || latitude == 0 && longitude == 0) {
			return new PlaceInText.Invalid();
		}
		return new PlaceInText.Found(GeoPoint.of(latitude, longitude));
	}

	private static Optional<Double> number(String written) {
		String n = written.strip().replace('\u2212', '-').toLowerCase(Locale.ROOT);
		if (n.isEmpty() || n.contains("n") || n.contains("i") || n.contains("e") || n.length() > 40) {
			return Optional.empty();
		}
		try {
			return Optional.of(Double.parseDouble(n));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	static boolean isZero(String written) {
		return number(written).map(d -> d == 0).orElse(false);
	}

}
