package org.vigia.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.vigia.core.neighborhood.NeighborhoodText;
import org.vigia.core.observer.ObserverStore;

/**
 * What the map draws: a base map, the neighborhoods, the open incidents (state, reports, how long ago, where
 * in words) and the on-duty observers. The base map is the console's own PMTiles file
 * (ADMIN_MAP_PMTILES), served here with range requests, so that no third party learns what dispatchers look
 * at and it works without internet; an online tile server (ADMIN_MAP_TILES) is the alternative for those who
 * accept it; with neither, polygons on a plain background.
 */
@RestController
class MapData {

	private final NeighborhoodText neighborhoods;

	private final IncidentViews views;

	private final ObserverStore observers;

	private final MessageSource messages;

	private final String tiles;

	private final Path pmtiles;

	MapData(NeighborhoodText neighborhoods, IncidentViews views, ObserverStore observers,
			MessageSource messages, @Value("${vigia.admin.map-tiles:}") String tiles,
			@Value("${vigia.admin.map-pmtiles:}") String pmtiles) {
		this.neighborhoods = neighborhoods;
		this.views = views;
		this.observers = observers;
		this.messages = messages;
		this.tiles = tiles;
		this.pmtiles = pmtiles.isBlank() ? null : Path.of(pmtiles.strip());
		if (this.pmtiles != null && !Files.isReadable(this.pmtiles)) {
			throw new IllegalStateException("ADMIN_MAP_PMTILES names a file that cannot be read: " + this.pmtiles);
		}
	}

	@GetMapping(path = "/map/neighborhoods.geojson", produces = MediaType.APPLICATION_JSON_VALUE)
	String neighborhoods() {
		return neighborhoods.load().orElse("{\"type\":\"FeatureCollection\",\"features\":[]}");
	}

	@GetMapping("/map/incidents.json")
	List<Map<String, Object>> incidents(Locale locale) {
		return views.open().stream().map(v -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", v.id());
			item.put("ref", v.ref());
			item.put("state", v.state().name());
			// a practice scene says so first, and the map draws it apart (map.js)
			item.put("drill", v.drill());
			item.put("label", (v.drill() ? messages.getMessage("console.drills.badge", null, locale) + " · " : "")
					+ messages.getMessage("console.kind." + v.kind().name(), null, locale) + " · "
					+ messages.getMessage("console.state." + v.state().name(), null, locale));
			item.put("where", v.where());
			item.put("reports", messages.getMessage("console.incidents.reportCount", new Object[] { v.reports() }, locale));
			item.put("ago", views.ago(v.openedAt(), locale));
			item.put("lat", v.latitude());
			item.put("lon", v.longitude());
			return item;
		}).toList();
	}

	/** On-duty observers: alias, lead, position to about 10 m. They consented to it while on duty. */
	@GetMapping("/map/observers.json")
	List<Map<String, Object>> observers(Locale locale) {
		String lead = messages.getMessage("console.observers.leadYes", null, locale);
		var out = new java.util.ArrayList<Map<String, Object>>();
		observers.onDutyPositions().forEach((id, position) -> observers.find(id).ifPresent(o -> {
			var p = position.approximate(4);
			out.add(Map.of("label", o.alias() + (o.lead() ? " (" + lead + ")" : ""), "lat", p.latitude(), "lon",
					p.longitude()));
		}));
		return out;
	}

	@GetMapping("/map/settings.json")
	Map<String, Object> settings(Locale locale) {
		return Map.of("tiles", tiles, "pmtiles", pmtiles == null ? "" : "map/basemap.pmtiles", "lang",
				locale.getLanguage());
	}

	/** The base map file; Spring answers range requests on it (206 with the bytes asked for). */
	@GetMapping("/map/basemap.pmtiles")
	ResponseEntity<Resource> basemap() {
		if (pmtiles == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
			.body(new FileSystemResource(pmtiles));
	}

}
