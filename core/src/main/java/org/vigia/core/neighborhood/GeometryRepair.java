package org.vigia.core.neighborhood;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Repairs what can be repaired in one feature's polygons without changing the area meaningfully, and refuses
 * the rest.
 *
 * <p>Design note: in order, (1) repeated consecutive positions are removed; (2) a ring left with fewer than 4
 * positions or no area (an "island" of three points, a hole that is one point repeated) is dropped, a hole on
 * its own, an outer ring with its polygon, while something with an area is left; (3) a polygon that is still
 * not valid (a zero-width spike, a ring touching itself, a small bow-tie) is rebuilt by JTS's
 * {@link GeometryFixer} and kept only if its area changed by at most {@value #MAX_AREA_CHANGE} of the
 * original (a bow-tie drawn by hand, whose lobes cancel out, changes it far more and is refused). Areas
 * are compared in square degrees, which is exact enough for a relative change within one feature.
 */
final class GeometryRepair {

	/** The largest relative change of area a repair may make: 0.5 %. */
	static final double MAX_AREA_CHANGE = 0.005;

	/** The repaired geometry, and what was done (null when nothing was). */
	record Result(Geometry geometry, Repair repair) {
	}

	private GeometryRepair() {
	}

	/**
	 * @param polygons each polygon's rings (outer first), each ring closed and in range
	 * @throws InvalidGeoJsonException saying why the feature cannot be used
	 */
	static Result repair(String here, List<List<Coordinate[]>> polygons) {
		List<String> changes = new ArrayList<>();
		int repeated = 0;
		var kept = new ArrayList<Polygon>();
		for (int p = 0; p < polygons.size(); p++) {
			List<Coordinate[]> rings = polygons.get(p);
			var unique = new ArrayList<Coordinate[]>();
			for (Coordinate[] ring : rings) {
				Coordinate[] clean = CoordinateArrays.removeRepeatedPoints(ring);
				repeated += ring.length - clean.length;
				unique.add(clean);
			}
			if (collapsed(unique.get(0))) {
				if (polygons.size() == 1 && rings.get(0).length < 4) {
					throw new InvalidGeoJsonException(here + ", ring 1: a ring needs at least 4 positions, has "
							+ rings.get(0).length);
				}
				changes.add("dropped " + (polygons.size() == 1 ? "its only polygon" : "polygon " + (p + 1))
						+ ", an island with no area (" + shape(unique.get(0)) + ")");
				continue;
			}
			var holes = new ArrayList<LinearRing>();
			for (int r = 1; r < unique.size(); r++) {
				if (collapsed(unique.get(r))) {
					changes.add("dropped a hole with no area in polygon " + (p + 1));
				}
				else {
					holes.add(GeoJsonFeatures.FACTORY.createLinearRing(unique.get(r)));
				}
			}
			kept.add(GeoJsonFeatures.FACTORY.createPolygon(GeoJsonFeatures.FACTORY.createLinearRing(unique.get(0)),
					holes.toArray(LinearRing[]::new)));
		}
		if (repeated > 0) {
			changes.add(0, "removed " + repeated + " repeated point" + (repeated == 1 ? "" : "s"));
		}
		if (kept.isEmpty()) {
			throw new InvalidGeoJsonException(here + ": it has no area (every polygon collapses to a line or a point)");
		}
		Geometry geometry = kept.size() == 1 && polygons.size() == 1 ? kept.get(0)
				: GeoJsonFeatures.FACTORY.createMultiPolygon(kept.toArray(Polygon[]::new));
		double original = geometry.getArea();
		TopologyValidationError error = new IsValidOp(geometry).getValidationError();
		if (error != null) {
			Geometry fixed = GeometryFixer.fix(geometry);
			double change = original == 0 ? Double.POSITIVE_INFINITY : Math.abs(fixed.getArea() - original) / original;
			if (fixed.isEmpty() || !(fixed.getDimension() == 2) || change > MAX_AREA_CHANGE) {
				throw new InvalidGeoJsonException(here + ": the polygon is not valid: " + describe(error, false)
						+ "; repairing it would change its area by more than "
						+ String.format(Locale.ROOT, "%.1f %%", MAX_AREA_CHANGE * 100));
			}
			changes.add("fixed a " + describe(error, true));
			geometry = fixed;
		}
		if (changes.isEmpty()) {
			return new Result(geometry, null);
		}
		double areaChange = original == 0 ? 0 : (geometry.getArea() - original) / original;
		return new Result(geometry, new Repair(here, changes, areaChange));
	}

	/** Fewer than 4 positions, or all on one line (a bow-tie, whose lobes cancel out, still has an area). */
	private static boolean collapsed(Coordinate[] ring) {
		return ring.length < 4 || new ConvexHull(ring, GeoJsonFeatures.FACTORY).getConvexHull().getDimension() < 2;
	}

	private static String shape(Coordinate[] ring) {
		long distinct = java.util.Arrays.stream(ring).map(c -> c.x + "," + c.y).distinct().count();
		return distinct == 1 ? "one point repeated" : distinct + " points on one line";
	}

	/**
	 * The validation error in words, where it is. A repair note rounds the place to 3 decimals (about 100 m):
	 * enough to find it, and no log line carries a precise coordinate.
	 */
	static String describe(TopologyValidationError error, boolean rounded) {
		Coordinate at = error.getCoordinate();
		String message = error.getMessage().toLowerCase(Locale.ROOT);
		if (at == null) {
			return message;
		}
		return rounded ? String.format(Locale.ROOT, "%s at [%.3f, %.3f]", message, at.x, at.y)
				: message + " at [" + at.x + ", " + at.y + "]";
	}

}
