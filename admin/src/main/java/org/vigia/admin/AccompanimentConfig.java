package org.vigia.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.core.accompany.AccompanyPlaces;
import org.vigia.core.neighborhood.InvalidGeoJsonException;
import org.vigia.core.scene.NamedPlaces;

/** The courts and ICE offices of the places file, read as the bot reads it; a file it cannot use stops the start. */
@Configuration(proxyBeanMethods = false)
class AccompanimentConfig {

	@Bean
	AccompanyPlaces accompanyPlaces(AccompanimentProperties properties) {
		if (properties.placesFile().isEmpty()) {
			return new AccompanyPlaces(NamedPlaces.NONE);
		}
		try {
			return new AccompanyPlaces(NamedPlaces.fromGeoJson(
					Files.readString(Path.of(properties.placesFile()), StandardCharsets.UTF_8)));
		}
		catch (IOException | RuntimeException ex) {
			String why = ex instanceof InvalidGeoJsonException ? ex.getMessage() : ex.getClass().getSimpleName();
			throw new IllegalStateException("PLACES_FILE cannot be used: " + why);
		}
	}

}
