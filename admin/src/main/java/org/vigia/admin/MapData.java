package org.vigia.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisNeighborhoodText;

/**
 * What the map draws: the neighborhoods as saved, and the open incidents at their centers with their
 * state (never who reported). The tile server is a setting and may be empty: polygons alone then.
 */
@RestController
class MapData {

	private final RedisNeighborhoodText neighborhoods;

	private final RedisIncidentStore incidents;

	private final String tiles;

	MapData(RedisNeighborhoodText neighborhoods, RedisIncidentStore incidents,
			@org.springframework.beans.factory.annotation.Value("${vigia.admin.map-tiles:}") String tiles) {
		this.neighborhoods = neighborhoods;
		this.incidents = incidents;
		this.tiles = tiles;
	}

	@GetMapping(path = "/map/neighborhoods.geojson", produces = MediaType.APPLICATION_JSON_VALUE)
	String neighborhoods() {
		return neighborhoods.load().orElse("{\"type\":\"FeatureCollection\",\"features\":[]}");
	}

	@GetMapping("/map/incidents.json")
	List<Map<String, Object>> incidents() {
		return incidents.open().stream().map(i -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", i.id().value());
			item.put("state", i.state().name());
			item.put("kind", i.kind().name());
			item.put("reports", i.reports().size());
			item.put("lat", i.center().approximate(4).latitude());
			item.put("lon", i.center().approximate(4).longitude());
			return item;
		}).toList();
	}

	/** The state of one incident, for its page to notice a change it may have missed between events. */
	@GetMapping("/map/incident/{id}")
	Map<String, String> state(@org.springframework.web.bind.annotation.PathVariable String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}")) {
			return Map.of("state", "");
		}
		return Map.of("state", incidents.find(new org.vigia.core.incident.IncidentId(id))
			.map(i -> i.state().name())
			.orElse(""));
	}

	@GetMapping("/map/settings.json")
	Map<String, String> settings() {
		return Map.of("tiles", tiles);
	}

}
