package org.vigia.bot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret Telegram sends in {@value #HEADER} with every webhook request (the one given at setWebhook).
 * {@link #matches} compares in constant time, so the time of a refusal says nothing of how much of a guess
 * was right. Immutable; {@link #toString()} never prints the secret.
 */
final class WebhookSecret {

	static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private final byte[] secret;

	WebhookSecret(String secret) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("the webhook secret must not be empty");
		}
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the header's value is the secret; false for a missing header. */
	boolean matches(String header) {
		return header != null && MessageDigest.isEqual(secret, header.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "WebhookSecret(redacted)";
	}

}
