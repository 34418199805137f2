package org.vigia.bot.geocode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.vigia.core.geo.GeoPoint;

/**
 * Looks up typed cross streets with a Nominatim-compatible search API ({@code /search?q=…&format=jsonv2}),
 * and the street address of a scene's point with its reverse API ({@code /reverse?lat=…&lon=…}).
 *
 * <p>Design note: the typed text is sent to the geocoder, so the URL should point at a server the network
 * trusts (its own Nominatim, ideally). Results are restricted to the service area's bounding box when one
 * is known. Every failure (timeout, non-200, garbage JSON, absurd coordinates) is "not found": the
 * resident is then asked to pick a neighborhood, never left waiting. A lookup takes at most the timeout, all
 * told, reads at most {@link #MAX_BODY} bytes, and while it waits other chats are handled (see {@link #get}).
 * Nothing of the query is logged. A reverse lookup sends a scene's point rounded to 4 decimals (about 11 m),
 * never a reporter's exact position, and every failure is "no address" (the place is then described another
 * way). Thread-safe.
 */
public final class NominatimGeocoder {

	private static final Logger log = LoggerFactory.getLogger(NominatimGeocoder.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** minLon, minLat, maxLon, maxLat of the service area; results outside are ignored by the server. */
	public record Bounds(double minLon, double minLat, double maxLon, double maxLat) {
	}

	/** A search or reverse answer is a few kilobytes; anything far beyond is refused unread. */
	static final int MAX_BODY = 256 * 1024;

	private final URI base;

	private final Duration timeout;

	private final String userAgent;

	private final HttpClient http;

	public NominatimGeocoder(URI base, Duration timeout, String userAgent) {
		this.base = base;
		this.timeout = timeout;
		this.userAgent = userAgent;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public Optional<GeoPoint> geocode(String text, Bounds bounds) {
		var query = new StringBuilder("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8))
			.append("&format=jsonv2&limit=1");
		if (bounds != null) {
			query.append("&bounded=1&viewbox=")
				.append(bounds.minLon())
				.append(',')
				.append(bounds.maxLat())
				.append(',')
				.append(bounds.maxLon())
				.append(',')
				.append(bounds.minLat());
		}
		return get("search", query.toString()).flatMap(NominatimGeocoder::first);
	}

	/**
	 * The street address at a point ("300 East Randolph Street"): the house number and road, or the road
	 * alone; empty when none is known or the geocoder failed.
	 */
	public Optional<String> reverse(GeoPoint point) {
		String query = String.format(java.util.Locale.ROOT, "lat=%.4f&lon=%.4f&format=jsonv2&zoom=18&addressdetails=1",
				point.latitude(), point.longitude());
		return get("reverse", query).flatMap(NominatimGeocoder::address);
	}

	/**
	 * The point of the street nearest to {@code point} (a reverse lookup at street level): where a drill puts a
	 * practice scene. Empty when none is known or the geocoder failed. Only for synthetic points: it sends the
	 * point to 5 decimals.
	 */
	public Optional<GeoPoint> street(GeoPoint point) {
		String query = String.format(java.util.Locale.ROOT, "lat=%.5f&lon=%.5f&format=jsonv2&zoom=17", point.latitude(),
				point.longitude());
		return get("reverse", query).flatMap(NominatimGeocoder::position);
	}

	/**
	 * One GET of the geocoder's API; the body of a 200 answer, or empty on any failure: an answer that is not
	 * complete within the timeout (connecting, waiting and reading together), or whose body is over
	 * {@link #MAX_BODY}, is given up without reading further.
	 *
	 * <p>The wait is a {@link CompletableFuture#get(long, TimeUnit)}: on the update intake's fork-join workers
	 * that is a managed block, so the pool lends another thread to other chats while this one waits.
	 */
	private Optional<String> get(String endpoint, String query) {
		String path = base.toString().endsWith("/") ? endpoint + "?" : "/" + endpoint + "?";
		var request = HttpRequest.newBuilder(URI.create(base + path + query))
			.timeout(timeout)
			.header("User-Agent", userAgent)
			.header("Accept", "application/json")
			.GET()
			.build();
		CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, CappedBody.handler(MAX_BODY));
		try {
			HttpResponse<String> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (response.statusCode() != 200) {
				log.warn("Geocoder answered HTTP {}", response.statusCode());
				return Optional.empty();
			}
			return Optional.of(response.body());
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			log.warn("Geocoder gave no whole answer within {} ms", timeout.toMillis());
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			log.warn("Geocoder unreachable or its answer refused: {}", ex.getCause().getClass().getSimpleName());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	static Optional<String> address(String body) {
		try {
			JsonNode address = JSON.readTree(body).path("address");
			String road = "";
			for (String field : new String[] { "road", "pedestrian", "footway", "square", "place" }) {
				road = address.path(field).asString("").strip();
				if (!road.isEmpty()) {
					break;
				}
			}
			if (road.isEmpty()) {
				return Optional.empty();
			}
			String number = address.path("house_number").asString("").strip();
			String text = (number.isEmpty() ? road : number + " " + road).replaceAll("[\\p{Cntrl}<>]", "");
			return text.isBlank() || text.length() > 150 ? Optional.empty() : Optional.of(text);
		}
		catch (RuntimeException ex) {
			log.warn("Geocoder answer unusable: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/** The position of a reverse lookup's answer (one object, or an error object: nothing found). */
	static Optional<GeoPoint> position(String body) {
		try {
			JsonNode hit = JSON.readTree(body);
			if (!hit.isObject() || hit.has("error")) {
				return Optional.empty();
			}
			return Optional.of(GeoPoint.of(Double.parseDouble(hit.path("lat").asString("")),
					Double.parseDouble(hit.path("lon").asString(""))));
		}
		catch (RuntimeException ex) {
			log.warn("Geocoder answer unusable: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	static Optional<GeoPoint> first(String body) {
		try {
			JsonNode results = JSON.readTree(body);
			if (!results.isArray() || results.isEmpty()) {
				return Optional.empty();
			}
			JsonNode hit = results.get(0);
			double lat = Double.parseDouble(hit.path("lat").asString(""));
			double lon = Double.parseDouble(hit.path("lon").asString(""));
			return Optional.of(GeoPoint.of(lat, lon));
		}
		catch (RuntimeException ex) {
			// malformed JSON, missing or out-of-range coordinates: treat as not found
			log.warn("Geocoder answer unusable: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

}
