package org.vigia.core.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A text with the little styling every messenger can show: bold, italic and links. Each adapter renders it
 * its own way (Telegram: HTML; Signal: plain text with style ranges and links written out).
 *
 * <p>The bundles' texts are written in a tiny markup, the subset of HTML that Telegram accepts:
 * {@code <b>}, {@code <i>}, {@code <code>} (a code to copy), {@code <a href="https://…">}, {@code <br>} and the entities {@code &amp;},
 * {@code &lt;}, {@code &gt;}, {@code &quot;}. {@link #fromMarkup} reads it; any other tag counts as plain
 * text (its content is kept, the tag dropped), and so does a link to anything but {@code http(s)}. Text a
 * person typed must never be passed as markup: use {@link #plain} for it, so nobody can inject a link.
 *
 * @param spans the pieces, in order; adjacent pieces of the same style are merged, empty ones dropped
 */
public record StyledText(List<Span> spans) {

	/**
	 * A piece of text in one style.
	 *
	 * @param text what it says (not empty)
	 * @param bold shown in bold
	 * @param italic shown in italics
	 * @param link an {@code http(s)} address the text links to, or null
	 * @param code shown as a code to copy (monospace), e.g. an invite code
	 */
	public record Span(String text, boolean bold, boolean italic, String link, boolean code) {

		public Span(String text, boolean bold, boolean italic, String link) {
			this(text, bold, italic, link, false);
		}

		public Span {
			Objects.requireNonNull(text, "text must not be null");
			if (text.isEmpty()) {
				throw new IllegalArgumentException("a span must not be empty");
			}
			if (link != null && !isWebLink(link)) {
				throw new IllegalArgumentException("a link must be an http(s) address");
			}
		}

		boolean sameStyle(Span other) {
			return bold == other.bold && italic == other.italic && code == other.code
					&& Objects.equals(link, other.link);
		}

		public boolean plain() {
			return !bold && !italic && !code && link == null;
		}

	}

	public StyledText {
		var merged = new ArrayList<Span>();
		for (Span span : spans) {
			Objects.requireNonNull(span, "span must not be null");
			if (!merged.isEmpty() && merged.get(merged.size() - 1).sameStyle(span)) {
				Span last = merged.remove(merged.size() - 1);
				merged.add(new Span(last.text() + span.text(), span.bold(), span.italic(), span.link(), span.code()));
			}
			else {
				merged.add(span);
			}
		}
		spans = List.copyOf(merged);
	}

	/** Text shown exactly as given: what a person typed, a name, a number. */
	public static StyledText plain(String text) {
		Objects.requireNonNull(text, "text must not be null");
		return text.isEmpty() ? new StyledText(List.of()) : new StyledText(List.of(new Span(text, false, false, null)));
	}

	public static StyledText bold(String text) {
		Objects.requireNonNull(text, "text must not be null");
		return text.isEmpty() ? new StyledText(List.of()) : new StyledText(List.of(new Span(text, true, false, null)));
	}

	/** Reads the bundles' markup (see the class comment); never throws on odd markup, it becomes text. */
	public static StyledText fromMarkup(String markup) {
		Objects.requireNonNull(markup, "markup must not be null");
		var spans = new ArrayList<Span>();
		walk(Jsoup.parseBodyFragment(markup).body(), false, false, false, null, spans);
		return new StyledText(spans);
	}

	/** This text followed by {@code more}. */
	public StyledText append(StyledText more) {
		var all = new ArrayList<>(spans);
		all.addAll(more.spans());
		return new StyledText(all);
	}

	/** The words without styling (links as their label). */
	public String plainText() {
		var out = new StringBuilder();
		spans.forEach(s -> out.append(s.text()));
		return out.toString();
	}

	public boolean isEmpty() {
		return spans.isEmpty();
	}

	private static void walk(Node node, boolean bold, boolean italic, boolean code, String link, List<Span> out) {
		for (Node child : node.childNodes()) {
			if (child instanceof TextNode text) {
				if (!text.getWholeText().isEmpty()) {
					out.add(new Span(text.getWholeText(), bold, italic, link, code));
				}
			}
			else if (child instanceof Element element) {
				String tag = element.normalName();
				if (tag.equals("br")) {
					out.add(new Span("\n", bold, italic, link, code));
					continue;
				}
				String href = element.attr("href").strip();
				walk(element, bold || tag.equals("b") || tag.equals("strong"), italic || tag.equals("i") || tag.equals("em"),
						code || tag.equals("code"), tag.equals("a") && isWebLink(href) ? href : link, out);
			}
			// comments, scripts' data and the like are not text anyone should read: dropped
		}
	}

	private static boolean isWebLink(String href) {
		String lower = href.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) && href.length() <= 2048
				&& href.chars().noneMatch(c -> c <= ' ');
	}

}
