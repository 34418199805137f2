package org.vigia.core.neighborhood;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads and validates a neighborhoods FeatureCollection.
 *
 * <p>Design note: the raw JSON is checked before any geometry is built, because the problems people make
 * by hand (an unclosed ring, latitude and longitude swapped) are silently "repaired" or misread by
 * geometry readers. The text size is capped first; then one pass over the characters, before the parser builds
 * anything, counts the arrays and the nesting depth outside strings: a file with more arrays than its vertex cap
 * allows (a ring needs 4 positions, so a valid file has at most 1.5 arrays per vertex) or nested deeper than
 * {@value #MAX_DEPTH} levels is refused there. Parsing a 19 MB bomb of 3 million positions used to allocate over
 * a gigabyte before the vertex cap refused it; now it allocates nothing. The exact vertex count is still checked
 * as rings are read. json-simple's parser keeps its own stack, so nesting cannot overflow the thread's either.
 * Polygons are then repaired where that keeps their area ({@link GeometryRepair}). Every problem names the
 * feature by index and, when known, by name, and every feature is read: the file is refused with all its
 * problems at once (one per feature), not one per try. Swapped
 * latitude/longitude is recognised when it puts a value out of range (a longitude beyond ±90 read as a
 * latitude, as in most of the Americas); where both readings are in range it cannot be told apart.
 */
final class GeoJsonFeatures {

	/** A validated feature, repaired if it had to be ({@code repair} null when it did not). */
	record Feature(Neighborhood neighborhood, Geometry geometry, JSONObject geometryJson, Repair repair) {
	}

	static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	/** Deeper than any FeatureCollection needs (a MultiPolygon's positions sit 8 levels down). */
	static final int MAX_DEPTH = 64;

	private final NeighborhoodMap.Limits limits;

	private long vertices;

	GeoJsonFeatures(NeighborhoodMap.Limits limits) {
		this.limits = limits;
	}

	List<Feature> read(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidGeoJsonException("the file is empty");
		}
		if (text.length() > limits.maxChars()) {
			throw new InvalidGeoJsonException("the file is too large: more than " + limits.maxChars() + " characters");
		}
		precheck(text);
		Object root;
		try {
			root = new JSONParser().parse(text);
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidGeoJsonException("the file is not valid JSON");
		}
		if (!(root instanceof JSONObject collection) || !"FeatureCollection".equals(collection.get("type"))) {
			throw new InvalidGeoJsonException("the file is not a GeoJSON FeatureCollection");
		}
		if (!(collection.get("features") instanceof JSONArray features) || features.isEmpty()) {
			throw new InvalidGeoJsonException("the FeatureCollection has no features");
		}
		var result = new ArrayList<Feature>();
		var problems = new ArrayList<String>();
		var ids = new HashSet<NeighborhoodId>();
		for (int i = 0; i < features.size(); i++) {
			Feature feature;
			try {
				feature = feature(i, features.get(i));
			}
			catch (InvalidGeoJsonException ex) {
				if (ex.getMessage().startsWith("the file has too many vertices")) {
					throw ex;
				}
				// every problem of the file is listed at once, not one per try
				problems.add(ex.getMessage());
				continue;
			}
			if (!ids.add(feature.neighborhood().id())) {
				problems.add(where(i, feature.neighborhood().name()) + ": the id " + feature.neighborhood().id()
						+ " is used by another feature");
				continue;
			}
			result.add(feature);
		}
		if (!problems.isEmpty()) {
			throw new InvalidGeoJsonException(problems);
		}
		return result;
	}

	/** Refuses a bomb before the parser builds it: arrays and nesting counted outside strings, in one pass. */
	private void precheck(String text) {
		long arrays = 0;
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			switch (c) {
				case '"' -> inString = true;
				case '[' -> {
					arrays++;
					depth++;
				}
				case '{' -> depth++;
				case ']', '}' -> depth--;
				default -> {
					continue;
				}
			}
			if (depth > MAX_DEPTH) {
				throw new InvalidGeoJsonException("the file is nested too deeply: more than " + MAX_DEPTH + " levels");
			}
		}
		// positions, rings (4 positions or more each) and polygons: at most 1.5 arrays per vertex, plus a little
		if (arrays > limits.maxVertices() * 3 / 2 + 1_000) {
			throw new InvalidGeoJsonException("the file has too many vertices: more than " + limits.maxVertices());
		}
	}

	private Feature feature(int index, Object value) {
		if (!(value instanceof JSONObject f) || !"Feature".equals(f.get("type"))) {
			throw new InvalidGeoJsonException(where(index, null) + ": not a GeoJSON Feature");
		}
		Map<?, ?> properties = f.get("properties") instanceof Map<?, ?> p ? p : Map.of();
		String name = properties.get("name") instanceof String s ? s.strip() : "";
		if (name.isEmpty()) {
			throw new InvalidGeoJsonException(where(index, null) + ": the property \"name\" is missing or empty");
		}
		String here = where(index, name);
		if (!(f.get("geometry") instanceof JSONObject geometry)) {
			throw new InvalidGeoJsonException(here + ": it has no geometry");
		}
		Object type = geometry.get("type");
		List<List<Coordinate[]>> polygons;
		if ("Polygon".equals(type)) {
			polygons = List.of(polygon(here, geometry.get("coordinates")));
		}
		else if ("MultiPolygon".equals(type)) {
			polygons = multiPolygon(here, geometry.get("coordinates"));
		}
		else {
			throw new InvalidGeoJsonException(here + ": the geometry is a " + type
					+ "; only Polygon and MultiPolygon are accepted");
		}
		Neighborhood neighborhood = neighborhood(here, name, properties);
		GeometryRepair.Result repaired = GeometryRepair.repair(here, polygons);
		JSONObject json = repaired.repair() == null ? geometry : GeoJsonGeometry.json(repaired.geometry());
		return new Feature(neighborhood, repaired.geometry(), json, repaired.repair());
	}

	private Neighborhood neighborhood(String here, String name, Map<?, ?> properties) {
		String id = properties.get("id") instanceof String s && !s.isBlank() ? s.strip() : slug(name);
		String channel = properties.get("channel") instanceof String s && !s.isBlank() ? s.strip() : null;
		String language = properties.get("language") instanceof String s && !s.isBlank()
				? s.strip().toLowerCase(Locale.ROOT) : "en";
		String signalGroup = properties.get("signal_group") instanceof String s && !s.isBlank() ? s.strip() : null;
		try {
			return new Neighborhood(new NeighborhoodId(id), name, channel, language, signalGroup);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidGeoJsonException(here + ": " + ex.getMessage());
		}
	}

	private List<List<Coordinate[]>> multiPolygon(String here, Object coordinates) {
		JSONArray polygons = array(here, coordinates, "coordinates");
		if (polygons.isEmpty()) {
			throw new InvalidGeoJsonException(here + ": the MultiPolygon has no polygons");
		}
		var built = new ArrayList<List<Coordinate[]>>();
		for (int i = 0; i < polygons.size(); i++) {
			built.add(polygon(here + ", polygon " + (i + 1), polygons.get(i)));
		}
		return built;
	}

	/** The rings of one polygon, outer first, each closed and in range (not yet checked as geometry). */
	private List<Coordinate[]> polygon(String here, Object coordinates) {
		JSONArray rings = array(here, coordinates, "coordinates");
		if (rings.isEmpty()) {
			throw new InvalidGeoJsonException(here + ": the polygon has no rings");
		}
		var built = new ArrayList<Coordinate[]>();
		for (int i = 0; i < rings.size(); i++) {
			built.add(ring(here + ", ring " + (i + 1), rings.get(i)));
		}
		return built;
	}

	private Coordinate[] ring(String here, Object value) {
		JSONArray positions = array(here, value, "ring");
		vertices += positions.size();
		if (vertices > limits.maxVertices()) {
			throw new InvalidGeoJsonException("the file has too many vertices: more than " + limits.maxVertices());
		}
		if (positions.isEmpty()) {
			throw new InvalidGeoJsonException(here + ": a ring needs at least 4 positions, has 0");
		}
		var coordinates = new Coordinate[positions.size()];
		boolean swapped = true;
		for (int i = 0; i < coordinates.length; i++) {
			JSONArray position = array(here, positions.get(i), "position");
			if (position.size() < 2 || !(position.get(0) instanceof Number x) || !(position.get(1) instanceof Number y)) {
				throw new InvalidGeoJsonException(here + ": position " + (i + 1) + " is not [longitude, latitude]");
			}
			double lon = x.doubleValue();
			double lat = y.doubleValue();
			if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
				throw new InvalidGeoJsonException(here + ": position " + (i + 1) + " is not a finite number");
			}
			swapped &= Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
			coordinates[i] = new Coordinate(lon, lat);
		}
		for (int i = 0; i < coordinates.length; i++) {
			Coordinate c = coordinates[i];
			if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
				throw new InvalidGeoJsonException(here + ": position " + (i + 1) + " [" + c.x + ", " + c.y + "] is out of range"
						+ (swapped ? "; it looks like latitude/longitude swapped (GeoJSON is [longitude, latitude])"
								: ""));
			}
		}
		if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			throw new InvalidGeoJsonException(here + ": the ring is not closed (its last position must repeat the first)");
		}
		return coordinates;
	}

	private static JSONArray array(String here, Object value, String what) {
		if (value instanceof JSONArray a) {
			return a;
		}
		throw new InvalidGeoJsonException(here + ": the " + what + " is not an array");
	}

	static String where(int index, String name) {
		return "feature " + (index + 1) + (name == null ? "" : " (\"" + name + "\")");
	}

	static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		if (slug.isEmpty()) {
			slug = "n" + Integer.toHexString(name.hashCode());
		}
		return slug.length() > 64 ? slug.substring(0, 64) : slug;
	}

}
