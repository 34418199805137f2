package org.vigia.core.geo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a place in a message's text: the links that maps apps share, {@code geo:} URIs, and coordinates
 * typed or pasted as text. Signal has no location message, so a shared location arrives this way; Telegram
 * users paste links too.
 *
 * <p>Read, in order of trust:
 * <ul>
 * <li>Google Maps: {@code !3d…!4d…} (the pin of a place), then the parameters {@code q}, {@code query},
 * {@code ll}, {@code destination}, {@code daddr}, {@code center}, {@code sll} when they hold coordinates
 * ({@code loc:} prefix allowed), then {@code @lat,lon,zoom} (the map's centre), then a path segment of
 * coordinates ({@code /maps/search/lat,lon});</li>
 * <li>Apple Maps: {@code coordinate}, {@code ll}, {@code q}, {@code daddr}, {@code sll}, {@code center};</li>
 * <li>OpenStreetMap: {@code mlat}/{@code mlon} (the marker), then {@code #map=zoom/lat/lon}, then
 * {@code lat}/{@code lon};</li>
 * <li>Waze: {@code ll};</li>
 * <li>{@code geo:lat,lon} with altitude, {@code ;u=} and {@code ;crs=wgs84} parameters, and
 * {@code geo:0,0?q=lat,lon(label)};</li>
 * <li>typed coordinates: "41.8500, -87.6500", "41.85 -87.65", "41,85; -87,65" (decimal commas), with
 * hemispheres ("41.85 N 87.65 W", "O" for oeste), or in degrees, minutes and seconds
 * ({@code 41°51'00.0"N 87°39'00.0"W}). Typed decimals need at least two decimal places, so that "3, 5" in
 * a sentence is not taken for a place.</li>
 * </ul>
 * A short link or a place named without coordinates is {@link PlaceInText.Unresolvable}: the bot works
 * offline and never opens links. Out-of-range, NaN, infinite or exponent-written numbers, and 0, 0 (what
 * apps write when they have no position), are {@link PlaceInText.Invalid}. Only the first
 * {@value #MAX_TEXT} characters are read; every pattern is bounded, so a hostile text costs linear time.
 * Stateless and thread-safe.
 */
public final class MapLinks {

	/** Characters of a message that are read. */
	static final int MAX_TEXT = 4000;

	private static final String NUM = "[+\\-\u2212]?(?:\\d{1,20}(?:\\.\\d{0,20})?|\\.\\d{1,20}|nan|inf(?:inity)?)"
			+ "(?:e[+\\-]?\\d{1,5})?";

	private static final Pattern LINK = Pattern.compile("(?:https?://|geo:|www\\.)[^\\s<>\"]{1,2000}"
			+ "|\\b(?:maps\\.google\\.|google\\.[a-z]{2,3}(?:\\.[a-z]{2})?/maps|maps\\.apple\\.com|maps\\.apple/"
			+ "|maps\\.app\\.goo\\.gl|goo\\.gl/maps|openstreetmap\\.org|osm\\.org|waze\\.com)[^\\s<>\"]{0,2000}",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PAIR = Pattern.compile("^(" + NUM + ")\\s*,\\s*(" + NUM + ")(?![\\d.])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern GOOGLE_HOST = Pattern.compile("(?:maps\\.)?google\\.[a-z]{2,3}(?:\\.[a-z]{2})?");

	private static final Pattern GOOGLE_PIN = Pattern.compile("!3d(" + NUM + ")!4d(" + NUM + ")",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern GOOGLE_AT = Pattern.compile("/@(" + NUM + "),(" + NUM + ")", Pattern.CASE_INSENSITIVE);

	private static final Pattern OSM_MAP = Pattern.compile("map=\\d{1,2}/(" + NUM + ")/(" + NUM + ")",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern GEO = Pattern.compile("^(" + NUM + "),(" + NUM + ")(?:,(" + NUM + "))?"
			+ "((?:;[a-z0-9-]{1,20}=[^;?#]{0,100}){0,10})(?:\\?(.*))?$", Pattern.CASE_INSENSITIVE);

	private static final List<String> GOOGLE_PARAMETERS = List.of("q", "query", "ll", "destination", "daddr", "center",
			"sll");

	private static final List<String> APPLE_PARAMETERS = List.of("coordinate", "ll", "q", "daddr", "sll", "center");

	private MapLinks() {
	}

	/** The place in this text, if any (see the class comment). Never throws; null reads as no text. */
	public static PlaceInText read(String text) {
		if (text == null || text.isBlank()) {
			return new PlaceInText.None();
		}
		String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
		PlaceInText best = new PlaceInText.None();
		var withoutLinks = new StringBuilder(t);
		Matcher links = LINK.matcher(t);
		while (links.find()) {
			PlaceInText found = link(trimTrailingPunctuation(links.group()));
			if (found instanceof PlaceInText.Found) {
				return found;
			}
			best = moreTelling(best, found);
			// numbers inside a link that is no map (a web search) are not typed coordinates
			for (int i = links.start(); i < links.end(); i++) {
				withoutLinks.setCharAt(i, ' ');
			}
		}
		PlaceInText typed = TypedCoordinates.read(withoutLinks.toString());
		return typed instanceof PlaceInText.Found ? typed : moreTelling(best, typed);
	}

	/** Invalid coordinates say more than a link without a place, which says more than nothing. */
	private static PlaceInText moreTelling(PlaceInText a, PlaceInText b) {
		return rank(b) > rank(a) ? b : a;
	}

	private static int rank(PlaceInText p) {
		if (p instanceof PlaceInText.Found) {
			return 3;
		}
		if (p instanceof PlaceInText.Invalid) {
			return 2;
		}
		return p instanceof PlaceInText.Unresolvable ? 1 : 0;
	}

	private static PlaceInText link(String token) {
		if (token.regionMatches(true, 0, "geo:", 0, 4)) {
			return geo(token.substring(4));
		}
		var url = Url.parse(token);
		String host = url.host();
		String path = url.path();
		if (host.equals("maps.app.goo.gl") || host.equals("goo.gl") && path.startsWith("/maps")
				|| host.equals("maps.apple") || (host.equals("osm.org") || host.equals("openstreetmap.org"))
						&& path.startsWith("/go/")) {
			return new PlaceInText.Unresolvable(host);
		}
		if (GOOGLE_HOST.matcher(host).matches() && (host.startsWith("maps.") || path.startsWith("/maps"))) {
			return google(url);
		}
		if (host.equals("maps.apple.com")) {
			return first(url, APPLE_PARAMETERS).orElse(new PlaceInText.Unresolvable(host));
		}
		if (host.equals("openstreetmap.org") || host.equals("osm.org")) {
			return openStreetMap(url);
		}
		if (host.equals("waze.com") || host.equals("ul.waze.com")) {
			return first(url, List.of("ll")).orElse(new PlaceInText.Unresolvable(host));
		}
		return new PlaceInText.None();
	}

	private static PlaceInText google(Url url) {
		Matcher pin = GOOGLE_PIN.matcher(url.path() + "?" + url.query());
		if (pin.find()) {
			return Coordinates.of(pin.group(1), pin.group(2));
		}
		Optional<PlaceInText> parameter = first(url, GOOGLE_PARAMETERS);
		if (parameter.isPresent()) {
			return parameter.get();
		}
		Matcher at = GOOGLE_AT.matcher(url.path());
		if (at.find()) {
			return Coordinates.of(at.group(1), at.group(2));
		}
		for (String segment : url.path().split("/")) {
			Optional<PlaceInText> pair = pair(decode(segment));
			if (pair.isPresent()) {
				return pair.get();
			}
		}
		return new PlaceInText.Unresolvable(url.host());
	}

	private static PlaceInText openStreetMap(Url url) {
		Optional<String> mlat = url.parameter("mlat");
		Optional<String> mlon = url.parameter("mlon");
		if (mlat.isPresent() && mlon.isPresent()) {
			return Coordinates.of(mlat.get(), mlon.get());
		}
		Matcher map = OSM_MAP.matcher(url.fragment());
		if (map.find()) {
			return Coordinates.of(map.group(1), map.group(2));
		}
		Optional<String> lat = url.parameter("lat");
		Optional<String> lon = url.parameter("lon");
		if (lat.isPresent() && lon.isPresent()) {
			return Coordinates.of(lat.get(), lon.get());
		}
		return new PlaceInText.Unresolvable(url.host());
	}

	/** RFC 5870, and the Android form {@code geo:0,0?q=lat,lon(label)}. */
	private static PlaceInText geo(String rest) {
		Matcher m = GEO.matcher(decode(rest));
		if (!m.matches()) {
			return new PlaceInText.Invalid();
		}
		String parameters = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
		if (parameters.contains(";crs=") && !parameters.contains(";crs=wgs84")) {
			return new PlaceInText.Invalid();
		}
		String query = m.group(5) == null ? "" : m.group(5);
		for (String part : query.split("&")) {
			if (part.regionMatches(true, 0, "q=", 0, 2)) {
				Optional<PlaceInText> pair = pair(part.substring(2));
				if (pair.isPresent()) {
					return pair.get();
				}
				if (Coordinates.isZero(m.group(1)) && Coordinates.isZero(m.group(2))) {
					// geo:0,0?q=an address: a place by name only
					return new PlaceInText.Unresolvable("geo");
				}
			}
		}
		return Coordinates.of(m.group(1), m.group(2));
	}

	private static Optional<PlaceInText> first(Url url, List<String> names) {
		for (String name : names) {
			Optional<PlaceInText> pair = url.parameter(name).flatMap(MapLinks::pair);
			if (pair.isPresent()) {
				return pair;
			}
		}
		return Optional.empty();
	}

	/** "lat,lon" at the start of a value ("loc:" allowed, anything after), or empty if it is not a pair. */
	private static Optional<PlaceInText> pair(String value) {
		String v = value.strip();
		if (v.regionMatches(true, 0, "loc:", 0, 4)) {
			v = v.substring(4).strip();
		}
		Matcher m = PAIR.matcher(v);
		return m.find() ? Optional.of(Coordinates.of(m.group(1), m.group(2))) : Optional.empty();
	}

	private static String decode(String raw) {
		try {
			return URLDecoder.decode(raw, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a stray % in pasted text: read it as written
			return raw;
		}
	}

	/** Text after a link that is not part of it: "see https://…ll=1,2)." */
	private static String trimTrailingPunctuation(String token) {
		int end = token.length();
		while (end > 0 && ".,;:!?)]}»”'\"".indexOf(token.charAt(end - 1)) >= 0) {
			end--;
		}
		return token.substring(0, end);
	}

	/** The parts of a link as written in a message, read without java.net.URI (which refuses many). */
	private record Url(String host, String path, String query, String fragment) {

		static Url parse(String token) {
			String rest = token.replaceFirst("(?i)^https?://", "");
			int hash = rest.indexOf('#');
			String fragment = hash >= 0 ? rest.substring(hash + 1) : "";
			rest = hash >= 0 ? rest.substring(0, hash) : rest;
			int question = rest.indexOf('?');
			String query = question >= 0 ? rest.substring(question + 1) : "";
			rest = question >= 0 ? rest.substring(0, question) : rest;
			int slash = rest.indexOf('/');
			String authority = slash >= 0 ? rest.substring(0, slash) : rest;
			String path = slash >= 0 ? rest.substring(slash) : "";
			String host = authority.replaceFirst("^[^@]*@", "").replaceFirst(":\\d*$", "").toLowerCase(Locale.ROOT);
			host = host.replaceFirst("^(?:www\\.|m\\.)", "");
			return new Url(host, path, query, fragment);
		}

		/** The first value of a query parameter, decoded. */
		Optional<String> parameter(String name) {
			var values = new ArrayList<String>();
			for (String part : query.split("&")) {
				int eq = part.indexOf('=');
				if (eq > 0 && part.substring(0, eq).equalsIgnoreCase(name)) {
					values.add(decode(part.substring(eq + 1)));
				}
			}
			return values.stream().findFirst();
		}

	}

}
