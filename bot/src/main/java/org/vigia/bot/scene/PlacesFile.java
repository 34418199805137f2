package org.vigia.bot.scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.neighborhood.InvalidGeoJsonException;
import org.vigia.core.scene.NamedPlaces;

/**
 * Reads PLACES_FILE at startup. A file that cannot be read or used stops the start with one message that
 * names every problem of the file; no setting means no places.
 */
public final class PlacesFile {

	private static final Logger log = LoggerFactory.getLogger(PlacesFile.class);

	private PlacesFile() {
	}

	/**
	 * @throws IllegalStateException saying what is wrong with the file
	 */
	public static NamedPlaces load(String file) {
		if (file == null || file.isBlank()) {
			return NamedPlaces.NONE;
		}
		String text;
		try {
			text = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("PLACES_FILE cannot be read: " + ex.getClass().getSimpleName());
		}
		try {
			NamedPlaces places = NamedPlaces.fromGeoJson(text);
			log.info("Loaded {} named places from PLACES_FILE", places.size());
			return places;
		}
		catch (InvalidGeoJsonException ex) {
			throw new IllegalStateException("PLACES_FILE cannot be used: " + ex.getMessage());
		}
	}

}
