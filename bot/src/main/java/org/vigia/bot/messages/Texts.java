package org.vigia.bot.messages;

import java.util.Locale;

import org.springframework.context.MessageSource;

import org.vigia.core.chat.Text;
import org.vigia.core.messaging.Transport;

/**
 * Turns core's {@link Text} into the bundles' markup in a person's language (the little HTML that
 * {@code StyledText.fromMarkup} reads).
 *
 * <p>Bundle texts are trusted HTML (they are ours); every argument that is not itself a {@link Text} is
 * escaped, so that nothing a resident typed can inject markup or break Telegram's parser. A list argument is
 * shown as its items, each rendered the same way, separated by commas. Thread-safe.
 */
public final class Texts {

	private final MessageSource messages;

	public Texts(MessageSource messages) {
		this.messages = messages;
	}

	public String render(Text text, String language) {
		return render(text, locale(language));
	}

	/**
	 * As {@link #render(Text, String)}, in the words of a messenger without buttons or a location button: for
	 * {@link Transport#SIGNAL}, the bundle's {@code key + ".signal"} when it has one ("reply with the number"
	 * rather than "tap a button"), otherwise the key itself.
	 */
	public String render(Text text, String language, Transport transport) {
		if (transport == Transport.SIGNAL) {
			Locale locale = locale(language);
			return render(withoutButtons(text, locale), locale);
		}
		return render(text, language);
	}

	/** The text, and the texts inside it, each in its {@code .signal} words where the bundle has them. */
	private Text withoutButtons(Text text, Locale locale) {
		String variant = text.key() + ".signal";
		String key = messages.getMessage(variant, null, null, locale) != null ? variant : text.key();
		return new Text(key, text.args().stream().map(a -> withoutButtons(a, locale)).toList());
	}

	private Object withoutButtons(Object arg, Locale locale) {
		if (arg instanceof Text t) {
			return withoutButtons(t, locale);
		}
		if (arg instanceof java.util.List<?> items) {
			return items.stream().map(item -> withoutButtons(item, locale)).toList();
		}
		return arg;
	}

	public String render(Text text, Locale locale) {
		Object[] args = text.args().stream().map(a -> argument(a, locale)).toArray();
		return messages.getMessage(text.key(), args, locale);
	}

	/** A single key with plain arguments (escaped). */
	public String render(String key, String language, Object... args) {
		return render(Text.of(key, args), language);
	}

	/**
	 * An argument that is already Telegram HTML (rendered by this class, its own arguments escaped): passed as
	 * it is, so that texts can be composed of rendered parts.
	 */
	public record Html(String html) {

		public Html {
			java.util.Objects.requireNonNull(html, "html must not be null");
		}

		@Override
		public String toString() {
			return html;
		}

	}

	private Object argument(Object arg, Locale locale) {
		if (arg instanceof Text t) {
			return render(t, locale);
		}
		if (arg instanceof Html h) {
			return h.html();
		}
		if (arg instanceof java.util.List<?> items) {
			// a list of answers ("ICE, Plain clothes"), each localised or escaped like any argument
			return items.stream().map(item -> String.valueOf(argument(item, locale)))
				.collect(java.util.stream.Collectors.joining(", "));
		}
		if (arg instanceof Number) {
			return arg;
		}
		return escape(String.valueOf(arg));
	}

	/** The plain text of rendered HTML, for places that take no markup (button labels, a venue's title). */
	public static String plain(String html) {
		return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&amp;", "&");
	}

	/** Escapes text for Telegram's HTML parse mode (&amp;, &lt;, &gt; and quotes). */
	public static String escape(String raw) {
		var out = new StringBuilder(raw.length() + 16);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** The supported locale for a messenger's language code: Spanish for any "es…", English otherwise. */
	public static Locale locale(String language) {
		return language != null && language.toLowerCase(Locale.ROOT).startsWith("es") ? Locale.forLanguageTag("es")
				: Locale.ENGLISH;
	}

	/** The language tag the bot uses for a messenger's language code: "es" or "en". */
	public static String language(String telegramLanguageCode) {
		return locale(telegramLanguageCode).getLanguage();
	}

}
