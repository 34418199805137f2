package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.cluster.Placement;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;

import static org.assertj.core.api.Assertions.assertThat;

class RedisIncidentAssignerTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static RedisIncidentAssigner assigner;

	static RedisIncidentStore incidents;

	/** Each test's scenes on a day of their own: the tests share one Redis, and a day apart nothing merges. */
	static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();

	final Instant t0 = Instant.parse("2026-03-01T10:00:00Z").plus(java.time.Duration.ofDays(DAYS.incrementAndGet()));

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		var redis = server.newInstance();
		incidents = new RedisIncidentStore(redis, server.keys());
		assigner = server.assigner(redis, incidents);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void ingestStoresTheReportWithItsPlacement() {
		var reports = new RedisReportStore(server.newInstance(), server.keys());
		var place = Reports.north(Reports.CORNER, 35_000);
		var first = Reports.at(place, t0);
		var second = Reports.at(Reports.north(place, 20), t0.plusSeconds(5));

		var opened = assigner.ingest(first, Duration.ofHours(12));
		var joined = assigner.ingest(second, Duration.ofHours(12));

		assertThat(reports.findAll(List.of(first.id(), second.id()))).containsExactly(first, second);
		assertThat(joined.incident().id()).isEqualTo(opened.incident().id());
		assertThat(joined.incident().reports()).containsExactly(first.id(), second.id());
	}

	@Test
	void replayedReportChangesNothing() {
		var report = Reports.at(Reports.north(Reports.CORNER, 20_000), t0);
		var first = assigner.assign(report);
		var again = assigner.assign(report);

		assertThat(again.incident()).isEqualTo(first.incident());
		assertThat(incidents.find(first.incident().id()).orElseThrow().reports()).containsExactly(report.id());
	}

	@Test
	void closedIncidentTakesNoMoreReports() {
		var place = Reports.north(Reports.CORNER, 25_000);
		var first = assigner.assign(Reports.at(place, t0)).incident();
		var closed = first.withState(IncidentState.UNFOUNDED, List.of(new IncidentEvent(t0.plusSeconds(60),
				ActorKind.OBSERVER, first.state(), IncidentState.UNFOUNDED, "quorum:nothing-there")));
		assertThat(incidents.replace(closed, first.history().size())).isTrue();

		var next = assigner.assign(Reports.at(place, t0.plusSeconds(120)));

		assertThat(next.opened()).isTrue();
		assertThat(incidents.open()).extracting(i -> i.id()).doesNotContain(first.id());
	}

	@Test
	void twoInstancesNeverOpenTwoIncidentsForOneScene() throws Exception {
		var place = Reports.north(Reports.CORNER, 30_000);
		List<RedisIncidentAssigner> instances = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			var redis = server.newInstance();
			instances.add(new RedisIncidentAssigner(redis, server.keys(), new RedisIncidentStore(redis, server.keys()),
					VigiaSettings.Clustering.DEFAULTS, org.vigia.core.cluster.Areas.NONE, Duration.ofHours(12)));
		}
		int writers = 8;
		int perWriter = 40;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<List<Placement>>> results = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				var instance = instances.get(w % 2);
				int writer = w;
				Callable<List<Placement>> job = () -> {
					start.await();
					var placed = new ArrayList<Placement>();
					for (int i = 0; i < perWriter; i++) {
						// all within 100 m of the scene: one incident
						double offset = ((writer * perWriter + i) % 100) - 50;
						placed.add(instance.assign(Reports.at(Reports.north(place, offset), t0.plusSeconds(i))));
					}
					return placed;
				};
				results.add(pool.submit(job));
			}
			start.countDown();
			Set<String> ids = new HashSet<>();
			Set<ReportId> placedReports = new HashSet<>();
			int opened = 0;
			for (var result : results) {
				for (Placement p : result.get()) {
					ids.add(p.incident().id().value());
					opened += p.opened() ? 1 : 0;
					placedReports.add(p.incident().reports().get(p.incident().reports().size() - 1));
				}
			}
			assertThat(ids).hasSize(1);
			assertThat(opened).isEqualTo(1);
			var stored = incidents.find(new org.vigia.core.incident.IncidentId(ids.iterator().next())).orElseThrow();
			assertThat(stored.reports()).hasSize(writers * perWriter).doesNotHaveDuplicates();
			assertThat(stored.history()).hasSize(writers * perWriter);
		}
		finally {
			pool.shutdownNow();
		}
	}

	static Report report(Instant at) {
		return Reports.at(Reports.CORNER, at);
	}

}
