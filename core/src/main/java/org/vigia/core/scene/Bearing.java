package org.vigia.core.scene;

import org.vigia.core.geo.GeoPoint;

/**
 * One of the eight compass directions, as people say where something is ("north-east of the park").
 *
 * <p>Design note: the initial great-circle bearing from one point to the other, rounded to the nearest
 * 45° sector. At the distances this is used for (a few kilometres) the initial and final bearings differ by
 * far less than a sector.
 */
public enum Bearing {

	NORTH, NORTH_EAST, EAST, SOUTH_EAST, SOUTH, SOUTH_WEST, WEST, NORTH_WEST;

	/** The direction in which {@code to} lies, seen from {@code from}. */
	public static Bearing from(GeoPoint from, GeoPoint to) {
		double phi1 = Math.toRadians(from.latitude());
		double phi2 = Math.toRadians(to.latitude());
		double dLambda = Math.toRadians(to.longitude() - from.longitude());
		double y = Math.sin(dLambda) * Math.cos(phi2);
		double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
		double degrees = (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
		return values()[(int) Math.round(degrees / 45) % 8];
	}

}
