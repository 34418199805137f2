package org.vigia.core.messaging;

import java.util.List;

import org.vigia.core.support.Checks;

/**
 * One option offered to a person, already in their language: a button on Telegram, a line of a numbered
 * menu on Signal.
 *
 * @param label what the person reads ("Someone being detained", "✖ Cancelar")
 * @param value what choosing it sends back to the engine ({@link Inbound.Chosen}): a named button protocol
 * and its fields, at most {@value #MAX_VALUE} characters (Telegram's callback data holds 64 bytes,
 * which its adapter checks); never shown
 * @param aliases other words that choose it in a numbered menu, whatever the menu's language (e.g.
 * "cancel", "cancelar", "/cancel" for the way out); may be empty
 */
public record MenuItem(String label, String value, List<String> aliases) {

	/** The longest value. */
	public static final int MAX_VALUE = 64;

	public MenuItem {
		Checks.text("label", label, 200);
		Checks.text("value", value, MAX_VALUE);
		aliases = List.copyOf(aliases);
		aliases.forEach(a -> Checks.text("alias", a, 100));
	}

	public static MenuItem of(String label, String value) {
		return new MenuItem(label, value, List.of());
	}

}
