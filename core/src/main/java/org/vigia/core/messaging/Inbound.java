package org.vigia.core.messaging;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigia.core.chat.Input;
import org.vigia.core.support.Checks;

/**
 * What a person sent, as every adapter hands it to the engine: who sent it, which of the bot's messages it
 * answers (if the messenger says), and what it is.
 *
 * <p>What it is: a {@link Command} ("/join CODE"), or something {@link Said} in a conversation, one of
 * core's {@link Input}s: a choice among the options offered (a button press; on Signal, a numbered-menu
 * answer read by {@link NumberedMenu#answer}), typed text, a place, a photo already re-encoded and stored.
 * Adapters turn what they cannot read into {@link Input.Typed} or {@link Input.RejectedPhoto}; they drop
 * what is not from a person at all (receipts, typing notices, forged events).
 *
 * @param from the sender
 * @param quotes the {@link SentRef#id()} of the bot's message this one replies to or quotes, or null: on
 * Signal, where an observer may have several prompts open, the quoted prompt is the one answered
 * @param content what was sent
 */
public record Inbound(Address from, String quotes, Content content) {

	/** A command: "/report", "/join 7KQ2M". */
	private static final Pattern COMMAND = Pattern
		.compile("/([A-Za-z][A-Za-z0-9_]{0,31})(?:@[A-Za-z0-9_]{1,64})?(?:\\s+(.*))?", Pattern.DOTALL);

	/** The longest command argument kept; invite codes and the like are short. */
	static final int MAX_ARGUMENT = 200;

	public Inbound {
		Objects.requireNonNull(from, "from must not be null");
		if (quotes != null) {
			Checks.token("quoted message id", quotes, 32);
		}
		Objects.requireNonNull(content, "content must not be null");
	}

	/** What was sent. */
	public sealed interface Content permits Command, Said {
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

	/** An input to a conversation. */
	public record Said(Input input) implements Content {

		public Said {
			Objects.requireNonNull(input, "input must not be null");
		}

	}

	/**
	 * A typed message: a {@link Command} when it starts with a slash and a command name (a Telegram
	 * "@botname" suffix is dropped; an argument over {@value #MAX_ARGUMENT} characters is cut), otherwise
	 * {@link Input.Typed}. Places written in text and numbered-menu answers are read by the conversation,
	 * which knows what it asked ({@code MapLinks}, {@link NumberedMenu}).
	 */
	public static Inbound typed(Address from, String quotes, String text) {
		Objects.requireNonNull(text, "text must not be null");
		Matcher command = COMMAND.matcher(text.strip());
		if (command.matches()) {
			String argument = command.group(2) == null ? "" : command.group(2).strip();
			if (argument.codePointCount(0, argument.length()) > MAX_ARGUMENT) {
				argument = argument.substring(0, argument.offsetByCodePoints(0, MAX_ARGUMENT));
			}
			return new Inbound(from, quotes, new Command(command.group(1).toLowerCase(Locale.ROOT), argument));
		}
		return new Inbound(from, quotes, new Said(new Input.Typed(text)));
	}

	@Override
	public String toString() {
		return "Inbound[" + from + ", " + content.getClass().getSimpleName() + "]";
	}

}
