package org.vigia.core.geo;

import org.vigia.core.support.Checks;

/**
 * A position on the WGS 84 ellipsoid, in decimal degrees.
 *
 * <p>Precise positions identify people: never log one; use {@link #approximate(int)} for anything a
 * person other than a dispatcher may see, and {@link #toString()} which prints no coordinates.
 *
 * @param latitude -90..90, finite
 * @param longitude -180..180, finite
 */
public record GeoPoint(double latitude, double longitude) {

	public GeoPoint {
		Checks.between("latitude", latitude, -90.0, 90.0);
		Checks.between("longitude", longitude, -180.0, 180.0);
	}

	public static GeoPoint of(double latitude, double longitude) {
		return new GeoPoint(latitude, longitude);
	}

	/**
	 * This point rounded to {@code decimals} decimal places (3 decimals ≈ 110 m, 2 ≈ 1.1 km), for
	 * texts that must say roughly where without saying exactly where.
	 */
	public GeoPoint approximate(int decimals) {
		Checks.between("decimals", decimals, 0, 6);
		double scale = Math.pow(10, decimals);
		return new GeoPoint(Math.round(latitude * scale) / scale, Math.round(longitude * scale) / scale);
	}

	/** Great-circle distance in meters (see {@link Distances#meters}). */
	public double metersTo(GeoPoint other) {
		return Distances.meters(this, other);
	}

	/** No coordinates: a position must not reach a log by accident. */
	@Override
	public String toString() {
		return "GeoPoint[redacted]";
	}

}
