package org.vigia.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.vigia.core.cluster.ClusterIndex;
import org.vigia.core.cluster.InMemoryIncidentAssigner;
import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.cluster.MergeRule;
import org.vigia.core.cluster.Placement;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

/**
 * The cost of placing one report among many open incidents: the index query with the merge rule
 * ({@link ClusterIndex#nearest}), the same decision by a plain linear scan, and a whole
 * {@link InMemoryIncidentAssigner#assign} (restored afterwards, so the number of open incidents stays
 * steady), and that undo alone ({@link #closeAndRestore}).
 *
 * <p>Incidents are spread over four metro areas (Chicago, Austin, San José, Los Angeles), half of them
 * around each downtown (normal, a sixth of the box as deviation), half uniformly over the box, opened
 * within the last 40 minutes. Half the reports fall within 250 m of an incident (they join), half are
 * drawn like the incidents (in the denser cases they join too). Run:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Clustering -f 1 -wi 2 -i 3 -w 2s -r 2s -jvmArgs -Xmx4g
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClusteringBenchmark {

	static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");

	/** south, north, west, east, downtown latitude, downtown longitude. */
	static final double[][] METROS = { { 41.64, 42.02, -87.94, -87.52, 41.8781, -87.6298 },
			{ 30.10, 30.52, -97.94, -97.56, 30.2672, -97.7431 },
			{ 37.20, 37.47, -122.05, -121.75, 37.3382, -121.8863 },
			{ 33.70, 34.34, -118.67, -118.15, 34.0522, -118.2437 } };

	static final int REPORTS = 4096;

	static final VigiaSettings.Clustering SETTINGS = VigiaSettings.Clustering.DEFAULTS;

	/** The open incidents and the reports to place, shared by every benchmark. */
	@State(Scope.Benchmark)
	public static class Scene {

		@Param({ "1000", "100000", "1000000" })
		public int incidents;

		/**
		 * {@code metros}: every incident in four metro areas, so density grows with N (a stress case);
		 * {@code nationwide}: uniform over the contiguous United States, so a larger N is more places at the
		 * same local density, as a larger network would be: this isolates the index's own scaling.
		 */
		@Param({ "metros", "nationwide" })
		public String spread;

		Incident[] open;

		Report[] reports;

		GeoPoint place(Random random) {
			if ("nationwide".equals(spread)) {
				return GeoPoint.of(25 + random.nextDouble() * 24, -124 + random.nextDouble() * 57);
			}
			return metroPoint(random);
		}

		@Setup(Level.Trial)
		public void build() {
			Random random = new Random(20260314);
			this.open = new Incident[this.incidents];
			for (int i = 0; i < this.incidents; i++) {
				Instant at = NOW.minus(Duration.ofSeconds(random.nextInt(40 * 60)));
				this.open[i] = IncidentMerge.open(new IncidentId("i" + i), report("o" + i, place(random), at));
			}
			this.reports = new Report[REPORTS];
			for (int i = 0; i < REPORTS; i++) {
				GeoPoint at = (i % 2 == 0) ? near(this.open[random.nextInt(this.incidents)].anchor(), random)
						: place(random);
				this.reports[i] = report("q" + i, at, NOW);
			}
		}

	}

	/** The index alone, and the same incidents as flat arrays for the linear scan. */
	@State(Scope.Thread)
	public static class Indexed {

		final MergeRule rule = new MergeRule(SETTINGS);

		ClusterIndex index;

		double[] lat;

		double[] lon;

		long[] openedAt;

		long[] lastReportAt;

		IncidentId[] ids;

		int next;

		@Setup(Level.Trial)
		public void build(Scene scene) {
			this.index = new ClusterIndex(this.rule);
			int n = scene.open.length;
			this.lat = new double[n];
			this.lon = new double[n];
			this.openedAt = new long[n];
			this.lastReportAt = new long[n];
			this.ids = new IncidentId[n];
			for (int i = 0; i < n; i++) {
				Incident incident = scene.open[i];
				this.index.put(incident);
				this.lat[i] = incident.anchor().latitude();
				this.lon[i] = incident.anchor().longitude();
				this.openedAt[i] = incident.openedAt().toEpochMilli();
				this.lastReportAt[i] = incident.lastReportAt().toEpochMilli();
				this.ids[i] = incident.id();
			}
			for (int i = 0; i < 200; i++) {
				Report report = scene.reports[i];
				if (!this.index.nearest(report).equals(Optional.ofNullable(scan(this, report)))) {
					throw new IllegalStateException("index and linear scan disagree on report " + i);
				}
			}
		}

	}

	/** A whole assigner holding the open incidents; each placement is undone to keep their number steady. */
	@State(Scope.Thread)
	public static class Assigning {

		InMemoryIncidentAssigner assigner;

		final Map<IncidentId, Incident> originals = new HashMap<>();

		int next;

		@Setup(Level.Trial)
		public void build(Scene scene) {
			this.assigner = new InMemoryIncidentAssigner(SETTINGS, () -> new IncidentId("new"),
					Clock.fixed(NOW, ZoneOffset.UTC));
			for (Incident incident : scene.open) {
				this.assigner.update(incident);
				this.originals.put(incident.id(), incident);
			}
		}

	}

	@Benchmark
	public Optional<IncidentId> indexQueryAndRule(Scene scene, Indexed state) {
		return state.index.nearest(scene.reports[state.next++ & (REPORTS - 1)]);
	}

	@Benchmark
	public IncidentId linearScan(Scene scene, Indexed state) {
		return scan(state, scene.reports[state.next++ & (REPORTS - 1)]);
	}

	@Benchmark
	public Placement assignAndUndo(Scene scene, Assigning state) {
		Placement placement = state.assigner.assign(scene.reports[state.next++ & (REPORTS - 1)]);
		IncidentId id = placement.incident().id();
		state.assigner.close(id);
		if (!placement.opened()) {
			state.assigner.update(state.originals.get(id));
		}
		return placement;
	}

	/**
	 * The undo of {@link #assignAndUndo} alone (closing an incident and restoring it), so that the cost of
	 * {@code assign} itself is the difference of the two.
	 */
	@Benchmark
	public void closeAndRestore(Scene scene, Assigning state) {
		Incident incident = scene.open[state.next++ % scene.open.length];
		state.assigner.close(incident.id());
		state.assigner.update(incident);
	}

	/** The rule over every incident: the same test as the index, nearest wins, ties to the smallest id. */
	static IncidentId scan(Indexed s, Report report) {
		double lat = report.location().latitude();
		double lon = report.location().longitude();
		double cosLat = Math.cos(Math.toRadians(lat));
		double radius = s.rule.radiusMeters();
		long window = s.rule.window().toMillis();
		long seenAt = report.seenAt().toEpochMilli();
		long receivedAt = report.receivedAt().toEpochMilli();
		int best = -1;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (int i = 0; i < s.lat.length; i++) {
			double dLon = s.lon[i] - lon;
			dLon = (dLon > 180) ? dLon - 360 : (dLon < -180) ? dLon + 360 : dLon;
			double x = Math.toRadians(dLon) * cosLat;
			double y = Math.toRadians(s.lat[i] - lat);
			double d = Distances.EARTH_RADIUS_METERS * Math.sqrt(x * x + y * y);
			if (d > radius || Math.max(seenAt - s.lastReportAt[i], s.openedAt[i] - receivedAt) > window) {
				continue;
			}
			if (d < bestDistance
					|| (d == bestDistance && s.ids[i].value().compareTo(s.ids[best].value()) < 0)) {
				best = i;
				bestDistance = d;
			}
		}
		return (best < 0) ? null : s.ids[best];
	}

	static GeoPoint metroPoint(Random random) {
		double[] m = METROS[random.nextInt(METROS.length)];
		if (random.nextBoolean()) {
			return GeoPoint.of(m[0] + random.nextDouble() * (m[1] - m[0]), m[2] + random.nextDouble() * (m[3] - m[2]));
		}
		double lat = clamp(m[4] + random.nextGaussian() * (m[1] - m[0]) / 6, m[0], m[1]);
		double lon = clamp(m[5] + random.nextGaussian() * (m[3] - m[2]) / 6, m[2], m[3]);
		return GeoPoint.of(lat, lon);
	}

	/** A point up to 250 m from {@code anchor} (small offsets, so a flat approximation is fine here). */
	static GeoPoint near(GeoPoint anchor, Random random) {
		double meters = random.nextDouble() * 250;
		double bearing = random.nextDouble() * 2 * Math.PI;
		double perDegree = Math.toRadians(1) * Distances.EARTH_RADIUS_METERS;
		double dLat = meters * Math.cos(bearing) / perDegree;
		double dLon = meters * Math.sin(bearing) / (perDegree * Math.cos(Math.toRadians(anchor.latitude())));
		return GeoPoint.of(anchor.latitude() + dLat, anchor.longitude() + dLon);
	}

	static Report report(String id, GeoPoint at, Instant receivedAt) {
		return new Report(new ReportId(id), ReportKind.VEHICLES_WAITING, at, null, null, Recency.NOW, receivedAt, receivedAt,
				Sighting.UNKNOWN, null, null, new Pseudonym("p" + id), "en");
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
