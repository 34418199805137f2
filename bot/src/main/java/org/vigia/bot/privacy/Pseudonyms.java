package org.vigia.bot.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.vigia.core.report.Pseudonym;

/**
 * Keyed hashes of Telegram ids: what the bot stores instead of a resident's id (DESIGN.md privacy rules).
 *
 * <p>Design note: HMAC-SHA256 with a server secret. A plain hash would not do: Telegram ids are small
 * integers, so anyone holding a Redis dump could hash every possible id and match. The secret must
 * therefore live outside Redis: an environment variable in production, or a file created on the first
 * local run (readable by the owner only). Thread-safe: a {@link Mac} per call.
 */
public final class Pseudonyms {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public Pseudonyms(byte[] secret) {
		if (secret == null || secret.length < 16) {
			throw new IllegalArgumentException("the pseudonym secret must be at least 16 bytes, was "
					+ (secret == null ? 0 : secret.length));
		}
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
	}

	/** The pseudonym of a Telegram user (or chat) id. */
	public Pseudonym of(long telegramId) {
		return new Pseudonym(hash("user:" + telegramId, 32));
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

	/**
	 * The secret from {@code configured} (base64 or plain text of at least 16 bytes) when given,
	 * otherwise from {@code file}, which is created with a new random secret if it does not exist.
	 */
	public static byte[] loadSecret(String configured, Path file) throws IOException {
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip());
		}
		if (Files.exists(file)) {
			return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".pseudonym", ".tmp");
		try {
			Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own permissions protect it
		}
		Files.writeString(tmp, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
		Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return secret;
	}

	private static byte[] decode(String value) {
		try {
			byte[] decoded = Base64.getDecoder().decode(value);
			if (decoded.length >= 16) {
				return decoded;
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: use the text itself
		}
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
