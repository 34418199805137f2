package org.vigia.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.core.report.Uniform;

/**
 * Load driver, not a test (its name does not end in Tests, so {@code verify} does not run it): report
 * ingest through the Redis adapters, as the bot does it for each submitted report:
 * {@link RedisIncidentAssigner#ingest} stores the report and assigns it to an incident (the Lua decision
 * over the GEO index in one script, plus the compare-and-set when it joins one).
 * Two client threads, each with its own connection (two bot instances). Then Redis memory per stored
 * report and per on-duty observer. Prints a summary; BENCHMARKS.md records the figures.
 *
 * <p>Run: {@code ./mvnw -q -pl store -am test -Dtest=RedisIngestLoad -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dload.reports=50000} to change the measured count per thread).
 */
class RedisIngestLoad {

	private static final int THREADS = 2;

	@Test
	void ingest() throws Exception {
		int warmup = Integer.getInteger("load.warmup", 10_000);
		int measured = Integer.getInteger("load.reports", 40_000);
		Path data = Files.createTempDirectory("vigia-load");
		try (var server = RedisTestServer.start(data)) {
			var clients = new ArrayList<Client>();
			for (int t = 0; t < THREADS; t++) {
				clients.add(new Client(server.newInstance(), server.keys(), t));
			}
			run(clients, warmup);
			var admin = server.newInstance();
			long memoryBefore = usedMemory(admin);
			long start = System.nanoTime();
			long[][] latencies = run(clients, measured);
			double seconds = (System.nanoTime() - start) / 1e9;
			long memoryAfter = usedMemory(admin);

			long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
			var out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "reports=%d threads=%d throughput=%.0f/s p50=%.3fms p99=%.3fms p999=%.3fms max=%.3fms%n",
					all.length, THREADS, all.length / seconds, ms(all, 0.50), ms(all, 0.99), ms(all, 0.999),
					all[all.length - 1] / 1e6));
			out.append(memoryPerReport(admin, server.keys(), clients.get(0).sample, memoryAfter - memoryBefore, all.length));
			out.append(memoryPerObserver(server, admin));
			Properties stats = admin.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
			stats.forEach((k, v) -> {
				if (k.toString().contains("evalsha") || k.toString().contains("hset")) {
					out.append(k).append(' ').append(v).append('\n');
				}
			});
			System.out.println("=== Redis ingest ===\n" + out);
		}
	}

	private static long[][] run(List<Client> clients, int perThread) throws Exception {
		var go = new CountDownLatch(1);
		long[][] latencies = new long[clients.size()][];
		var threads = new ArrayList<Thread>();
		var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
		for (int t = 0; t < clients.size(); t++) {
			int index = t;
			var thread = new Thread(() -> {
				try {
					go.await();
					latencies[index] = clients.get(index).ingest(perThread);
				}
				catch (Throwable ex) {
					failure.set(ex);
				}
			});
			thread.start();
			threads.add(thread);
		}
		go.countDown();
		for (var thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("load client failed", failure.get());
		}
		return latencies;
	}

	/** One bot instance: its own connection, its own stream of reports across a 30 km wide city. */
	static final class Client {

		static final AtomicLong clock = new AtomicLong(Instant.parse("2026-03-01T08:00:00Z").toEpochMilli());

		final RedisIncidentAssigner assigner;

		final SplittableRandom random;

		final int id;

		final List<ReportId> sample = new ArrayList<>();

		int sequence;

		Client(StringRedisTemplate redis, RedisKeys keys, int id) {
			this.assigner = new RedisIncidentAssigner(redis, keys, new RedisIncidentStore(redis, keys),
					VigiaSettings.Clustering.DEFAULTS, org.vigia.core.cluster.Areas.NONE, Duration.ofHours(12));
			this.random = new SplittableRandom(id);
			this.id = id;
		}

		long[] ingest(int count) {
			long[] latencies = new long[count];
			for (int i = 0; i < count; i++) {
				Report report = next();
				long start = System.nanoTime();
				assigner.ingest(report, Duration.ofHours(12));
				latencies[i] = System.nanoTime() - start;
				if (sample.size() < 200 && i % 50 == 0) {
					sample.add(report.id());
				}
			}
			return latencies;
		}

		/** A report every 500 ms of virtual time overall: a busy day of a big network. */
		private Report next() {
			var at = Instant.ofEpochMilli(clock.addAndGet(500));
			var where = new GeoPoint(37.60 + random.nextDouble() * 0.27, -122.55 + random.nextDouble() * 0.34);
			sequence++;
			return new Report(new ReportId("L" + id + "x" + sequence), ReportKind.values()[random.nextInt(6)], where,
					random.nextInt(3) == 0 ? "Mission St & 24th St" : null, null, Recency.NOW, at, at,
					new Sighting(CountRange.standingFor(random.nextInt(8)),
							CountRange.standingFor(random.nextInt(4)), Set.of(Uniform.ICE)),
					random.nextInt(2) == 0 ? "two unmarked vans, agents in vests" : null, null,
					new Pseudonym("h" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())), "es");
		}

	}

	private static String memoryPerReport(StringRedisTemplate redis, RedisKeys keys, List<ReportId> sample,
			long usedDelta, int reports) {
		long reportBytes = 0;
		for (ReportId id : sample) {
			reportBytes += memoryUsage(redis, keys.report(id));
		}
		long incidents = redis.opsForZSet().zCard(keys.openIncidentsLastReport());
		long geo = memoryUsage(redis, keys.openIncidentAnchors());
		long zset = memoryUsage(redis, keys.openIncidentsLastReport());
		return String.format(Locale.ROOT,
				"memory: report key %d B (MEMORY USAGE, mean of %d); used_memory growth %d B per ingested report "
						+ "(report + its share of incidents and indexes); %d open incidents, index %d B per incident%n",
				reportBytes / sample.size(), sample.size(), usedDelta / reports, incidents, (geo + zset) / incidents);
	}

	private static String memoryPerObserver(RedisTestServer server, StringRedisTemplate redis) {
		var keys = server.keys();
		var observers = new RedisObserverStore(redis, keys, java.time.Clock.systemUTC());
		var random = new SplittableRandom(7);
		int n = 10_000;
		long before = usedMemory(redis);
		for (int i = 0; i < n; i++) {
			observers.onDuty(new ObserverId("o" + i),
					new GeoPoint(37.60 + random.nextDouble() * 0.27, -122.55 + random.nextDouble() * 0.34),
					Duration.ofHours(2));
		}
		long geo = memoryUsage(redis, keys.onDutyPositions());
		long expiry = memoryUsage(redis, keys.onDutyExpiry());
		return String.format(Locale.ROOT,
				"on-duty observers: %d; GEO set %d B + expiry ZSET %d B = %d B per on-duty observer (used_memory growth %d B)%n",
				n, geo, expiry, (geo + expiry) / n, (usedMemory(redis) - before) / n);
	}

	private static final org.springframework.data.redis.core.script.RedisScript<Long> MEMORY_USAGE = org.springframework.data.redis.core.script.RedisScript
		.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);

	private static long memoryUsage(StringRedisTemplate redis, String key) {
		Long answer = redis.execute(MEMORY_USAGE, List.of(key));
		return answer == null ? 0 : answer;
	}

	private static long usedMemory(StringRedisTemplate redis) {
		Properties info = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("memory"));
		return Long.parseLong(info.getProperty("used_memory"));
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}
