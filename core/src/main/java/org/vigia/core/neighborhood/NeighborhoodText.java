package org.vigia.core.neighborhood;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The neighborhoods and their channels in force, as GeoJSON FeatureCollection text, with its version (a digest
 * of the text) that every bot process watches to apply a new map, and the version last taken from a
 * NEIGHBORHOODS_FILE. Callers parse the text; this port only keeps it.
 */
public interface NeighborhoodText {

	Optional<String> load();

	/** The version of the saved text ({@link #version(String)}), empty if none was saved with one. */
	Optional<String> version();

	/** The version last saved from a NEIGHBORHOODS_FILE ({@link #saveFromFile}), if any. */
	Optional<String> fileVersion();

	/** Saves the map in force (a console upload): every bot process applies it. */
	void save(String featureCollection);

	/** Saves the map of a NEIGHBORHOODS_FILE, remembering that the file gave it. */
	void saveFromFile(String featureCollection);

	/** A text's version: the first 32 hex characters of its SHA-256. */
	static String version(String featureCollection) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(featureCollection.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
