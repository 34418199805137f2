package org.vigia.bot.neighborhood;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.store.RedisNeighborhoodText;
import org.vigia.core.chat.Places;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.neighborhood.Lookup;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.neighborhood.NeighborhoodMap;

/**
 * The neighborhoods in force: from NEIGHBORHOODS_FILE at startup (saved to Redis for the console), else
 * from Redis (as the console last saved them). Without either, every place is outside the service area
 * and the bot says so. {@link #reload()} picks up a map the console saved. Thread-safe.
 */
public final class NeighborhoodDirectory {

	private static final Logger log = LoggerFactory.getLogger(NeighborhoodDirectory.class);

	private final RedisNeighborhoodText store;

	private final AtomicReference<NeighborhoodMap> current = new AtomicReference<>();

	public NeighborhoodDirectory(RedisNeighborhoodText store, String file) {
		this.store = store;
		if (file != null && !file.isBlank()) {
			String text;
			try {
				text = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException("NEIGHBORHOODS_FILE cannot be read: " + ex.getClass().getSimpleName());
			}
			// an invalid file stops startup with the feature and the problem in the message
			NeighborhoodMap map = NeighborhoodMap.fromGeoJson(text);
			current.set(map);
			store.save(map.toGeoJson());
			log.info("Loaded {} neighborhoods from NEIGHBORHOODS_FILE", map.size());
		}
		else if (!reload()) {
			log.warn("No neighborhoods: set NEIGHBORHOODS_FILE or upload them in the console. "
					+ "Until then every place is outside the service area.");
		}
	}

	/** Reads the map saved in Redis; returns whether there is one. */
	public boolean reload() {
		Optional<String> text = store.load();
		text.ifPresent(t -> current.set(NeighborhoodMap.fromGeoJson(t)));
		return text.isPresent();
	}

	public Optional<NeighborhoodMap> map() {
		return Optional.ofNullable(current.get());
	}

	public Lookup lookup(GeoPoint point) {
		return map().map(m -> m.lookup(point)).orElse(new Lookup.Outside());
	}

	/** The neighborhoods with a channel that contain the point or lie within the buffer of it. */
	public List<Neighborhood> channelsNear(GeoPoint point, double bufferMeters) {
		return map().map(m -> m.near(point, bufferMeters)).orElse(List.of()).stream()
			.filter(n -> n.channel() != null)
			.toList();
	}

	/**
	 * The neighborhood offered to residents under this choice value: "n3" is the fourth by name, as
	 * {@link #places} offers them; empty for any other value.
	 */
	public Optional<Neighborhood> chosen(String value) {
		List<Neighborhood> all = map().map(NeighborhoodMap::all).orElse(List.of());
		if (value == null || !value.matches("n[0-9]{1,2}")) {
			return Optional.empty();
		}
		int i = Integer.parseInt(value.substring(1));
		return i < all.size() && i < 60 ? Optional.of(all.get(i)) : Optional.empty();
	}

	/** The report flow's view of places, with the geocoder when one is configured. */
	public Places places(Geocoding geocoding) {
		return new Places() {

			@Override
			public boolean inServiceArea(GeoPoint point) {
				return lookup(point) instanceof Lookup.Inside;
			}

			@Override
			public List<Choice> neighborhoods() {
				List<Neighborhood> all = map().map(NeighborhoodMap::all).orElse(List.of());
				var choices = new java.util.ArrayList<Choice>();
				for (int i = 0; i < all.size() && i < 60; i++) {
					choices.add(new Choice("n" + i, all.get(i).name()));
				}
				return choices;
			}

			@Override
			public Optional<GeoPoint> neighborhoodPoint(String value) {
				List<Neighborhood> all = map().map(NeighborhoodMap::all).orElse(List.of());
				try {
					int i = Integer.parseInt(value.substring(1));
					return i >= 0 && i < all.size() ? map().flatMap(m -> m.interiorPoint(all.get(i).id()))
							: Optional.empty();
				}
				catch (NumberFormatException | IndexOutOfBoundsException ex) {
					return Optional.empty();
				}
			}

			@Override
			public boolean canGeocode() {
				return geocoding.enabled();
			}

			@Override
			public Optional<GeoPoint> geocode(String text) {
				return geocoding.geocode(text, map().map(NeighborhoodMap::bounds).orElse(null));
			}

		};
	}

	/** The optional geocoder, seen from here. */
	public interface Geocoding {

		boolean enabled();

		Optional<GeoPoint> geocode(String text, double[] bounds);

	}

}
