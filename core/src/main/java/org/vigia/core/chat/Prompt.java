package org.vigia.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation: a text and, optionally, rows of buttons.
 *
 * @param text what to say
 * @param rows buttons, row by row; empty for none
 * @param askLocation whether to offer the "share my location" button (a reply keyboard in Telegram)
 */
public record Prompt(Text text, List<List<Option>> rows, boolean askLocation) {

	public Prompt {
		Objects.requireNonNull(text, "text must not be null");
		rows = rows.stream().map(List::copyOf).toList();
	}

	public static Prompt say(Text text) {
		return new Prompt(text, List.of(), false);
	}

	public static Prompt ask(Text text, List<List<Option>> rows) {
		return new Prompt(text, rows, false);
	}

	/**
	 * This prompt with a short text before its own, in the same message (an acknowledgement, or why the
	 * question is asked again): one message per step rather than two.
	 */
	public Prompt after(Text before) {
		return new Prompt(Text.of("paragraphs", before, text), rows, askLocation);
	}

	/** The option with this value, if the prompt offers it. */
	public java.util.Optional<Option> option(String value) {
		return rows.stream().flatMap(List::stream).filter(o -> o.value().equals(value)).findFirst();
	}

}
