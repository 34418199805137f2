package org.vigia.core.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.neighborhood.InvalidGeoJsonException;

/**
 * The named places a network lists (the optional places file): a GeoJSON FeatureCollection of Point
 * features with the properties {@code name} (required), {@code address}, {@code kind} and {@code arrival}
 * (optional; a {@code court} or an {@code ice_office} needs its address).
 *
 * <p>Design note: an immutable snapshot, searched by a linear scan: a network lists tens or hundreds of
 * places, and {@link #MAX_PLACES} caps the file, so a scan costs microseconds and needs no index. The file
 * is read as the neighborhoods file is: its size is capped before parsing, and every problem of every
 * feature is collected, so that one start names them all rather than one at a time. Unknown properties are
 * ignored, so that a later version may add its own. Courts and ICE field offices ({@code kind} {@code court},
 * {@code ice_office}) are the places where appointments are accompanied. Thread-safe.
 */
public final class NamedPlaces {

	/** The most places a file may list. */
	public static final int MAX_PLACES = 10_000;

	/** The largest file accepted, in characters. */
	public static final int MAX_CHARS = 5_000_000;

	/** No places: nothing is described by distance from a listed place. */
	public static final NamedPlaces NONE = new NamedPlaces(List.of());

	/** A place near a point: how far the point is from it, and in which direction from the place. */
	public record Nearby(NamedPlace place, double meters, Bearing bearing) {
	}

	private final List<NamedPlace> places;

	private NamedPlaces(List<NamedPlace> places) {
		this.places = List.copyOf(places);
	}

	/**
	 * Reads a places FeatureCollection.
	 *
	 * @throws InvalidGeoJsonException listing every problem of the file, each with its feature's number and name
	 */
	public static NamedPlaces fromGeoJson(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidGeoJsonException("the places file is empty");
		}
		if (text.length() > MAX_CHARS) {
			throw new InvalidGeoJsonException("the places file is too large: more than " + MAX_CHARS + " characters");
		}
		Object root;
		try {
			root = new JSONParser().parse(text);
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidGeoJsonException("the places file is not valid JSON");
		}
		if (!(root instanceof JSONObject collection) || !"FeatureCollection".equals(collection.get("type"))
				|| !(collection.get("features") instanceof JSONArray features)) {
			throw new InvalidGeoJsonException("the places file is not a GeoJSON FeatureCollection");
		}
		if (features.size() > MAX_PLACES) {
			throw new InvalidGeoJsonException("the places file lists more than " + MAX_PLACES + " places");
		}
		var places = new ArrayList<NamedPlace>();
		var problems = new ArrayList<String>();
		for (int i = 0; i < features.size(); i++) {
			try {
				places.add(place(i, features.get(i)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		var appointmentPlaces = new java.util.HashSet<String>();
		for (NamedPlace p : places) {
			if (p.holdsAppointments() && !appointmentPlaces.add(p.kind() + "\n" + p.name())) {
				problems.add("the " + p.kind() + " \"" + p.name() + "\" is listed twice; give each a name of its own");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidGeoJsonException("the places file has " + problems.size()
					+ (problems.size() == 1 ? " problem: " : " problems: ") + String.join("; ", problems));
		}
		return new NamedPlaces(places);
	}

	private static NamedPlace place(int index, Object value) {
		if (!(value instanceof JSONObject feature) || !"Feature".equals(feature.get("type"))) {
			throw new IllegalArgumentException(where(index, null) + ": not a GeoJSON Feature");
		}
		Map<?, ?> properties = feature.get("properties") instanceof Map<?, ?> p ? p : Map.of();
		String name = properties.get("name") instanceof String s ? s.strip() : "";
		if (name.isEmpty()) {
			throw new IllegalArgumentException(where(index, null) + ": the property \"name\" is missing or empty");
		}
		String here = where(index, name);
		if (!(feature.get("geometry") instanceof JSONObject geometry) || !"Point".equals(geometry.get("type"))) {
			Object type = feature.get("geometry") instanceof JSONObject g ? g.get("type") : null;
			throw new IllegalArgumentException(here + ": the geometry is " + (type == null ? "missing" : "a " + type)
					+ "; a place is a Point");
		}
		if (!(geometry.get("coordinates") instanceof JSONArray position) || position.size() < 2
				|| !(position.get(0) instanceof Number x) || !(position.get(1) instanceof Number y)) {
			throw new IllegalArgumentException(here + ": the coordinates are not [longitude, latitude]");
		}
		double lon = x.doubleValue();
		double lat = y.doubleValue();
		if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
			boolean swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
			throw new IllegalArgumentException(here + ": [" + lon + ", " + lat + "] is out of range"
					+ (swapped ? "; it looks like latitude/longitude swapped (GeoJSON is [longitude, latitude])" : ""));
		}
		String address = properties.get("address") instanceof String s ? s : null;
		String kind = properties.get("kind") instanceof String s && !s.isBlank() ? s.strip().toLowerCase(Locale.ROOT)
				: null;
		Object arrival = properties.get("arrival");
		if (arrival != null && !(arrival instanceof String)) {
			throw new IllegalArgumentException(here + ": the property \"arrival\" is not text");
		}
		try {
			return new NamedPlace(name, address, kind, (String) arrival, GeoPoint.of(lat, lon));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(here + ": " + ex.getMessage());
		}
	}

	private static String where(int index, String name) {
		return "feature " + (index + 1) + (name == null ? "" : " (\"" + name + "\")");
	}

	/** The listed place nearest to the point, if one is within {@code maxMeters}; ties go to the first listed. */
	public Optional<Nearby> nearest(GeoPoint point, double maxMeters) {
		NamedPlace best = null;
		double bestMeters = Double.POSITIVE_INFINITY;
		for (NamedPlace place : places) {
			double meters = place.point().metersTo(point);
			if (meters < bestMeters) {
				best = place;
				bestMeters = meters;
			}
		}
		if (best == null || bestMeters > maxMeters) {
			return Optional.empty();
		}
		return Optional.of(new Nearby(best, bestMeters, Bearing.from(best.point(), point)));
	}

	/** Every listed place, in the file's order. */
	public List<NamedPlace> all() {
		return places;
	}

	public int size() {
		return places.size();
	}

	@Override
	public String toString() {
		return "NamedPlaces[" + places.size() + " places]";
	}

}
