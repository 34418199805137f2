package org.vigia.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts second-factor secrets before they reach Redis: AES-256-GCM with a random 96-bit nonce, the
 * username as associated data (a secret copied onto another account does not decrypt), stored as
 * {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). The key comes from ADMIN_TOTP_KEY (base64 of 32 bytes),
 * never from Redis: a copy of Redis alone does not give the codes of anyone's authenticator.
 *
 * <p>Where the key comes from: {@link #resolve}. With REDIS_URL or Redis Sentinel (production)
 * ADMIN_TOTP_KEY is required and the console refuses to start without it; with the embedded development Redis one is generated
 * once and kept under the data folder ({@code totp-key}), like the bot's hash secret.
 */
final class TotpVault {

	private static final Logger log = LoggerFactory.getLogger(TotpVault.class);

	static final String VERSION = "v1:";

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	TotpVault(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("ADMIN_TOTP_KEY must be 32 bytes in base64, was " + key.length + " bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * The key from {@code configured} (base64), or, without one, from {@code dataDir/totp-key} when Redis
	 * is embedded (created if missing); refuses to go on with a real Redis and no key.
	 */
	static TotpVault resolve(String configured, boolean localRedis, Path dataDir) {
		if (!configured.isEmpty()) {
			try {
				return new TotpVault(Base64.getDecoder().decode(configured));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("ADMIN_TOTP_KEY (vigia.admin.totp-key) must be 32 random bytes in "
						+ "base64, e.g. the output of: openssl rand -base64 32", ex);
			}
		}
		if (!localRedis) {
			throw new IllegalStateException("ADMIN_TOTP_KEY (vigia.admin.totp-key) must be set with REDIS_URL or "
					+ "Redis Sentinel: it encrypts the console's second-factor secrets (make one with: openssl rand -base64 32)");
		}
		return new TotpVault(keyFile(dataDir.resolve("totp-key")));
	}

	private static byte[] keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
			}
			Files.createDirectories(file.getParent());
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the data folder's own permissions apply
			}
			log.warn("Generated the key of second-factor secrets under the data folder; production sets ADMIN_TOTP_KEY");
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read or create the totp-key file", ex);
		}
	}

	String seal(String username, String secret) {
		try {
			byte[] nonce = new byte[12];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return VERSION + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The secret sealed for {@code username}; fails if it was sealed with another key or for another name. */
	String open(String username, String stored) {
		if (!stored.startsWith(VERSION)) {
			throw new IllegalArgumentException("not a sealed second-factor secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
			cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("a second-factor secret could not be decrypted: wrong ADMIN_TOTP_KEY?");
		}
	}

	/** Whether a stored value is still in clear (written before secrets were encrypted). */
	static boolean clear(String stored) {
		return !stored.startsWith(VERSION);
	}

}
