package org.vigia.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.neighborhood.NeighborhoodMap;

/**
 * Neighborhood lookup among thousands of polygons: {@link NeighborhoodMap#lookup} (STRtree of prepared
 * polygons, exact {@code covers}) against a plain linear scan over the same prepared polygons.
 *
 * <p>Data: a jittered {@code cols × rows} grid over the Chicago area (about 0.8° × 0.5°), each cell an
 * irregular polygon of 4 corners plus 5 wobbly points per edge (24 vertices); neighbours share their
 * edges exactly, as real neighborhood files do. 4 096 lookup points, seeded, 90 % inside the grid and
 * 10 % outside it. Each invocation looks up all 4 096 points. Run:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar NeighborhoodLookup -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class NeighborhoodLookupBenchmark {

	static final int POINTS = 4096;

	static final int WOBBLE = 5;

	static final double WEST = -88.3, SOUTH = 41.6, WIDTH = 0.8, HEIGHT = 0.5;

	/** Polygons: 100 × 50 = 5 000. */
	@Param({ "5000" })
	int polygons;

	NeighborhoodMap map;

	List<PreparedGeometry> linear;

	GeoPoint[] points;

	Point[] jtsPoints;

	@Setup
	public void setUp() {
		int cols = (int) Math.round(Math.sqrt(polygons * 2.0));
		int rows = polygons / cols;
		var random = new Random(42);
		double[][][] corners = new double[cols + 1][rows + 1][];
		for (int c = 0; c <= cols; c++) {
			for (int r = 0; r <= rows; r++) {
				double jx = (c == 0 || c == cols) ? 0 : (random.nextDouble() - 0.5) * 0.3;
				double jy = (r == 0 || r == rows) ? 0 : (random.nextDouble() - 0.5) * 0.3;
				corners[c][r] = new double[] { WEST + (c + jx) * WIDTH / cols, SOUTH + (r + jy) * HEIGHT / rows };
			}
		}
		var factory = new GeometryFactory();
		var features = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
		linear = new ArrayList<>();
		for (int c = 0; c < cols; c++) {
			for (int r = 0; r < rows; r++) {
				List<double[]> ring = new ArrayList<>();
				double[][] cell = { corners[c][r], corners[c + 1][r], corners[c + 1][r + 1], corners[c][r + 1] };
				for (int k = 0; k < 4; k++) {
					ring.add(cell[k]);
					ring.addAll(edge(cell[k], cell[(k + 1) % 4]));
				}
				ring.add(cell[0]);
				if (c + r > 0) {
					features.append(',');
				}
				features.append("{\"type\":\"Feature\",\"properties\":{\"name\":\"Cell ").append(c).append('-').append(r)
					.append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
				var coordinates = new Coordinate[ring.size()];
				for (int i = 0; i < ring.size(); i++) {
					double[] p = ring.get(i);
					features.append(i > 0 ? "," : "").append('[').append(p[0]).append(',').append(p[1]).append(']');
					coordinates[i] = new Coordinate(p[0], p[1]);
				}
				features.append("]]}}");
				linear.add(PreparedGeometryFactory.prepare(factory.createPolygon(coordinates)));
			}
		}
		map = NeighborhoodMap.fromGeoJson(features.append("]}").toString());
		points = new GeoPoint[POINTS];
		jtsPoints = new Point[POINTS];
		for (int i = 0; i < POINTS; i++) {
			boolean inside = random.nextDouble() < 0.9;
			double lon = inside ? WEST + random.nextDouble() * WIDTH : WEST - 0.5 + random.nextDouble() * 0.4;
			double lat = SOUTH + random.nextDouble() * HEIGHT;
			points[i] = GeoPoint.of(lat, lon);
			jtsPoints[i] = factory.createPoint(new Coordinate(lon, lat));
		}
	}

	/**
	 * Points along an edge with a small sideways wobble that depends only on the edge, so the two cells
	 * that share it produce the same points (in opposite order).
	 */
	static List<double[]> edge(double[] a, double[] b) {
		boolean forward = a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
		double[] from = forward ? a : b;
		double[] to = forward ? b : a;
		var seed = new Random(Double.hashCode(from[0]) * 31L + Double.hashCode(from[1]) * 17L + Double.hashCode(to[0]));
		double dx = to[0] - from[0], dy = to[1] - from[1];
		var points = new ArrayList<double[]>();
		for (int i = 1; i <= WOBBLE; i++) {
			double t = (double) i / (WOBBLE + 1);
			double side = (seed.nextDouble() - 0.5) * 0.08;
			points.add(new double[] { from[0] + t * dx - side * dy, from[1] + t * dy + side * dx });
		}
		if (!forward) {
			java.util.Collections.reverse(points);
		}
		return points;
	}

	@Benchmark
	@OperationsPerInvocation(POINTS)
	public void indexedLookup(Blackhole hole) {
		for (GeoPoint p : points) {
			hole.consume(map.lookup(p));
		}
	}

	@Benchmark
	@OperationsPerInvocation(POINTS)
	public void linearScan(Blackhole hole) {
		for (Point p : jtsPoints) {
			int found = -1;
			for (int i = 0; i < linear.size(); i++) {
				if (linear.get(i).covers(p)) {
					found = i;
					break;
				}
			}
			hole.consume(found);
		}
	}

}
