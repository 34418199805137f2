package org.vigia.core.accompany;

import org.vigia.core.support.Checks;

/**
 * How the accompaniers will recognise the person at the entrance: a first name or nickname and what they
 * will wear, in the person's own words. Never an A-number or a phone number: such text cannot be built.
 */
public record Recognition(String text) {

	/** The longest description accepted. */
	public static final int MAX = 200;

	public Recognition {
		text = Checks.text("recognition", text == null ? null : text.strip(), MAX);
		if (SensitiveText.find(text).isPresent()) {
			// the text is not echoed: it is what must not be kept
			throw new IllegalArgumentException("recognition must not hold an A-number or a phone number");
		}
	}

	@Override
	public String toString() {
		return "Recognition[" + text.length() + " chars]";
	}

}
