package org.vigia.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.cluster.IncidentAssigner;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;

import redis.embedded.RedisServer;

/**
 * Load driver, not a test (its name does not end in Tests, so {@code verify} does not run it): what it costs
 * to thank a resident only once a replica holds the report ({@link Replicas}, {@code WAIT 1 250}). Four
 * threads (the bot's update workers) share one connection, as the bot does, and each saves and places
 * reports as {@code ReportIntake} does: without waiting and waiting with a replica connected (twice, in turn), and with the
 * replica stopped (nothing waits then; the replica count is read first). A primary and a replica run on
 * loopback. Prints throughput and latency per mode; BENCHMARKS.md records the figures.
 *
 * <p>Run: {@code ./mvnw -q -pl store -am test -Dtest=ReplicaWaitLoad -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dload.threads=1} for the latency of one report alone)
 */
class ReplicaWaitLoad {

	private static final int THREADS = Integer.getInteger("load.threads", 4), WARMUP = 2_000,
			MEASURED = Integer.getInteger("load.reports", 5_000);

	@Test
	void replicaWait() throws Exception {
		Path data = Files.createTempDirectory("vigia-wait");
		int primaryPort = freePort(), replicaPort = freePort();
		var primary = node(data.resolve("primary"), primaryPort, null);
		var replica = node(data.resolve("replica"), replicaPort, primaryPort);
		var connection = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", primaryPort));
		connection.afterPropertiesSet();
		connection.start();
		try {
			var redis = new StringRedisTemplate(connection);
			redis.afterPropertiesSet();
			var keys = new RedisKeys("vigia-wait:");
			var reports = new RedisReportStore(redis, keys);
			var assigner = new RedisIncidentAssigner(redis, keys, new RedisIncidentStore(redis, keys),
					VigiaSettings.Clustering.DEFAULTS, org.vigia.core.cluster.Areas.NONE, Duration.ofHours(1));
			var waiting = new Replicas(redis, Duration.ofMillis(250), Clock.systemUTC()).acknowledged(assigner);
			run("warm-up", reports, assigner, WARMUP);
			run("no wait", reports, assigner, MEASURED);
			run("WAIT 1, replica connected", reports, waiting, MEASURED);
			// again, so that a drift during the run (the JIT, the data growing, the machine's load) shows
			run("no wait, again", reports, assigner, MEASURED);
			run("WAIT 1, again", reports, waiting, MEASURED);
			replica.stop();
			run("WAIT 1, replica stopped", reports, waiting, MEASURED);
		}
		finally {
			connection.destroy();
			primary.stop();
			replica.stop();
		}
	}

	private static void run(String mode, RedisReportStore reports, IncidentAssigner assigner, int perThread)
			throws InterruptedException {
		var latencies = new long[THREADS * perThread];
		var next = new AtomicInteger();
		var done = new CountDownLatch(THREADS);
		long start = System.nanoTime();
		for (int t = 0; t < THREADS; t++) {
			new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					// scenes spread over the city, a new incident for most reports, as in a surge at many places
					int n = next.getAndIncrement();
					var report = Reports.at(new GeoPoint(41.80 + (n % 400) * 0.002, -87.70 + (n / 400 % 50) * 0.002),
							Instant.now());
					long began = System.nanoTime();
					reports.save(report, Duration.ofHours(1));
					assigner.assign(report);
					latencies[n] = System.nanoTime() - began;
				}
				done.countDown();
			}).start();
		}
		done.await();
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		System.out.printf(Locale.ROOT, "WAIT %-26s | %6d reports, %7.0f reports/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
				mode, latencies.length, latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
				latencies[latencies.length * 99 / 100] / 1e6, latencies[latencies.length - 1] / 1e6);
	}

	private static RedisServer node(Path dir, int port, Integer primary) throws IOException {
		Files.createDirectories(dir);
		var builder = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("dir " + dir)
			.setting("appendonly yes").setting("appendfsync everysec").setting("save \"\"");
		if (primary != null) {
			builder.setting("replicaof 127.0.0.1 " + primary);
		}
		var server = builder.build();
		server.start();
		return server;
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
