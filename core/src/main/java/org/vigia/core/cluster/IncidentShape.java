package org.vigia.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;

/**
 * The area an incident's reports cover, for the dispatcher's map: the convex hull of the members'
 * positions. One distinct position gives a point, two (or more in a line) a segment, otherwise a polygon
 * whose vertices are listed once, counter-clockwise, without repeating the first. The center is the
 * incident's own {@link Incident#center()}.
 *
 * <p>Longitudes are unwrapped around the first member before the hull is computed, so an incident on the
 * antimeridian gets a small hull, not one around the globe; vertices are wrapped back into -180..180.
 *
 * @param kind point, segment or polygon
 * @param vertices 1, 2, or at least 3 positions
 */
public record IncidentShape(Kind kind, List<GeoPoint> vertices) {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	public enum Kind {

		POINT, SEGMENT, POLYGON

	}

	public IncidentShape {
		Objects.requireNonNull(kind, "kind must not be null");
		vertices = List.copyOf(vertices);
		int expected = switch (kind) {
			case POINT -> 1;
			case SEGMENT -> 2;
			case POLYGON -> 3;
		};
		if (kind == Kind.POLYGON ? vertices.size() < expected : vertices.size() != expected) {
			throw new IllegalArgumentException(
					"a " + kind + " shape needs " + expected + " vertices, had " + vertices.size());
		}
	}

	/** The hull of the incident's members. */
	public static IncidentShape of(Incident incident) {
		Objects.requireNonNull(incident, "incident must not be null");
		return of(incident.members());
	}

	/** The hull of these positions (at least one). */
	public static IncidentShape of(List<GeoPoint> points) {
		Objects.requireNonNull(points, "points must not be null");
		if (points.isEmpty()) {
			throw new IllegalArgumentException("a shape needs at least 1 position, had 0");
		}
		double ref = points.get(0).longitude();
		Coordinate[] coordinates = new Coordinate[points.size()];
		for (int i = 0; i < coordinates.length; i++) {
			GeoPoint p = points.get(i);
			coordinates[i] = new Coordinate(ref + wrap(p.longitude() - ref), p.latitude());
		}
		Geometry hull = new ConvexHull(coordinates, GEOMETRY).getConvexHull();
		Coordinate[] ring = (hull instanceof Polygon polygon) ? polygon.getExteriorRing().getCoordinates()
				: hull.getCoordinates();
		// a polygon's ring repeats its first vertex at the end
		int count = (hull instanceof Polygon) ? ring.length - 1 : ring.length;
		boolean reverse = (hull instanceof Polygon) && !Orientation.isCCW(ring);
		List<GeoPoint> vertices = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Coordinate c = reverse ? ring[count - 1 - i] : ring[i];
			vertices.add(new GeoPoint(c.y, wrap(c.x)));
		}
		Kind kind = switch (count) {
			case 1 -> Kind.POINT;
			case 2 -> Kind.SEGMENT;
			default -> Kind.POLYGON;
		};
		return new IncidentShape(kind, vertices);
	}

	private static double wrap(double longitude) {
		if (longitude > 180) {
			return longitude - 360;
		}
		if (longitude < -180) {
			return longitude + 360;
		}
		return longitude;
	}

	@Override
	public String toString() {
		return "IncidentShape[" + this.kind + ", " + this.vertices.size() + " vertices]";
	}

}
