package org.vigia.core.support;

import java.util.Objects;

/**
 * Argument checks shared by the value records of core. Every failure names the field and the limit,
 * so that a message reaching a log or a console says what was wrong without a debugger.
 *
 * <p>Messages never echo free text back (it may identify a person); numbers are echoed.
 */
public final class Checks {

	private Checks() {
	}

	/** A non-null, non-blank text of at most {@code max} characters (code points). */
	public static String text(String field, String value, int max) {
		Objects.requireNonNull(value, () -> field + " must not be null");
		if (value.isBlank()) {
			throw new IllegalArgumentException(field + " must not be empty");
		}
		return withinLength(field, value, max);
	}

	/** A text that may be null or empty, of at most {@code max} characters (code points). */
	public static String optionalText(String field, String value, int max) {
		if (value == null) {
			return null;
		}
		return withinLength(field, value, max);
	}

	private static String withinLength(String field, String value, int max) {
		int length = value.codePointCount(0, value.length());
		if (length > max) {
			throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + length);
		}
		return value;
	}

	public static int between(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
		}
		return value;
	}

	public static double between(String field, double value, double min, double max) {
		if (Double.isNaN(value) || value < min || value > max) {
			throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
		}
		return value;
	}

	public static double positive(String field, double value) {
		if (Double.isNaN(value) || value <= 0 || Double.isInfinite(value)) {
			throw new IllegalArgumentException(field + " must be a positive finite number, was " + value);
		}
		return value;
	}

	/** An opaque identifier: 1 to {@code max} characters from [A-Za-z0-9_-]. */
	public static String token(String field, String value, int max) {
		text(field, value, max);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
			if (!ok) {
				throw new IllegalArgumentException(field + " may hold only letters, digits, '_' and '-'");
			}
		}
		return value;
	}

}
