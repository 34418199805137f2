package org.vigia.core.geo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coordinates as people type or paste them (see {@link MapLinks}): decimals with a point or a comma, with or
 * without hemispheres (N/S, E/W, O for oeste), or degrees, minutes and seconds. Decimals need at least two
 * places without a hemisphere, so that "3, 5" in a sentence is not taken for a place. Every pattern is bounded.
 */
final class TypedCoordinates {

	private static final String DEC = "[+\\-\u2212]?\\d{1,3}\\.\\d{2,15}";

	private static final String COMMA_DEC = "[+\\-\u2212]?\\d{1,3},\\d{2,15}";

	private static final String UNSIGNED = "\\d{1,3}[.,]\\d{1,15}";

	private static final Pattern TYPED_DMS = Pattern.compile("(\\d{1,3})\\s?°\\s?(\\d{1,2})\\s?['′’]\\s?"
			+ "(?:(\\d{1,2}(?:[.,]\\d{1,6})?)\\s?(?:[\"″”]|''|′′)\\s?)?([NS])[\\s,;]{0,5}"
			+ "(\\d{1,3})\\s?°\\s?(\\d{1,2})\\s?['′’]\\s?(?:(\\d{1,2}(?:[.,]\\d{1,6})?)\\s?(?:[\"″”]|''|′′)\\s?)?([EWO])\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TYPED_HEMISPHERES_AFTER = Pattern.compile("(?<![\\w.,])(" + UNSIGNED
			+ ")\\s?°?\\s?([NS])\\b[\\s,;]{0,5}(" + UNSIGNED + ")\\s?°?\\s?([EWO])\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern TYPED_HEMISPHERES_BEFORE = Pattern.compile("\\b([NS])\\s?(" + UNSIGNED
			+ ")\\s?°?[\\s,;]{1,5}([EWO])\\s?(" + UNSIGNED + ")(?![\\w.])", Pattern.CASE_INSENSITIVE);

	private static final Pattern TYPED_DECIMALS = Pattern.compile("(?<![\\w.,])(" + DEC + ")(?:\\s{0,5}[,;]\\s{0,5}|\\s{1,5})("
			+ DEC + ")(?![\\w.])");

	private static final Pattern TYPED_DECIMAL_COMMAS = Pattern.compile("(?<![\\w.,])(" + COMMA_DEC
			+ ")(?:\\s{0,5};\\s{0,5}|\\s{1,5})(" + COMMA_DEC + ")(?![\\w,])");

	private TypedCoordinates() {
	}

	/** The first coordinates typed in the text, or {@link PlaceInText.None}. */
	static PlaceInText read(String text) {
		Matcher dms = TYPED_DMS.matcher(text);
		if (dms.find()) {
			return degreesMinutesSeconds(dms);
		}
		Matcher after = TYPED_HEMISPHERES_AFTER.matcher(text);
		if (after.find()) {
			return hemispheres(after.group(1), after.group(2), after.group(3), after.group(4));
		}
		Matcher before = TYPED_HEMISPHERES_BEFORE.matcher(text);
		if (before.find()) {
			return hemispheres(before.group(2), before.group(1), before.group(4), before.group(3));
		}
		Matcher decimals = TYPED_DECIMALS.matcher(text);
		if (decimals.find()) {
			return Coordinates.of(decimals.group(1), decimals.group(2));
		}
		Matcher commas = TYPED_DECIMAL_COMMAS.matcher(text);
		if (commas.find()) {
			return Coordinates.of(commas.group(1).replace(',', '.'), commas.group(2).replace(',', '.'));
		}
		return new PlaceInText.None();
	}

	private static PlaceInText hemispheres(String lat, String ns, String lon, String ew) {
		String latitude = (ns.equalsIgnoreCase("S") ? "-" : "") + lat.replace(',', '.');
		String longitude = (ew.equalsIgnoreCase("E") ? "" : "-") + lon.replace(',', '.');
		return Coordinates.of(latitude, longitude);
	}

	private static PlaceInText degreesMinutesSeconds(Matcher m) {
		Optional<Double> lat = dms(m.group(1), m.group(2), m.group(3));
		Optional<Double> lon = dms(m.group(5), m.group(6), m.group(7));
		if (lat.isEmpty() || lon.isEmpty()) {
			return new PlaceInText.Invalid();
		}
		double latitude = m.group(4).equalsIgnoreCase("S") ? -lat.get() : lat.get();
		double longitude = m.group(8).equalsIgnoreCase("E") ? lon.get() : -lon.get();
		return Coordinates.point(latitude, longitude);
	}

	private static Optional<Double> dms(String degrees, String minutes, String seconds) {
		int m = Integer.parseInt(minutes);
		double s = seconds == null ? 0 : Double.parseDouble(seconds.replace(',', '.'));
		if (m >= 60 || s >= 60) {
			return Optional.empty();
		}
		return Optional.of(Integer.parseInt(degrees) + m / 60.0 + s / 3600.0);
	}

}
