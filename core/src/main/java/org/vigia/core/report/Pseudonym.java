package org.vigia.core.report;

import org.vigia.core.support.Checks;

/**
 * A keyed hash of a person's Telegram id (HMAC with a server secret), used for rate limits and
 * de-duplication. It cannot be turned back into the id without the secret, and it is the only form in
 * which a resident's identity is ever stored past the conversation.
 */
public record Pseudonym(String value) {

	public Pseudonym {
		Checks.token("pseudonym", value, 64);
	}

	@Override
	public String toString() {
		return value;
	}

}
