package org.vigia.bot.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The network's own settings ({@code vigia.bot.*}, from the environment variables of application.yml).
 *
 * @param hotline the hotline number given in every fallback message
 * @param neighborhoodsFile a GeoJSON FeatureCollection of neighborhoods; blank: as saved in Redis
 * @param dispatchers Telegram ids of dispatchers who may use /invite and /incidents
 * @param signalDispatchers Signal service ids (ACI, a UUID) of dispatchers, the same on Signal; never a phone number
 * @param timezone the zone of times shown to people
 * @param geocoderUrl a Nominatim-compatible geocoder for typed cross streets; blank: none
 * @param channelBufferMeters also post to neighborhoods this close to an incident
 * @param geocoderTimeout the longest a geocoder lookup may take
 * @param recoveryInterval how often to look for work a killed process left half-done
 * @param recoveryGrace how long an incident must be left alone before that work counts as left half-done
 * @param placesFile a GeoJSON FeatureCollection of named places (Points with {@code name}, optional
 * {@code address} and {@code kind}) used to say where scenes are; blank: none
 * @param drillChannel where a drill's posts go (a Telegram @channel or numeric id); blank: to the dispatchers only
 */
@ConfigurationProperties("vigia.bot")
record BotProperties(String hotline, String neighborhoodsFile, List<Long> dispatchers, String timezone,
		String geocoderUrl, @DefaultValue("250") double channelBufferMeters, @DefaultValue("3s") Duration geocoderTimeout,
		@DefaultValue("15s") Duration recoveryInterval, @DefaultValue("10s") Duration recoveryGrace, String placesFile,
		List<String> signalDispatchers, String drillChannel) {

	BotProperties {
		dispatchers = dispatchers == null ? List.of() : List.copyOf(dispatchers);
		signalDispatchers = signalDispatchers == null ? List.of()
				: signalDispatchers.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
		for (String id : signalDispatchers) {
			if (!SERVICE_ID.matcher(id).matches()) {
				// the value is not echoed: it could be a phone number
				throw new IllegalArgumentException("vigia.bot.signal-dispatchers (DISPATCHER_SIGNAL_IDS) must be Signal "
						+ "service ids (a UUID such as 3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f), not phone numbers or names");
			}
		}
		timezone = timezone == null || timezone.isBlank() ? ZoneId.systemDefault().getId() : ZoneId.of(timezone.strip()).getId();
		geocoderUrl = geocoderUrl == null ? "" : geocoderUrl.strip();
		if (recoveryInterval.isNegative() || recoveryInterval.isZero() || recoveryGrace.isNegative()) {
			throw new IllegalArgumentException("vigia.bot.recovery-interval must be positive and recovery-grace not negative");
		}
		placesFile = placesFile == null ? "" : placesFile.strip();
		drillChannel = drillChannel == null ? "" : drillChannel.strip();
		if (!drillChannel.isEmpty() && !drillChannel.matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?[0-9]{5,20}")) {
			throw new IllegalArgumentException("vigia.bot.drill-channel must be @name or a numeric chat id");
		}
		if (!(channelBufferMeters >= 0 && channelBufferMeters <= 50_000)) {
			throw new IllegalArgumentException(
					"vigia.bot.channel-buffer-meters must be between 0 and 50000, was " + channelBufferMeters);
		}
	}

	/** A Signal service id as signal-cli prints it: a UUID. */
	private static final java.util.regex.Pattern SERVICE_ID = java.util.regex.Pattern
		.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	ZoneId zone() {
		return ZoneId.of(timezone);
	}

	/** The geocoder's base address, or null for none. */
	URI geocoder() {
		return geocoderUrl.isEmpty() ? null : URI.create(geocoderUrl);
	}

}
