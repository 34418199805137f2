package org.vigia.admin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the optional second
 * factor of console accounts. A code is accepted for the current step and one step either side (clock
 * drift); comparison is constant-time. Secrets travel as base32 (RFC 4648), as authenticator apps expect.
 */
final class Totp {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** A new random 160-bit secret, in base32. */
	static String newSecret() {
		byte[] bytes = new byte[20];
		new SecureRandom().nextBytes(bytes);
		return base32(bytes);
	}

	/** The code for {@code step} (seconds since the epoch / 30). */
	static String code(byte[] secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/** Whether {@code code} is right for {@code secret} at {@code now} (one step of drift either way). */
	static boolean verify(String base32Secret, String code, Instant now) {
		if (code == null || !code.strip().matches("[0-9]{6}")) {
			return false;
		}
		byte[] secret = decode(base32Secret);
		long step = now.getEpochSecond() / 30;
		boolean ok = false;
		for (long s = step - 1; s <= step + 1; s++) {
			ok |= MessageDigest.isEqual(code(secret, s).getBytes(), code.strip().getBytes());
		}
		return ok;
	}

	static String base32(byte[] bytes) {
		var out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] decode(String base32) {
		var out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : base32.toUpperCase().replace("=", "").toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
