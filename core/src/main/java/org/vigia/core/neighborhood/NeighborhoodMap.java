package org.vigia.core.neighborhood;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

import org.vigia.core.geo.Distances;
import org.vigia.core.geo.GeoPoint;

/**
 * The neighborhoods a network serves, with their polygons, answering "which neighborhood is this point
 * in?" fast.
 *
 * <p>Design note: an immutable snapshot. Polygons are prepared once ({@link PreparedGeometry} caches an
 * indexed point-in-area locator) and put in an {@link STRtree}, built in full before the first query:
 * an STRtree accepts no inserts after that, which suits a snapshot; a changed file makes a new map. A
 * lookup asks the tree for candidates whose envelope holds the point (a primary filter only) and then
 * tests each candidate exactly (its indexed point-in-area locator; the border counts as inside, as with
 * {@code covers}), without allocating. A point on the
 * shared border of two neighborhoods is therefore in both, and resolves to the one with the smallest id:
 * always the same, whatever the order of the file. Thread-safe.
 */
public final class NeighborhoodMap {

	/**
	 * Caps against hostile or mistaken files.
	 *
	 * @param maxChars the largest file accepted, in characters (default 20 000 000)
	 * @param maxVertices the most vertices in all polygons together (default 1 000 000)
	 */
	public record Limits(int maxChars, long maxVertices) {

		public static final Limits DEFAULTS = new Limits(20_000_000, 1_000_000);

		public Limits {
			if (maxChars <= 0 || maxVertices <= 0) {
				throw new IllegalArgumentException("limits must be positive, were " + maxChars + ", " + maxVertices);
			}
		}

	}

	/** A prepared neighborhood; {@code order} is its rank by id, the border tie-break. */
	private static final class Entry {

		final Neighborhood neighborhood;

		final PreparedGeometry shape;

		final JSONObject geometryJson;

		final Envelope envelope;

		final IndexedPointInAreaLocator locator;

		final Lookup.Inside inside;

		int order;

		Entry(GeoJsonFeatures.Feature feature) {
			this.neighborhood = feature.neighborhood();
			this.shape = PreparedGeometryFactory.prepare(feature.geometry());
			this.geometryJson = feature.geometryJson();
			this.envelope = feature.geometry().getEnvelopeInternal();
			this.locator = new IndexedPointInAreaLocator(feature.geometry());
			// the locator builds its index lazily on first use: build it now, before the map is shared
			locator.locate(envelope.centre());
			this.inside = new Lookup.Inside(neighborhood);
		}

		Neighborhood neighborhood() {
			return neighborhood;
		}

		/** Inside or on the border (the semantics of {@code covers}), without building a Point. */
		boolean covers(Coordinate c) {
			return envelope.contains(c) && locator.locate(c) != Location.EXTERIOR;
		}

	}

	private static final Lookup OUTSIDE = new Lookup.Outside();

	private static final double METERS_PER_DEGREE = 111_320;

	private final List<Entry> entries;

	private final Map<NeighborhoodId, Entry> byId;

	private final STRtree index = new STRtree();

	private final List<Repair> repairs;

	private NeighborhoodMap(List<GeoJsonFeatures.Feature> features) {
		this.repairs = features.stream().map(GeoJsonFeatures.Feature::repair).filter(r -> r != null).toList();
		var prepared = new ArrayList<Entry>();
		for (GeoJsonFeatures.Feature f : features) {
			prepared.add(new Entry(f));
		}
		prepared.sort(Comparator.comparing(e -> e.neighborhood.id().value()));
		for (int i = 0; i < prepared.size(); i++) {
			prepared.get(i).order = i;
		}
		this.entries = List.copyOf(prepared);
		this.byId = entries.stream().collect(Collectors.toUnmodifiableMap(e -> e.neighborhood.id(), Function.identity()));
		for (Entry e : entries) {
			index.insert(e.envelope, e);
		}
		index.build();
	}

	/**
	 * Reads a GeoJSON FeatureCollection of Polygon and MultiPolygon features with properties {@code name}
	 * (required), {@code channel}, {@code signal_group}, {@code language} and optionally {@code id}. The tiny defects of boundaries
	 * simplified for the web are repaired when that changes a feature's area by at most 0.5 % (see
	 * {@link #repairs()}); the map then holds, and {@link #toGeoJson()} writes, the repaired polygons.
	 *
	 * @throws InvalidGeoJsonException listing every problem of the file, each with its feature
	 */
	public static NeighborhoodMap fromGeoJson(String featureCollection) {
		return fromGeoJson(featureCollection, Limits.DEFAULTS);
	}

	public static NeighborhoodMap fromGeoJson(String featureCollection, Limits limits) {
		return new NeighborhoodMap(new GeoJsonFeatures(limits).read(featureCollection));
	}

	/** The neighborhood this point is in, or outside the service area. */
	public Lookup lookup(GeoPoint point) {
		Coordinate c = new Coordinate(point.longitude(), point.latitude());
		var best = new Entry[1];
		index.query(new Envelope(c), item -> {
			Entry e = (Entry) item;
			// entries are sorted by id, so the first covering one wins a border tie
			if ((best[0] == null || e.order < best[0].order) && e.covers(c)) {
				best[0] = e;
			}
		});
		return best[0] == null ? OUTSIDE : best[0].inside;
	}

