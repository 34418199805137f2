package org.vigia.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.neighborhood.NeighborhoodMap;

/**
 * The simulated city's ground: the neighborhoods GeoJSON the engine is given, and random places inside it, each
 * neighborhood drawn in proportion to its area (its bounding box's, then rejection inside the polygon by the
 * engine's own {@link NeighborhoodMap}).
 */
final class CityMap {

	private record Box(String name, double south, double west, double north, double east) {

		double area() {
			return (north - south) * (east - west) * Math.cos(Math.toRadians((north + south) / 2));
		}

	}

	private final NeighborhoodMap map;

	private final List<Box> boxes = new ArrayList<>();

	private final double totalArea;

	CityMap(String geoJson) {
		this.map = NeighborhoodMap.fromGeoJson(geoJson);
		JsonNode root = JsonMapper.builder().build().readTree(geoJson);
		for (JsonNode feature : root.path("features")) {
			double[] box = { 90, 180, -90, -180 };
			bounds(feature.path("geometry").path("coordinates"), box);
			if (box[0] < box[2]) {
				boxes.add(new Box(feature.path("properties").path("name").asString(""), box[0], box[1], box[2], box[3]));
			}
		}
		if (boxes.isEmpty()) {
			throw new IllegalArgumentException("the neighborhoods file has no polygon to put a city in");
		}
		totalArea = boxes.stream().mapToDouble(Box::area).sum();
	}

	private static void bounds(JsonNode coordinates, double[] box) {
		if (coordinates.isArray() && coordinates.size() >= 2 && coordinates.get(0).isNumber()) {
			double lon = coordinates.get(0).asDouble();
			double lat = coordinates.get(1).asDouble();
			box[0] = Math.min(box[0], lat);
			box[1] = Math.min(box[1], lon);
			box[2] = Math.max(box[2], lat);
			box[3] = Math.max(box[3], lon);
			return;
		}
		for (JsonNode child : coordinates) {
			bounds(child, box);
		}
	}

	/** A place inside the city, uniformly by area. */
	GeoPoint randomPlace(Random random) {
		double pick = random.nextDouble() * totalArea;
		Box box = boxes.get(boxes.size() - 1);
		for (Box b : boxes) {
			pick -= b.area();
			if (pick <= 0) {
				box = b;
				break;
			}
		}
		for (int attempt = 0; attempt < 10_000; attempt++) {
			var point = GeoPoint.of(box.south + random.nextDouble() * (box.north - box.south),
					box.west + random.nextDouble() * (box.east - box.west));
			if (map.lookup(point).found().isPresent()) {
				return point;
			}
		}
		throw new IllegalStateException("no place found inside " + box.name());
	}

	/** A place about {@code meters} from {@code center} in a random direction (Gaussian per axis). */
	static GeoPoint near(GeoPoint center, double meters, Random random) {
		double north = random.nextGaussian() * meters;
		double east = random.nextGaussian() * meters;
		return offset(center, north, east);
	}

	static GeoPoint offset(GeoPoint from, double northMeters, double eastMeters) {
		double lat = from.latitude() + northMeters / 111_320.0;
		double lon = from.longitude() + eastMeters / (111_320.0 * Math.cos(Math.toRadians(from.latitude())));
		return GeoPoint.of(Math.max(-89.9, Math.min(89.9, lat)), Math.max(-179.9, Math.min(179.9, lon)));
	}

}
