package org.vigia.core.messaging;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options for a messenger without buttons: a menu of numbered lines, answered by typing the number or the
 * option's words. Rasa's channels do the same for messengers without buttons.
 *
 * <pre>
 * 1 Someone being detained        A 1–2
 * 2 Checkpoint                    B 3–5
 * …                               …
 * 9 ✖ Cancel                      G ✖ Cancel
 * </pre>
 *
 * <p>Design note: options are numbered in reading order, row after row. When a label itself holds a number
 * ("1–2" agents, "4 or more" vehicles) a typed "3" could mean the third line or three agents, and a wrong
 * guess would record what the person did not say; such menus are marked with letters instead, and a typed
 * number then picks the option whose own numbers include it ("3" → "3–5", "12" → "More than 10").
 *
 * <p>An answer is read, in this order, as: a marker ("2", "2.", "#2", "2️⃣", "b", "B)"); an option's whole
 * label or one of its aliases; in a lettered menu, a number inside one option's range; a word or run of
 * words found in exactly one label ("detained", "cancelar", "plain clothes"), a single word only if it has
 * three letters or more and is not a common little word ("una", "more"). Comparisons ignore case,
 * accents, emoji and punctuation, so "Atras", "ATRÁS" and "⬅ Atrás" are the same. Anything else, or an
 * answer that fits two options equally, is no choice: the person is asked again rather than guessed at.
 * Immutable and thread-safe.
 */
public final class NumberedMenu {

	/** How lines are marked. */
	public enum Markers {

		/** 1, 2, 3 … */
		NUMBERS,
		/** A, B, C … (when labels hold numbers themselves) */
		LETTERS

	}

	/** Menus longer than this are refused: nobody reads them on a phone. */
	public static final int MAX_ITEMS = 60;

	/** Answers longer than this are no choice (a note, a paste), without being read. */
	static final int MAX_ANSWER = 200;

	private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

	private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*", Pattern.DOTALL);

	/** How a label's own numbers are read, folded (see {@link #fold}); "10+" is handled before folding. */
	private static final List<LabelRule> LABEL_RULES = List.of(
			new LabelRule(Pattern.compile("(\\d{1,6})"), (m, n) -> n == number(m, 1)),
			new LabelRule(Pattern.compile("(\\d{1,6}) (?:a |to )?(\\d{1,6})"),
					(m, n) -> n >= number(m, 1) && n <= number(m, 2)),
			new LabelRule(Pattern.compile("(?:more than|over|mas de) (\\d{1,6})"), (m, n) -> n > number(m, 1)),
			new LabelRule(Pattern.compile("(\\d{1,6}) (?:or more|o mas)"), (m, n) -> n >= number(m, 1)));

	/**
	 * Single words too common to choose anything on their own, in English and Spanish, folded: "una" must
	 * not pick "En una casa o lugar de trabajo" (the person likely meant "one"). Phrases are not filtered.
	 */
	private static final Set<String> STOP_WORDS = Set.of("the", "and", "not", "yes", "one", "two", "more", "than",
			"some", "being", "with", "for", "from", "una", "uno", "unos", "unas", "del", "las", "los", "con", "por",
			"para", "que", "mas", "menos", "esta", "estan", "otra", "otro", "dos", "tres");

	private final List<MenuItem> items;

	private final Markers markers;

	private NumberedMenu(List<MenuItem> items, Markers markers) {
		this.items = items;
		this.markers = markers;
	}

	/**
	 * A menu of these rows of options, in reading order.
	 *
	 * @throws IllegalArgumentException if there are no options or more than {@link #MAX_ITEMS}
	 */
	public static NumberedMenu of(List<List<MenuItem>> rows) {
		Objects.requireNonNull(rows, "rows must not be null");
		List<MenuItem> items = rows.stream().flatMap(List::stream).toList();
		if (items.isEmpty() || items.size() > MAX_ITEMS) {
			throw new IllegalArgumentException("a menu has 1 to " + MAX_ITEMS + " options, had " + items.size());
		}
		boolean numericLabels = items.stream().anyMatch(i -> HAS_DIGIT.matcher(i.label()).matches());
		return new NumberedMenu(items, numericLabels && items.size() <= 26 ? Markers.LETTERS : Markers.NUMBERS);
	}

	public List<MenuItem> items() {
		return items;
	}

	public Markers markers() {
		return markers;
	}

