package org.vigia.core.neighborhood;

import org.vigia.core.support.Checks;

/** Stable id of a neighborhood, derived from its name (a slug) unless given. */
public record NeighborhoodId(String value) {

	public NeighborhoodId {
		Checks.token("neighborhood id", value, 64);
	}

	/**
	 * A short form of this id (12 characters, letters and digits) that stays the same when the map is reloaded
	 * or reordered: what a neighborhood button carries, and the area of a report placed by picking one.
	 */
	public String key() {
		byte[] hash;
		try {
			hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
		var key = new StringBuilder("n");
		for (int i = 0; i < 11; i++) {
			key.append(KEY_ALPHABET.charAt((hash[i] & 0xff) % KEY_ALPHABET.length()));
		}
		return key.toString();
	}

	private static final String KEY_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

	@Override
	public String toString() {
		return value;
	}

}
