package org.vigia.bot.scene;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.scene.ScenePlaces;

/**
 * Street addresses from the reverse geocoder, remembered for {@link #KEEP} per point rounded to about 11 m,
 * so that the prompts, alerts and edits of one scene ask the geocoder once, not once per text. A lookup that
 * found nothing (or failed) is remembered too, so that a failing geocoder is not asked again for every
 * edit. At most {@link #MAX_POINTS} points are kept. Thread-safe.
 */
public final class CachedAddresses implements ScenePlaces.AddressLookup {

	static final Duration KEEP = Duration.ofMinutes(10);

	static final int MAX_POINTS = 10_000;

	private final Function<GeoPoint, Optional<String>> lookup;

	private final Cache<String, Optional<String>> cache = Caffeine.newBuilder()
		.expireAfterWrite(KEEP)
		.maximumSize(MAX_POINTS)
		.build();

	public CachedAddresses(Function<GeoPoint, Optional<String>> lookup) {
		this.lookup = lookup;
	}

	@Override
	public Optional<String> address(GeoPoint point) {
		GeoPoint rounded = point.approximate(4);
		String key = String.format(Locale.ROOT, "%.4f,%.4f", rounded.latitude(), rounded.longitude());
		return cache.get(key, k -> lookup.apply(rounded));
	}

}
