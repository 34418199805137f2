package org.vigia.core.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * A text to show a person, as a message-bundle key with arguments, localised by the adapter. An argument
 * that is itself a {@code Text} is localised too; anything else is shown as given (after escaping).
 *
 * @param key the bundle key, e.g. {@code report.kind.ask}
 * @param args arguments for the key's placeholders
 */
public record Text(String key, List<Object> args) {

	public Text {
		Checks.text("key", key, 100);
		args = List.copyOf(args);
	}

	public static Text of(String key, Object... args) {
		Objects.requireNonNull(args, "args must not be null");
		return new Text(key, Arrays.asList(args));
	}

}
