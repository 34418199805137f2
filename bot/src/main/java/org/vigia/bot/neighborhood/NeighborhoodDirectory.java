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

import org.vigia.core.neighborhood.NeighborhoodText;
import org.vigia.core.support.StoreUnavailableException;
import org.vigia.core.chat.Places;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.neighborhood.Lookup;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.neighborhood.NeighborhoodMap;

/**
 * The neighborhoods in force, the same on every bot process. Which source wins: whichever changed last. A
 * NEIGHBORHOODS_FILE is taken at startup when it differs from the one last taken (it is saved to Redis, for the
 * console and the other processes); a file unchanged since then leaves the map in Redis as it is, so that a
 * console upload made since survives restarts until the file is edited. Without a file, the map is the one in
 * Redis. Without either, every place is outside the service area and the bot says so.
 *
 * <p>Every process applies a new map saved in Redis within {@link #refresh()}'s period, since each watches the
 * map's version; {@link #reload()} applies it at once. A map in Redis that does not parse is refused and the
 * map in force stays. Thread-safe.
 */
public final class NeighborhoodDirectory {

	private static final Logger log = LoggerFactory.getLogger(NeighborhoodDirectory.class);

	private final NeighborhoodText store;

	private final AtomicReference<NeighborhoodMap> current = new AtomicReference<>();

	/** The version of the text last applied, or refused: {@link #refresh()} acts only on another one. */
	private volatile String applied;

	public NeighborhoodDirectory(NeighborhoodText store, String file) {
		this.store = store;
		if (file != null && !file.isBlank()) {
			String text;
			try {
				text = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException("NEIGHBORHOODS_FILE cannot be read: " + ex.getClass().getSimpleName());
			}
			// an unusable file stops startup with every problem listed (NeighborhoodsFailureAnalyzer); what could
			// be repaired is said, feature by feature, and the repaired map is the one saved
			NeighborhoodMap map = NeighborhoodMap.fromGeoJson(text);
			map.repairs().forEach(r -> log.warn("NEIGHBORHOODS_FILE repaired {}", r.describe()));
			String geoJson = map.toGeoJson();
			String version = NeighborhoodText.version(geoJson);
			if (firstRead(store::fileVersion).filter(version::equals).isPresent() && keepSaved()) {
				log.info("NEIGHBORHOODS_FILE is unchanged since it was last loaded: kept the {} neighborhoods saved "
						+ "since (edit the file to replace a console upload)", current.get().size());
			}
			else {
				store.saveFromFile(geoJson);
				current.set(map);
				applied = version;
				log.info("Loaded {} neighborhoods from NEIGHBORHOODS_FILE", map.size());
			}
		}
		else if (!firstRead(this::reload)) {
			log.warn("No neighborhoods: set NEIGHBORHOODS_FILE or upload them in the console. "
					+ "Until then every place is outside the service area.");
		}
	}

	/** Applies the map saved in Redis; false if there is none, or none that parses (the file is taken then). */
	private boolean keepSaved() {
		try {
			return reload();
		}
		catch (RuntimeException ex) {
			log.warn("The neighborhoods saved in Redis were refused: {}", ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * The first read from Redis at startup, tried again for a few seconds while Redis is unavailable: the first
	 * connection of a process can be slow (a busy server, or one still starting beside the bot).
	 */
	private static <T> T firstRead(java.util.function.Supplier<T> read) {
		for (int attempt = 0;; attempt++) {
			try {
				return read.get();
			}
			catch (StoreUnavailableException ex) {
				if (attempt == 4) {
					throw ex;
				}
				log.warn("Redis is not answering yet; trying again");
				java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(500L << attempt).toNanos());
			}
		}
	}

	/**
	 * Reads the map saved in Redis and applies it; returns whether there is one.
	 * @throws org.vigia.core.neighborhood.InvalidGeoJsonException if it does not parse (the map in force stays)
	 */
	public boolean reload() {
		Optional<String> text = store.load();
		if (text.isPresent()) {
			String version = NeighborhoodText.version(text.get());
			applied = version;
			current.set(NeighborhoodMap.fromGeoJson(text.get()));
		}
		return text.isPresent();
	}

	/** Applies the map saved in Redis if its version is not the one in force; run periodically by every process. */
	public void refresh() {
		Optional<String> version = store.version();
		if (version.isEmpty() || version.get().equals(applied)) {
			return;
		}
		try {
			reload();
			log.info("Applied a new map of {} neighborhoods", current.get() == null ? 0 : current.get().size());
		}
		catch (RuntimeException ex) {
			// reload() recorded its version: refused once, not at every period
			log.warn("Refused a new map of neighborhoods: {}", ex.getClass().getSimpleName());
		}
	}

	public Optional<NeighborhoodMap> map() {
		return Optional.ofNullable(current.get());
	}

	public Lookup lookup(GeoPoint point) {
		return map().map(m -> m.lookup(point)).orElse(new Lookup.Outside());
	}

	/** The neighborhoods with a channel or a Signal group that contain the point or lie within the buffer of it. */
	public List<Neighborhood> channelsNear(GeoPoint point, double bufferMeters) {
		return map().map(m -> m.near(point, bufferMeters)).orElse(List.of()).stream()
			.filter(Neighborhood::hasAlerts)
			.toList();
	}

	/** The key of the neighborhood holding the point (the area a report picking it would name), if any. */
	public Optional<String> areaOf(GeoPoint point) {
		return lookup(point).found().map(n -> n.id().key());
	}

	/**
	 * The neighborhood offered to residents under this choice value (its stable key, as {@link #places} offers
	 * them); empty for any other value.
	 */
	public Optional<Neighborhood> chosen(String value) {
		if (value == null || value.isEmpty()) {
			return Optional.empty();
		}
		return map().flatMap(m -> m.all().stream().filter(n -> n.id().key().equals(value)).findFirst());
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
				// the value is the neighborhood's stable key, also the area of a report that picks it
				return all.stream().limit(60).map(n -> new Choice(n.id().key(), n.name())).toList();
			}

			@Override
			public Optional<GeoPoint> neighborhoodPoint(String value) {
				return map().flatMap(m -> m.all().stream()
					.filter(n -> n.id().key().equals(value))
					.findFirst()
					.flatMap(n -> m.interiorPoint(n.id())));
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

		/** No geocoder: typed cross streets are not looked up. */
		Geocoding NONE = new Geocoding() {

			@Override
			public boolean enabled() {
				return false;
			}

			@Override
			public Optional<GeoPoint> geocode(String text, double[] bounds) {
				return Optional.empty();
			}

		};

		boolean enabled();

		Optional<GeoPoint> geocode(String text, double[] bounds);

	}

}
