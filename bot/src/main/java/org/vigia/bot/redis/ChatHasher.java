package org.vigia.bot.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA-256) of a chat id, so that keys never carry a resident's chat id in clear.
 * Thread-safe.
 */
public final class ChatHasher {

	private final SecretKeySpec key;

	public ChatHasher(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("hash secret must have at least 16 characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** 32 hex characters (128 bits of the HMAC): short in keys, still far beyond guessing. */
	public String hash(long chatId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array());
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "ChatHasher[secret redacted]";
	}

}
