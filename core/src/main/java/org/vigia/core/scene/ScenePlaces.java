package org.vigia.core.scene;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.Report;

/**
 * Says where a scene is, as precisely as its reports allow: the one answer that observer prompts, channel
 * alerts and dispatchers' texts (and, later, the console) all show.
 *
 * <p>Design note: reports placed at a point (shared, a venue, geocoded) are precise; reports placed by
 * picking a neighborhood ({@link Report#approximate()}) say only "somewhere in this area" and are used only
 * when no report is precise. Among precise reports the words are, in this order:
 * <ol>
 * <li>the venue or cross streets residents gave: the text given by the most reports (compared without case
 * and spacing), then the one whose report lies nearest the precise reports' mean, then the earliest; the pin
 * is that report's point, so that words and pin agree;</li>
 * <li>else the street address a reverse geocoder finds for the mean of the precise reports (when one is
 * configured);</li>
 * <li>else the distance and direction from the nearest place the network lists, within
 * {@link #NEAR_PLACE_METERS};</li>
 * <li>else the neighborhood the pin is in (the pin then carries the place).</li>
 * </ol>
 * Nothing about a reporter is used but the place they gave. The reverse geocoder may be a network call:
 * {@link #of} can block for as long as the lookup's own timeout. Thread-safe if the collaborators are.
 */
public final class ScenePlaces {

	/** How far a listed place may be from a scene to describe it ("1.5 km west of Union Station"). */
	public static final double NEAR_PLACE_METERS = 2_000;

	/** A street address for a point, when a geocoder is configured: empty when none is, or none was found. */
	public interface AddressLookup {

		AddressLookup NONE = point -> Optional.empty();

		Optional<String> address(GeoPoint point);

	}

	/** The name of the neighborhood a point is in, if any. */
	public interface Areas {

		Optional<String> nameAt(GeoPoint point);

	}

	private final Supplier<NamedPlaces> places;

	private final AddressLookup addresses;

	private final Areas areas;

	public ScenePlaces(Supplier<NamedPlaces> places, AddressLookup addresses, Areas areas) {
		this.places = Objects.requireNonNull(places, "places must not be null");
		this.addresses = Objects.requireNonNull(addresses, "addresses must not be null");
		this.areas = Objects.requireNonNull(areas, "areas must not be null");
	}

	/**
	 * Where the scene of these reports is.
	 *
	 * @param reports the scene's reports that are still kept (any order; may be empty)
	 * @param fallback the point to use when no report is kept (the incident's center)
	 */
	public ScenePlace of(List<Report> reports, GeoPoint fallback) {
		List<Report> precise = reports.stream().filter(r -> !r.approximate()).toList();
		if (precise.isEmpty() && !reports.isEmpty()) {
			return somewhere(reports);
		}
		GeoPoint mean = precise.isEmpty() ? fallback : mean(precise);
		Optional<Report> given = mostUseful(precise, mean);
		if (given.isPresent()) {
			GeoPoint pin = given.get().location();
			return new ScenePlace(new Where.Given(given.get().placeText().strip()), pin, false, area(pin));
		}
		Optional<String> address = addresses.address(mean).map(String::strip).filter(a -> !a.isEmpty());
		if (address.isPresent()) {
			return new ScenePlace(new Where.Address(cut(address.get())), mean, false, area(mean));
		}
		return around(mean);
	}

	/**
	 * The place described only around a point, by a listed place or the neighborhood (steps 3 and 4), never
	 * by the words or street address of steps 1 and 2: for texts that must not name a house (a public alert
	 * about a home).
	 */
	public ScenePlace around(GeoPoint point) {
		Optional<NamedPlaces.Nearby> near = places.get().nearest(point, NEAR_PLACE_METERS);
		if (near.isPresent()) {
			var n = near.get();
			return new ScenePlace(new Where.NearPlace(n.place().name(), n.meters(), n.bearing()), point, false,
					area(point));
		}
		String area = area(point);
		return new ScenePlace(area == null ? new Where.OnlyThePin() : new Where.InArea(area), point, false, area);
	}

	private ScenePlace somewhere(List<Report> approximate) {
		Map<String, Report> first = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Report r : approximate.stream().sorted(Comparator.comparing(Report::receivedAt)).toList()) {
			first.putIfAbsent(r.area(), r);
			counts.merge(r.area(), 1, Integer::sum);
		}
		// the area most reports picked; on a tie the one picked first (max keeps the first of equals)
		String area = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		Report chosen = first.get(area);
		String name = chosen.placeText() != null && !chosen.placeText().isBlank() ? chosen.placeText().strip()
				: area(chosen.location());
		Where where = name == null ? new Where.OnlyThePin() : new Where.SomewhereIn(cut(name));
		return new ScenePlace(where, chosen.location(), true, name);
	}

	/** The given place text most reports agree on; then the nearest to the mean; then the earliest. */
	private static Optional<Report> mostUseful(List<Report> precise, GeoPoint mean) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<Report> named = precise.stream().filter(r -> r.placeText() != null && !r.placeText().isBlank()).toList();
		named.forEach(r -> counts.merge(normalized(r.placeText()), 1, Integer::sum));
		return named.stream()
			.min(Comparator.<Report>comparingInt(r -> -counts.get(normalized(r.placeText())))
				.thenComparingDouble(r -> r.location().metersTo(mean))
				.thenComparing(Report::receivedAt));
	}

	private static String normalized(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private String area(GeoPoint point) {
		return areas.nameAt(point).orElse(null);
	}

	private static GeoPoint mean(List<Report> reports) {
		double lat = 0;
		double lon = 0;
		for (Report r : reports) {
			lat += r.location().latitude();
			lon += r.location().longitude();
		}
		return GeoPoint.of(lat / reports.size(), lon / reports.size());
	}

	private static String cut(String text) {
		return text.codePointCount(0, text.length()) <= 200 ? text : text.substring(0, text.offsetByCodePoints(0, 199)) + "…";
	}

}