	/** The marker of the option at {@code index} (0-based): "1" or "A". */
	public String marker(int index) {
		Objects.checkIndex(index, items.size());
		return markers == Markers.NUMBERS ? Integer.toString(index + 1) : String.valueOf((char) ('A' + index));
	}

	/** One line per option, the marker in bold: "<b>1</b> Someone being detained". */
	public StyledText render() {
		var text = StyledText.plain("");
		for (int i = 0; i < items.size(); i++) {
			text = text.append(StyledText.plain(i == 0 ? "" : "\n"))
				.append(StyledText.bold(marker(i)))
				.append(StyledText.plain(" " + items.get(i).label()));
		}
		return text;
	}

	/** The option this answer chooses, or empty when it chooses none or could mean two. */
	public Optional<MenuItem> answer(String reply) {
		if (reply == null || reply.length() > MAX_ANSWER) {
			return Optional.empty();
		}
		String folded = fold(reply);
		if (folded.isEmpty()) {
			return Optional.empty();
		}
		Optional<MenuItem> byMarker = byMarker(folded);
		if (byMarker.isPresent()) {
			return byMarker;
		}
		Optional<MenuItem> byLabel = only(item -> fold(item.label()).equals(folded)
				|| item.aliases().stream().anyMatch(a -> fold(a).equals(folded)));
		if (byLabel.isPresent()) {
			return byLabel;
		}
		if (markers == Markers.LETTERS && DIGITS.matcher(folded).matches()) {
			int n = Integer.parseInt(folded);
			return only(item -> labelIncludes(item.label(), n));
		}
		if (folded.length() < 3 || DIGITS.matcher(folded).matches() || STOP_WORDS.contains(folded)) {
			return Optional.empty();
		}
		return only(item -> (" " + fold(item.label()) + " ").contains(" " + folded + " "));
	}

	private Optional<MenuItem> byMarker(String folded) {
		if (markers == Markers.NUMBERS && DIGITS.matcher(folded).matches()) {
			int n = Integer.parseInt(folded);
			return n >= 1 && n <= items.size() ? Optional.of(items.get(n - 1)) : Optional.empty();
		}
		if (markers == Markers.LETTERS && folded.length() == 1 && folded.charAt(0) >= 'a'
				&& folded.charAt(0) < 'a' + items.size()) {
			return Optional.of(items.get(folded.charAt(0) - 'a'));
		}
		return Optional.empty();
	}

	/** The one option that passes, or empty when none or several do. */
	private Optional<MenuItem> only(Predicate<MenuItem> test) {
		MenuItem found = null;
		for (MenuItem item : items) {
			if (test.test(item)) {
				if (found != null) {
					return Optional.empty();
				}
				found = item;
			}
		}
		return Optional.ofNullable(found);
	}

	private static boolean labelIncludes(String label, int n) {
		String stripped = label.strip();
		if (stripped.endsWith("+") && DIGITS.matcher(stripped.substring(0, stripped.length() - 1).strip()).matches()) {
			return n >= Integer.parseInt(stripped.substring(0, stripped.length() - 1).strip());
		}
		String folded = fold(label);
		for (LabelRule rule : LABEL_RULES) {
			Matcher m = rule.pattern().matcher(folded);
			if (m.matches()) {
				return rule.includes().test(m, n);
			}
		}
		return false;
	}

	private static int number(Matcher m, int group) {
		return Integer.parseInt(m.group(group));
	}

	/**
	 * Lower case without accents, emoji or punctuation, words separated by one space: "⬅ Atrás" → "atras",
	 * "２️⃣" → "2". Compatibility forms are unfolded first, so full-width digits read as digits.
	 */
	static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		var out = new StringBuilder(decomposed.length());
		boolean space = false;
		for (int i = 0; i < decomposed.length();) {
			int cp = decomposed.codePointAt(i);
			i += Character.charCount(cp);
			int type = Character.getType(cp);
			if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
					|| type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
				continue;
			}
			if (Character.isLetterOrDigit(cp)) {
				if (space && !out.isEmpty()) {
					out.append(' ');
				}
				space = false;
				out.appendCodePoint(Character.toLowerCase(cp));
			}
			else {
				space = true;
			}
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

	private record LabelRule(Pattern pattern, BiIntPredicate includes) {
	}

	@FunctionalInterface
	private interface BiIntPredicate {

		boolean test(Matcher m, int n);

	}

}