	/**
	 * Every neighborhood that contains the point or lies within {@code bufferMeters} of it, by id. The
	 * distance is measured on the sphere from the point to the nearest point of the polygon (found in
	 * degrees, which is exact enough at the few-kilometre buffers this is for).
	 */
	public List<Neighborhood> near(GeoPoint point, double bufferMeters) {
		if (!(bufferMeters >= 0) || Double.isInfinite(bufferMeters)) {
			throw new IllegalArgumentException("bufferMeters must be a finite distance, was " + bufferMeters);
		}
		double dLat = bufferMeters / METERS_PER_DEGREE;
		double cos = Math.max(0.01, Math.cos(Math.toRadians(point.latitude())));
		double dLon = Math.min(180, dLat / cos);
		Coordinate c = new Coordinate(point.longitude(), point.latitude());
		var search = new Envelope(c.x - dLon, c.x + dLon, c.y - dLat, c.y + dLat);
		Point p = GeoJsonFeatures.FACTORY.createPoint(c);
		var found = new ArrayList<Neighborhood>();
		for (Object o : index.query(search)) {
			Entry e = (Entry) o;
			if (e.shape.covers(p)) {
				found.add(e.neighborhood());
				continue;
			}
			Coordinate nearest = DistanceOp.nearestPoints(e.shape.getGeometry(), p)[0];
			if (Distances.meters(point.latitude(), point.longitude(), nearest.y, nearest.x) <= bufferMeters) {
				found.add(e.neighborhood());
			}
		}
		found.sort(Comparator.comparing(n -> n.id().value()));
		return List.copyOf(found);
	}

	/**
	 * How far the point is from the neighborhood, in meters: 0 inside it or on its border, else the distance on the
	 * sphere to the nearest point of its polygon (found in degrees, as {@link #near}); empty if there is no
	 * neighborhood with this id.
	 */
	public java.util.OptionalDouble metersTo(NeighborhoodId id, GeoPoint point) {
		Entry e = byId.get(id);
		if (e == null) {
			return java.util.OptionalDouble.empty();
		}
		Coordinate c = new Coordinate(point.longitude(), point.latitude());
		if (e.covers(c)) {
			return java.util.OptionalDouble.of(0);
		}
		Coordinate nearest = DistanceOp.nearestPoints(e.shape.getGeometry(), GeoJsonFeatures.FACTORY.createPoint(c))[0];
		return java.util.OptionalDouble.of(Distances.meters(point.latitude(), point.longitude(), nearest.y, nearest.x));
	}

	/**
	 * A point well inside the neighborhood (the centre of its largest inscribed circle), used when a
	 * resident picks a neighborhood instead of sharing a location.
	 */
	public Optional<GeoPoint> interiorPoint(NeighborhoodId id) {
		Entry e = byId.get(id);
		if (e == null) {
			return Optional.empty();
		}
		var geometry = e.shape.getGeometry();
		double tolerance = Math.max(1e-6, geometry.getEnvelopeInternal().getDiameter() / 1000);
		Point center = MaximumInscribedCircle.getCenter(geometry, tolerance);
		return Optional.of(GeoPoint.of(center.getY(), center.getX()));
	}

	/** What reading the file repaired, one entry per repaired feature, in the file's order; empty if nothing. */
	public List<Repair> repairs() {
		return repairs;
	}

	public Optional<Neighborhood> find(NeighborhoodId id) {
		return Optional.ofNullable(byId.get(id)).map(Entry::neighborhood);
	}

	/** All neighborhoods, by name. */
	public List<Neighborhood> all() {
		return entries.stream().map(Entry::neighborhood).sorted(Comparator.comparing(Neighborhood::name)).toList();
	}

	public int size() {
		return entries.size();
	}

	/** [minLon, minLat, maxLon, maxLat] of all neighborhoods together. */
	public double[] bounds() {
		var all = new Envelope();
		entries.forEach(e -> all.expandToInclude(e.shape.getGeometry().getEnvelopeInternal()));
		return new double[] { all.getMinX(), all.getMinY(), all.getMaxX(), all.getMaxY() };
	}

	/** [minLon, minLat, maxLon, maxLat] of one neighborhood, empty if there is none with this id. */
	public Optional<double[]> bounds(NeighborhoodId id) {
		return Optional.ofNullable(byId.get(id)).map(e -> new double[] { e.envelope.getMinX(), e.envelope.getMinY(),
				e.envelope.getMaxX(), e.envelope.getMaxY() });
	}

	/** The map as a FeatureCollection that {@link #fromGeoJson} reads back to an equal map. */
	@SuppressWarnings("unchecked")
	public String toGeoJson() {
		var features = new JSONArray();
		for (Entry e : entries) {
			var properties = new JSONObject();
			Neighborhood n = e.neighborhood;
			properties.put("id", n.id().value());
			properties.put("name", n.name());
			if (n.channel() != null) {
				properties.put("channel", n.channel());
			}
			properties.put("language", n.language());
			if (n.signalGroup() != null) {
				properties.put("signal_group", n.signalGroup());
			}
			var feature = new JSONObject();
			feature.put("type", "Feature");
			feature.put("properties", properties);
			feature.put("geometry", e.geometryJson);
			features.add(feature);
		}
		var collection = new JSONObject();
		collection.put("type", "FeatureCollection");
		collection.put("features", features);
		return collection.toJSONString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof NeighborhoodMap m && toGeoJson().equals(m.toGeoJson());
	}

	@Override
	public int hashCode() {
		return toGeoJson().hashCode();
	}

	@Override
	public String toString() {
		return "NeighborhoodMap[" + entries.size() + " neighborhoods]";
	}

}
