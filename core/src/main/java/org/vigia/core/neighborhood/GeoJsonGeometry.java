package org.vigia.core.neighborhood;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Writes a repaired Polygon or MultiPolygon back as a GeoJSON geometry, positions as [longitude, latitude]. */
final class GeoJsonGeometry {

	private GeoJsonGeometry() {
	}

	/** A geometry as GeoJSON, for a repaired feature: what the map saves is what it uses. */
	@SuppressWarnings("unchecked")
	static JSONObject json(Geometry geometry) {
		var json = new JSONObject();
		var coordinates = new JSONArray();
		if (geometry instanceof Polygon polygon) {
			json.put("type", "Polygon");
			coordinates.addAll(rings(polygon));
		}
		else {
			json.put("type", "MultiPolygon");
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				coordinates.add(rings((Polygon) geometry.getGeometryN(i)));
			}
		}
		json.put("coordinates", coordinates);
		return json;
	}

	@SuppressWarnings("unchecked")
	private static JSONArray rings(Polygon polygon) {
		var rings = new JSONArray();
		for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
			var ring = new JSONArray();
			var positions = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r)).getCoordinates();
			for (Coordinate c : positions) {
				var position = new JSONArray();
				position.add(c.x);
				position.add(c.y);
				ring.add(position);
			}
			rings.add(ring);
		}
		return rings;
	}

}
