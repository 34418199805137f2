package org.vigia.core.geo;

/**
 * Distances on the Earth in meters.
 *
 * <p>Design note: {@link #meters} is the haversine formula on a sphere of the WGS 84 mean radius
 * (6 371 008.8 m). Against the ellipsoid its error is below 0.5 % everywhere (at most about 0.3 %, at
 * the poles/equator extremes), which is far below GPS error at the 300 m merge radius. Callers that need
 * many distances around one place use {@link LocalProjection}, which is cheaper and documented there.
 */
public final class Distances {

	/** Mean Earth radius (IUGG), meters. */
	public static final double EARTH_RADIUS_METERS = 6_371_008.8;

	private Distances() {
	}

	public static double meters(GeoPoint a, GeoPoint b) {
		return meters(a.latitude(), a.longitude(), b.latitude(), b.longitude());
	}

	public static double meters(double lat1, double lon1, double lat2, double lon2) {
		double phi1 = Math.toRadians(lat1);
		double phi2 = Math.toRadians(lat2);
		double dPhi = phi2 - phi1;
		double dLambda = Math.toRadians(lon2 - lon1);
		double h = sq(Math.sin(dPhi / 2)) + Math.cos(phi1) * Math.cos(phi2) * sq(Math.sin(dLambda / 2));
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
	}

	private static double sq(double x) {
		return x * x;
	}

}
