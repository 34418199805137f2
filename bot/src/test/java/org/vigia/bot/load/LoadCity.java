package org.vigia.bot.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.vigia.core.geo.GeoPoint;

/**
 * The load driver's city: a 10 × 10 grid of rectangular neighborhoods over the Chicago area, each with its
 * own channel ({@code @load_n0} … {@code @load_n99}) and language, and 50 scenes at the centres of every
 * other cell (a checkerboard).
 *
 * <p>Design note: cells are 0.09° of longitude by 0.07° of latitude (about 7.5 km × 7.8 km), so a scene is
 * about 3.7 km from the nearest border: far beyond the 250 m channel buffer (each scene posts to exactly
 * one channel, which may take one post per 3 s), and every observer of another scene is more than 6 km
 * away, beyond even the widened dispatch radius (a scene only ever asks its own observers).
 */
final class LoadCity {

	static final int COLUMNS = 10;

	static final int ROWS = 10;

	static final int SCENES = 50;

	private static final double SOUTH = 41.50, WEST = -88.25, CELL_LAT = 0.07, CELL_LON = 0.09;

	/** One scene: its cell, and the channel that must get exactly one post. */
	record Scene(int index, int cell, GeoPoint center, String channel) {
	}

	private final List<Scene> scenes = new ArrayList<>();

	LoadCity() {
		for (int cell = 0; cell < ROWS * COLUMNS && scenes.size() < SCENES; cell++) {
			int row = cell / COLUMNS, column = cell % COLUMNS;
			if ((row + column) % 2 == 0) {
				scenes.add(new Scene(scenes.size(), cell, center(row, column), channel(cell)));
			}
		}
	}

	List<Scene> scenes() {
		return scenes;
	}

	static String channel(int cell) {
		return "@load_n" + cell;
	}

	/** A point within {@code meters} of the scene's centre (north and east offsets drawn uniformly). */
	static GeoPoint near(Scene scene, double meters, SplittableRandom random) {
		double north = (random.nextDouble() * 2 - 1) * meters, east = (random.nextDouble() * 2 - 1) * meters;
		double lat = scene.center().latitude() + north / 111_320.0;
		double lon = scene.center().longitude() + east / (111_320.0 * Math.cos(Math.toRadians(lat)));
		return GeoPoint.of(lat, lon);
	}

	/** Writes the grid as a GeoJSON FeatureCollection, as a network would upload it. */
	Path write(Path dir) throws IOException {
		return write(dir, false);
	}

	/**
	 * The Signal group of a scene's cell ({@code signal_group}): 32 bytes in base64, as signal-cli prints group
	 * ids.
	 */
	static String signalGroup(int cell) {
		byte[] id = String.format(Locale.ROOT, "vigia load storm signal group%03d", cell).getBytes(StandardCharsets.US_ASCII);
		return java.util.Base64.getEncoder().encodeToString(id);
	}

	/** The grid, and with {@code signalGroups} each scene's cell names its Signal group beside its channel. */
	Path write(Path dir, boolean signalGroups) throws IOException {
		var sceneCells = new java.util.HashSet<Integer>();
		scenes.forEach(s -> sceneCells.add(s.cell()));
		var features = new ArrayList<String>();
		for (int cell = 0; cell < ROWS * COLUMNS; cell++) {
			double south = SOUTH + (cell / COLUMNS) * CELL_LAT, west = WEST + (cell % COLUMNS) * CELL_LON;
			double north = south + CELL_LAT, east = west + CELL_LON;
			String ring = String.format(Locale.ROOT, "[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]",
					west, south, east, south, east, north, west, north, west, south);
			String group = signalGroups && sceneCells.contains(cell) ? ",\"signal_group\":\"" + signalGroup(cell) + "\"" : "";
			features.add(String.format(Locale.ROOT,
					"{\"type\":\"Feature\",\"properties\":{\"name\":\"Load cell %d\",\"id\":\"n%d\",\"channel\":\"%s\"%s,"
							+ "\"language\":\"%s\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[%s]}}",
					cell, cell, channel(cell), group, cell % 2 == 0 ? "es" : "en", ring));
		}
		Path file = dir.resolve("load-neighborhoods.geojson");
		Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}",
				StandardCharsets.UTF_8);
		return file;
	}

	private static GeoPoint center(int row, int column) {
		return GeoPoint.of(SOUTH + (row + 0.5) * CELL_LAT, WEST + (column + 0.5) * CELL_LON);
	}

}
