package org.vigia.core.chat;

import org.vigia.core.support.Checks;

/**
 * A button: what it says, and the short value it sends back (at most 24 characters, so that an adapter
 * can add its own prefix and nonce and stay within Telegram's 64-byte callback data).
 */
public record Option(Text label, String value) {

	public Option {
		java.util.Objects.requireNonNull(label, "label must not be null");
		Checks.text("value", value, 24);
	}

	public static Option of(String labelKey, String value) {
		return new Option(Text.of(labelKey), value);
	}

}
