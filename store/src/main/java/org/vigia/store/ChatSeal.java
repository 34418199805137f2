package org.vigia.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the few values the bot must keep about a resident beyond their conversation (the chat to tell
 * an incident's outcome), so that Redis, its dumps and its append-only file never hold them in clear.
 *
 * <p>Design note: AES-256-GCM with a random 96-bit nonce per value, under a key derived from the hash secret
 * (HMAC-SHA256 of a fixed label), which lives outside Redis (VIGIA_HASH_SECRET, or the file the embedded
 * server's data folder keeps). The {@code context} (e.g. the incident id) is authenticated too: a sealed
 * value moved to another key does not open. A value sealed under another secret, or altered, does not open
 * either: {@link #open} is empty then. Thread-safe: a {@link Cipher} per call.
 */
public final class ChatSeal {

	private static final String CIPHER = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	/** @param secret the hash secret's bytes ({@link Pseudonyms#seal()}), from which the key is derived */
	ChatSeal(byte[] secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			this.key = new SecretKeySpec(mac.doFinal("vigia:chat-seal:v1".getBytes(StandardCharsets.UTF_8)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The value, encrypted and bound to {@code context}, as URL-safe base64 (nonce, then ciphertext and tag). */
	public String seal(String value, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The value sealed under this secret and {@code context}; empty if it was sealed otherwise or altered. */
	public Optional<String> open(String sealed, String context) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(sealed);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
			return Optional.empty();
		}
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] value = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return Optional.of(new String(value, StandardCharsets.UTF_8));
		}
		catch (AEADBadTagException ex) {
			return Optional.empty();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "ChatSeal[key redacted]";
	}

}
