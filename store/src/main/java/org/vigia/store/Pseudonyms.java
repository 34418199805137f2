package org.vigia.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.vigia.core.report.Pseudonym;

/**
 * Keyed hashes of Telegram ids: what the bot stores instead of a resident's id (DESIGN.md privacy rules).
 *
 * <p>Design note: HMAC-SHA256 with a server secret. A plain hash would not do: Telegram ids are small
 * integers, so anyone holding a Redis dump could hash every possible id and match. The secret therefore
 * lives outside Redis: VIGIA_HASH_SECRET in production, or a file created on the first local run
 * (see {@code RedisEndpoint}). Thread-safe: a {@link Mac} per call.
 */
public final class Pseudonyms {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public Pseudonyms(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("the hash secret must have at least 16 characters, had "
					+ (secret == null ? 0 : secret.length()));
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/**
	 * The pseudonym of a person by their address's key ({@code Address.key()}): for a Telegram user, the keyed
	 * hash of {@code "user:" + their id} as before there were other messengers, so that rate limits counted
	 * then still count.
	 */
	public Pseudonym of(String addressKey) {
		return new Pseudonym(hash("user:" + addressKey, 32));
	}

	/**
	 * The keyed hash of a chat by its address's key ({@code Address.key()}), for keys such as a conversation's:
	 * 32 hex characters. For a Telegram chat, the hash of {@code "chat:" + its id} as before there were other
	 * messengers, so that keys written then still read.
	 */
	public String chat(String chatKey) {
		return hash("chat:" + chatKey, 32);
	}

	/**
	 * A short keyed hash of any value, e.g. a chat id used as a Redis key for a conversation.
	 * {@code hexChars} between 16 and 64.
	 */
	public String hash(String value, int hexChars) {
		if (hexChars < 16 || hexChars > 64) {
			throw new IllegalArgumentException("hexChars must be between 16 and 64, was " + hexChars);
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, hexChars);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** Encryption under a key derived from the same secret, for what must be kept about a chat in Redis. */
	public ChatSeal seal() {
		return new ChatSeal(key.getEncoded());
	}

	@Override
	public String toString() {
		return "Pseudonyms[secret redacted]";
	}

}
