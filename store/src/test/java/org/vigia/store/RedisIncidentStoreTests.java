package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.ObserverId;

import static org.assertj.core.api.Assertions.assertThat;

class RedisIncidentStoreTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static RedisIncidentStore incidents;

	static RedisIncidentAssigner assigner;

	final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

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
	void replaceRefusesAStaleIncident() {
		var incident = assigner.assign(Reports.at(Reports.north(Reports.CORNER, 40_000), t0)).incident();
		var dispatched = transition(incident, IncidentState.DISPATCHED, "dispatched");
		var expired = transition(incident, IncidentState.EXPIRED, "deadline");

		assertThat(incidents.replace(dispatched, incident.history().size())).isTrue();
		assertThat(incidents.replace(expired, incident.history().size())).isFalse();
		assertThat(incidents.find(incident.id())).contains(dispatched);
	}

	@Test
	void openListsOnlyOpenIncidentsNewestFirst() {
		var older = assigner.assign(Reports.at(Reports.north(Reports.CORNER, 45_000), t0)).incident();
		var newer = assigner.assign(Reports.at(Reports.north(Reports.CORNER, 46_000), t0.plusSeconds(60))).incident();
		var closed = assigner.assign(Reports.at(Reports.north(Reports.CORNER, 47_000), t0)).incident();
		incidents.replace(transition(closed, IncidentState.NOT_ICE, "quorum:local-police"), 1);

		var open = incidents.open().stream().map(Incident::id).toList();

		assertThat(open).containsSubsequence(newer.id(), older.id()).doesNotContain(closed.id());
	}

	@Test
	void twoInstancesCountOneVerdictOnce() throws Exception {
		var incident = assigner.assign(Reports.at(Reports.north(Reports.CORNER, 50_000), t0)).incident();
		var stores = List.of(new RedisIncidentStore(server.newInstance(), server.keys()),
				new RedisIncidentStore(server.newInstance(), server.keys()));
		// 3 observers answer; every answer is delivered 4 times (Telegram retries, two instances)
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> jobs = new ArrayList<>();
			for (int copy = 0; copy < 4; copy++) {
				for (int o = 0; o < 3; o++) {
					var store = stores.get((copy + o) % 2);
					var observer = new ObserverId("obs" + o);
					jobs.add(pool.submit(() -> {
						start.await();
						return store.update(incident.id(), current -> addVerdict(current, observer));
					}));
				}
			}
			start.countDown();
			for (var job : jobs) {
				job.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		var stored = incidents.find(incident.id()).orElseThrow();
		assertThat(stored.verdicts()).extracting(v -> v.observer().value())
			.containsExactlyInAnyOrder("obs0", "obs1", "obs2");
		assertThat(stored.history()).hasSize(1 + 3);
	}

	@Test
	void retainSetsTheRemainingLifetime() {
		var incident = assigner.assign(Reports.at(Reports.north(Reports.CORNER, 55_000), t0)).incident();

		incidents.retain(incident.id(), Duration.ofMinutes(3));

		var ttl = server.newInstance().getExpire(server.keys().incident(incident.id()));
		assertThat(ttl).isBetween(1L, 180L);
	}

	@Test
	void aClosedIncidentIsFoundNearItsPlaceForAsLongAsItIsKept() {
		var place = Reports.north(Reports.CORNER, 60_000);
		var open = assigner.assign(Reports.at(place, t0)).incident();
		var policeThere = assigner.assign(Reports.at(Reports.north(place, 400), t0)).incident();
		var far = assigner.assign(Reports.at(Reports.north(place, 3_000), t0)).incident();
		for (Incident closing : List.of(policeThere, far)) {
			incidents.replace(transition(closing, IncidentState.NOT_ICE, "quorum:2-observers"), 1);
			incidents.retain(closing.id(), Duration.ofMinutes(3));
		}

		var found = incidents.recentlyClosed(place, 1_000);

		assertThat(found).extracting(Incident::id).containsExactly(policeThere.id()).doesNotContain(open.id());
		assertThat(found.get(0).state()).isEqualTo(IncidentState.NOT_ICE);
		var redis = server.newInstance();
		assertThat(redis.getExpire(server.keys().closedIncidents())).as("the list lives as long as its newest entry")
			.isBetween(1L, 180L);
	}

	@Test
	void aClosedIncidentThatExpiredIsDroppedFromTheList() {
		var place = Reports.north(Reports.CORNER, 70_000);
		var gone = assigner.assign(Reports.at(place, t0)).incident();
		incidents.replace(transition(gone, IncidentState.EXPIRED, "deadline:unverified"), 1);
		incidents.retain(gone.id(), Duration.ofMinutes(3));
		var redis = server.newInstance();
		redis.delete(server.keys().incident(gone.id()));

		assertThat(incidents.recentlyClosed(place, 1_000)).isEmpty();
		assertThat(redis.opsForZSet().score(server.keys().closedIncidents(), gone.id().value())).isNull();
	}

	private Incident addVerdict(Incident current, ObserverId observer) {
		if (current.answeredBy(observer)) {
			return current;
		}
		var verdicts = new ArrayList<>(current.verdicts());
		var at = t0.plusSeconds(60);
		verdicts.add(new Verdict(observer, VerdictKind.ICE_CONFIRMED, false, at, null));
		return current.withVerdicts(verdicts)
			.withHistory(List.of(new IncidentEvent(at, ActorKind.OBSERVER, current.state(), current.state(),
					"verdict:ice_confirmed")));
	}

	private Incident transition(Incident incident, IncidentState to, String reason) {
		return incident.withState(to,
				List.of(new IncidentEvent(t0.plusSeconds(30), ActorKind.SYSTEM, incident.state(), to, reason)));
	}

}
