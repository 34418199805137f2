package org.vigia.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.cluster.Areas;
import org.vigia.core.cluster.Placement;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisSettings;

/**
 * The cost of placing one report among N open incidents on the path the bot runs: {@link RedisIncidentAssigner}
 * (the merge script, and the compare-and-set of a join) on the embedded Redis, over loopback, one thread.
 *
 * <p>Incidents are spread over four metro areas (Chicago, Austin, San José, Los Angeles: half around each
 * downtown, normal with a sixth of the box as deviation, half uniform over the box), or uniformly over the
 * contiguous United States; opened within the last 40 minutes, with areas of 0.1° × 0.1° (about 10 km) as
 * the neighborhoods. Of the reports, half fall within 250 m of an incident (they join), three eighths are
 * drawn like the incidents (they open one, or join where incidents are dense), one eighth name the area of
 * an incident instead of a point (they join the most recent incident of that area). A report that opened an
 * incident closes it again (one more script call, in the measured time) so that N stays steady; joins are
 * not undone, so incidents grow by a few reports over a run. Run:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Clustering -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ClusteringBenchmark {

	static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");

	/** south, north, west, east, downtown latitude, downtown longitude. */
	static final double[][] METROS = { { 41.64, 42.02, -87.94, -87.52, 41.8781, -87.6298 },
			{ 30.10, 30.52, -97.94, -97.56, 30.2672, -97.7431 },
			{ 37.20, 37.47, -122.05, -121.75, 37.3382, -121.8863 },
			{ 33.70, 34.34, -118.67, -118.15, 34.0522, -118.2437 } };

	static final int REPORTS = 4096;

	/** The areas: cells of 0.1°, named by their indices. */
	static final Areas GRID = point -> Optional.of("g" + (long) Math.floor(point.latitude() * 10) + "_"
			+ (long) Math.floor(point.longitude() * 10 + 3600));

	@Param({ "1000", "10000", "100000" })
	public int incidents;

	/**
	 * {@code metros}: every incident in four metro areas, so density grows with N (a stress case);
	 * {@code nationwide}: a larger N is more places at the same local density, as a larger network would be.
	 */
	@Param({ "metros", "nationwide" })
	public String spread;

	Path data;

	RedisEndpoint endpoint;

	LettuceConnectionFactory factory;

	RedisIncidentStore store;

	RedisIncidentAssigner assigner;

	Report[] reports;

	int next;

	long placed;

	long opened;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.data = Files.createTempDirectory("vigia-clustering-benchmark");
		this.endpoint = RedisEndpoint.from(new RedisSettings("", "bench:", Duration.ofSeconds(5), Duration.ofSeconds(5),
				this.data, "clustering-benchmark-secret", Duration.ofSeconds(15), Duration.ZERO, Duration.ofMinutes(15)));
		this.factory = this.endpoint.connectionFactory(Duration.ofSeconds(5), Duration.ofSeconds(5));
		this.factory.afterPropertiesSet();
		this.factory.start();
		var redis = new StringRedisTemplate(this.factory);
		redis.afterPropertiesSet();
		var keys = new RedisKeys("bench:");
		this.store = new RedisIncidentStore(redis, keys);
		this.assigner = new RedisIncidentAssigner(redis, keys, this.store, VigiaSettings.Clustering.DEFAULTS, GRID,
				Duration.ofHours(12));
		Random random = new Random(20260314);
		// filled in batches on a few threads (the reports are drawn in order, so the scene is the same each run);
		// a report that lands near an incident joins it, so batches go on until N incidents are open
		var anchors = new java.util.ArrayList<GeoPoint>();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			for (int batch = 0; anchors.size() < this.incidents; batch++) {
				var fill = new java.util.ArrayList<java.util.concurrent.Callable<Placement>>();
				for (int i = 0; i < Math.min(2_000, this.incidents - anchors.size()); i++) {
					Instant at = NOW.minus(Duration.ofSeconds(random.nextInt(40 * 60)));
					Report report = report("o" + batch + "-" + i, place(random), at, null);
					fill.add(() -> this.assigner.assign(report));
				}
				for (var placed : pool.invokeAll(fill)) {
					Placement placement = placed.get();
					if (placement.opened()) {
						anchors.add(placement.incident().anchor());
					}
				}
			}
		}
		catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("could not fill the incidents", ex);
		}
		finally {
			pool.shutdownNow();
		}
		this.reports = new Report[REPORTS];
		for (int i = 0; i < REPORTS; i++) {
			GeoPoint anchor = anchors.get(random.nextInt(anchors.size()));
			this.reports[i] = switch (i % 8) {
				case 0, 2, 4, 6 -> report("q" + i, near(anchor, random), NOW, null);
				case 7 -> report("q" + i, anchor, NOW, GRID.areaOf(anchor).orElseThrow());
				default -> report("q" + i, place(random), NOW, null);
			};
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		System.out.printf("%nCLUSTERING incidents=%d spread=%s placed=%d opened=%d (%.1f %%)%n", this.incidents,
				this.spread, this.placed, this.opened, 100.0 * this.opened / Math.max(1, this.placed));
		this.factory.destroy();
		this.endpoint.close();
		try (var files = Files.walk(this.data)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (UncheckedIOException ex) {
			// a temporary folder left behind is harmless
		}
	}

	/** Places the next report (a fresh id, so it is never a replay) and closes the incident it opened, if any. */
	@Benchmark
	public Incident placeReport() {
		Report template = this.reports[this.next++ & (REPORTS - 1)];
		Report report = new Report(new ReportId("b" + this.placed), template.kind(), template.location(), null,
				template.area(), template.recency(), template.seenAt(), template.receivedAt(), template.sighting(), null,
				null, template.reporter(), template.language());
		Placement placement = this.assigner.assign(report);
		this.placed++;
		if (placement.opened()) {
			this.opened++;
			Incident incident = placement.incident();
			this.store.replace(incident.withState(IncidentState.EXPIRED, List.of(new IncidentEvent(NOW, ActorKind.SYSTEM,
					IncidentState.NEW, IncidentState.EXPIRED, "benchmark"))), incident.history().size());
		}
		return placement.incident();
	}

	GeoPoint place(Random random) {
		if ("nationwide".equals(this.spread)) {
			return GeoPoint.of(25 + random.nextDouble() * 24, -124 + random.nextDouble() * 57);
		}
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

	static Report report(String id, GeoPoint at, Instant receivedAt, String area) {
		return new Report(new ReportId(id), ReportKind.VEHICLES_WAITING, at, null, area, Recency.NOW, receivedAt,
				receivedAt, Sighting.UNKNOWN, null, null, new Pseudonym("p" + id), "en");
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
