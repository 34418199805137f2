package org.vigia.core.messaging;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigia.core.chat.Input;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.support.Checks;

/**
 * What a person sent, as every adapter hands it to the engine: who sent it, which of the bot's messages it
 * answers (if the messenger says), and what it is.
 *
 * <p>What it is: a {@link Command} ("/join CODE"); a {@link Chosen} option among those offered (a button
 * press; on Signal, a numbered-menu answer read by {@link NumberedMenu#answer}); something {@link Said} in a
 * conversation, one of core's {@link Input}s (typed text, a place); a {@link Photo} to fetch through
 * {@link Messenger#download}; a live location that {@link Moved}; a {@link Contact} card (never kept).
 * Adapters turn what they cannot read into {@link Input.Typed} or {@link Input.RejectedPhoto}; they drop
 * what is not from a person at all (receipts, typing notices, forged events).
 *
 * @param from the sender
 * @param quotes the {@link SentRef#id()} of the bot's message this one replies to, quotes or was pressed on,
 * or null: on Signal, where an observer may have several prompts open, the quoted prompt is the one answered
 * @param content what was sent
 * @param receipt the adapter's handle to {@link Messenger#acknowledge} this input with (a Telegram callback
 * query id), or null
 * @param language the language the person's app says they use (a code such as "es-MX"), or null
 */
public record Inbound(Address from, String quotes, Content content, String receipt, String language) {

	/** A command: "/report", "/join 7KQ2M". */
	private static final Pattern COMMAND = Pattern
		.compile("/([A-Za-z][A-Za-z0-9_]{0,31})(?:@[A-Za-z0-9_]{1,64})?(?:\\s+(.*))?", Pattern.DOTALL);

	/** The longest command argument kept; invite codes and the like are short. */
	static final int MAX_ARGUMENT = 200;

	/** The longest {@link Chosen} value read; adapters make longer ones empty (a stale choice). */
	public static final int MAX_CHOSEN = 1024;

	public Inbound {
		Objects.requireNonNull(from, "from must not be null");
		if (quotes != null) {
			Checks.token("quoted message id", quotes, 32);
		}
		Objects.requireNonNull(content, "content must not be null");
		Checks.optionalText("receipt", receipt, 256);
		Checks.optionalText("language", language, 35);
	}

	public Inbound(Address from, String quotes, Content content) {
		this(from, quotes, content, null, null);
	}

	/** What was sent. */
	public sealed interface Content permits Command, Chosen, Said, Photo, Moved, Contact {
	}

	/**
	 * A command.
	 *
	 * @param name lower case, without the slash: "report", "join"
	 * @param argument what followed it, stripped; empty for none
	 */
	public record Command(String name, String argument) implements Content {

		public Command {
			Checks.token("command", name, 32);
			Objects.requireNonNull(argument, "argument must not be null");
			Checks.optionalText("argument", argument, MAX_ARGUMENT);
		}

	}

	/**
	 * An option chosen among those the bot offered, by its {@link MenuItem#value()}: a named protocol
	 * ({@code ButtonProtocol}s in the bot) and its fields. It may be forged or stale: whoever reads it checks it.
	 *
	 * @param value at most {@link #MAX_CHOSEN} characters: the bot sends at most {@link MenuItem#MAX_VALUE}, but
	 * a forged one is read (and refused) by its protocol like any other
	 */
	public record Chosen(String value) implements Content {

		public Chosen {
			Objects.requireNonNull(value, "value must not be null");
			Checks.optionalText("value", value, MAX_CHOSEN);
		}

	}

	/** An input to a conversation: typed text or a place. */
	public record Said(Input input) implements Content {

		public Said {
			Objects.requireNonNull(input, "input must not be null");
		}

	}

	/**
	 * A photo or an image file, not fetched yet ({@link Messenger#download}); a file that is not an image, or
	 * declared too large, arrives as {@link Said} with {@link Input.RejectedPhoto} instead.
	 *
	 * @param handle the adapter's reference of the file (a Telegram file id); never shown
	 */
	public record Photo(String handle) implements Content {

		public Photo {
			Checks.text("photo handle", handle, 256);
		}

	}

	/** A live location that moved (Telegram's live location; messengers without one never send this). */
	public record Moved(GeoPoint point) implements Content {

		public Moved {
			Objects.requireNonNull(point, "point must not be null");
		}

	}

	/** A contact card: it carries a phone number, so the adapter drops the card and says only that one came. */
	public record Contact() implements Content {
	}

	/**
	 * A typed message: a {@link Command} when it starts with a slash and a command name (a Telegram
	 * "@botname" suffix is dropped; an argument over {@value #MAX_ARGUMENT} characters is cut), otherwise
	 * {@link Input.Typed}. Places written in text and numbered-menu answers are read by the conversation,
	 * which knows what it asked ({@code MapLinks}, {@link NumberedMenu}).
	 */
	public static Inbound typed(Address from, String quotes, String text) {
		return new Inbound(from, quotes, typedContent(text), null, null);
	}

	/** What a typed text is: a {@link Command}, or {@link Input.Typed} (see {@link #typed}). */
	public static Content typedContent(String text) {
		Objects.requireNonNull(text, "text must not be null");
		Matcher command = COMMAND.matcher(text.strip());
		if (command.matches()) {
			String argument = command.group(2) == null ? "" : command.group(2).strip();
			if (argument.codePointCount(0, argument.length()) > MAX_ARGUMENT) {
				argument = argument.substring(0, argument.offsetByCodePoints(0, MAX_ARGUMENT));
			}
			return new Command(command.group(1).toLowerCase(Locale.ROOT), argument);
		}
		return new Said(new Input.Typed(text));
	}

	@Override
	public String toString() {
		return "Inbound[" + from + ", " + content.getClass().getSimpleName() + "]";
	}

}
