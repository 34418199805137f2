package org.vigia.core.geo;

/**
 * Distances on the Earth in meters.
 *
 * <p>Design note: up to {@value #LOCAL_LIMIT_METERS} m (every distance the policy cares about: merge
 * radius, dispatch radius, channel buffers) the distance is measured in a local projection that uses the
 * WGS 84 ellipsoid's radii of curvature at the mean latitude ({@link LocalProjection}); against the true
 * geodesic its error stays under 0.05 % within 50 km at latitudes up to 70° (tested against Vincenty's
 * formula). Longer distances use the haversine formula on a sphere of the mean radius, within 0.6 %
 * of the geodesic. Both are pure arithmetic, safe from any thread.
 */
public final class Distances {

	/** Mean Earth radius (IUGG), meters. */
	public static final double EARTH_RADIUS_METERS = 6_371_008.8;

	static final double LOCAL_LIMIT_METERS = 100_000;

	private Distances() {
	}

	public static double meters(GeoPoint a, GeoPoint b) {
		return meters(a.latitude(), a.longitude(), b.latitude(), b.longitude());
	}

	public static double meters(double lat1, double lon1, double lat2, double lon2) {
		double spherical = haversine(lat1, lon1, lat2, lon2);
		if (spherical > LOCAL_LIMIT_METERS || Math.abs(lat1) > 85 || Math.abs(lat2) > 85) {
			return spherical;
		}
		return LocalProjection.meters(lat1, lon1, lat2, lon2);
	}

	/** Great-circle distance on the mean sphere. */
	public static double haversine(double lat1, double lon1, double lat2, double lon2) {
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
