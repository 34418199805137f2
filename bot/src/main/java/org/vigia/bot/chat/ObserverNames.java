package org.vigia.bot.chat;

import java.util.List;
import java.util.Optional;

/**
 * The name an observer chooses at /join, which dispatchers see: 2 to {@value #MAX} letters, digits, spaces and
 * {@code . - ' ’}, with at least one letter, spaces trimmed and collapsed; no markup, no links (nothing that
 * looks like a web address). A suggestion is offered for those who would rather not choose: a word and a
 * number, the same for one invite code.
 */
final class ObserverNames {

	static final int MIN = 2, MAX = 32;

	private static final List<String> WORDS = List.of("Ceiba", "Colibrí", "Quetzal", "Jaguar", "Cóndor", "Garza",
			"Tucán", "Roble", "Nopal", "Sauce", "Lince", "Halcón");

	private ObserverNames() {
	}

	/** The name as it will be kept, or empty if it breaks a rule. */
	static Optional<String> valid(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String name = typed.strip().replaceAll("\\s+", " ");
		int length = name.codePointCount(0, name.length());
		if (length < MIN || length > MAX || !name.matches("[\\p{L}\\p{M}\\p{N} .\\-'’]+") || !name.matches(".*\\p{L}.*")
				|| name.matches("(?i).*(\\.\\p{L}{2,}|\\bwww\\b|\\bhttps?\\b).*")) {
			return Optional.empty();
		}
		return Optional.of(name);
	}

	/** A suggestion for the observer who redeems this code ("Garza 42"). */
	static String suggestion(String code) {
		int hash = code == null ? 0 : code.hashCode() & 0x7fffffff;
		return WORDS.get(hash % WORDS.size()) + " " + (10 + (hash / WORDS.size()) % 90);
	}

}
