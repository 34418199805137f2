package org.vigia.core.accompany;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises text that must never be stored: an alien registration number (A-number) or a phone number.
 *
 * <p>Design note: an A-number is "A" and 8 or 9 digits, written in many ways ({@code A123456789},
 * {@code A-123-456-789}, {@code A# 123 456 789}, {@code A 12345678}), or named in words ("alien number",
 * "número A", "número de extranjero"). A run of 8 to 9 digits with or without separators is refused too, an
 * A-number written without its letter; 10 or more digits, or 7 with separators, look like a phone number. The
 * rule errs on refusing: the person is asked to write only a first name and what they will wear, so a refused
 * false positive costs one more try, while a stored A-number could cost a freedom.
 */
public final class SensitiveText {

	/** Why a text was refused. */
	public enum Finding {

		A_NUMBER, PHONE_NUMBER

	}

	/** A, optionally "#" or "no." or ":", then 8 or 9 digits with optional single separators between them. */
	private static final Pattern A_NUMBER = Pattern.compile(
			"(?<![\\p{L}\\p{N}])a\\s*(?:#|no\\.?|n[º°o]|:)?\\s*[-.]?\\s*\\d(?:[\\s.\\-]?\\d){7,8}(?!\\d)");

	private static final Pattern A_NUMBER_WORDS = Pattern.compile(
			"alien\\s*(?:registration\\s*)?(?:number|no\\b|#)|a-?number|n[úu]mero\\s*(?:de\\s*)?(?:a\\b|extranjer|registro\\s*de\\s*extranjer)|uscis\\s*(?:number|#|n[úu]mero)");

	/** A US ZIP+4 code: nine digits that are not an A-number. */
	private static final Pattern ZIP_PLUS_FOUR = Pattern.compile("(?<!\\d)\\d{5}-\\d{4}(?![\\d-])");

	/** Digits with separators: counted once the separators are gone. */
	private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d(?:[\\s.\\-()]{0,2}\\d)+");

	private SensitiveText() {
	}

	/** What the text looks like that must not be stored, if anything. */
	public static Optional<Finding> find(String text) {
		return find(text, false);
	}

	/**
	 * The same for a street address, where house numbers, ranges (1234-1236) and ZIP codes are expected: only an
	 * A-number written with its letter or named in words, and a phone number of 10 or more digits, are found.
	 */
	public static Optional<Finding> findInAddress(String text) {
		return find(text, true);
	}

	private static Optional<Finding> find(String text, boolean address) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String lower = ZIP_PLUS_FOUR.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ");
		if (A_NUMBER.matcher(lower).find() || A_NUMBER_WORDS.matcher(lower).find()) {
			return Optional.of(Finding.A_NUMBER);
		}
		var runs = DIGIT_RUN.matcher(lower);
		while (runs.find()) {
			int digits = (int) runs.group().chars().filter(Character::isDigit).count();
			if (address) {
				if (digits >= 10) {
					return Optional.of(Finding.PHONE_NUMBER);
				}
				continue;
			}
			if (digits == 8 || digits == 9) {
				return Optional.of(Finding.A_NUMBER);
			}
			if (digits >= 10 || (digits == 7 && runs.group().chars().anyMatch(c -> !Character.isDigit(c)))) {
				return Optional.of(Finding.PHONE_NUMBER);
			}
		}
		return Optional.empty();
	}

}
