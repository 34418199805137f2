package org.vigia.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the console's accompaniment pages read ({@code vigia.admin.accompaniment.*}).
 *
 * @param placesFile the network's places file, the bot's PLACES_FILE: the console names the courts and ICE offices
 * accompaniers serve by it; empty: they are shown by their keys
 */
@ConfigurationProperties("vigia.admin.accompaniment")
record AccompanimentProperties(String placesFile) {

	AccompanimentProperties {
		placesFile = placesFile == null ? "" : placesFile.strip();
	}

}
