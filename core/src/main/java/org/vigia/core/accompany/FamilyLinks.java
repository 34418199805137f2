package org.vigia.core.accompany;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The single-use codes a person forwards to a family contact ({@code t.me/<bot>?start=<code>} on Telegram).
 *
 * <p>Design note: a code is 128 random bits (22 URL-safe characters, within Telegram's 64-character start
 * parameter), so it cannot be guessed; only its keyed hash (HMAC-SHA-256 under the network's secret) is
 * stored, so whoever reads the store cannot use a code; the store takes it in one step (single use) and it
 * expires after {@link #VALID_FOR}, or at the appointment if that is sooner. Thread-safe.
 */
public final class FamilyLinks {

	/** How long a link works if the appointment is further away. */
	public static final Duration VALID_FOR = Duration.ofHours(48);

	/** The prefix that tells a family link from other start parameters. */
	public static final String PREFIX = "f_";

	private static final Pattern CODE = Pattern.compile("f_[A-Za-z0-9_-]{22}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] secret;

	/** A new code, its hash to store, and when it stops working. */
	public record Issued(String code, String hash, Instant expires) {

		/** What is kept of it until the request is confirmed: never the code. */
		public Pending pending() {
			return new Pending(hash, expires);
		}

		@Override
		public String toString() {
			return "Issued[expires " + expires + "]";
		}

	}

	/**
	 * A link given out while the request is written: its hash and expiry, kept in the draft and stored for the
	 * appointment once the request is confirmed, so that a contact who opens it earlier finds it not yet working
	 * (and not used up).
	 */
	public record Pending(String hash, Instant expires) {

		public Pending {
			if (hash == null || !hash.matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException("a link is kept by its 64-character hash");
			}
			java.util.Objects.requireNonNull(expires, "expires must not be null");
		}

	}

	public FamilyLinks(String secret) {
		Objects.requireNonNull(secret, "secret must not be null");
		if (secret.length() < 16) {
			throw new IllegalArgumentException("the secret must have at least 16 characters");
		}
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	/** A new code for an appointment at {@code appointmentAt}. */
	public Issued issue(Instant appointmentAt, Instant now) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String code = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = now.plus(VALID_FOR);
		if (appointmentAt.isBefore(expires)) {
			expires = appointmentAt;
		}
		return new Issued(code, hash(code), expires);
	}

	/** Whether the text has the shape of a code (anything else is refused before the store is asked). */
	public static boolean wellFormed(String text) {
		return text != null && CODE.matcher(text).matches();
	}

	/** The keyed hash under which a code is stored. */
	public String hash(String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update("family-link:".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "FamilyLinks[secret redacted]";
	}

}
