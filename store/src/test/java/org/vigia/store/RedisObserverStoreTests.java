package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;

import static org.assertj.core.api.Assertions.assertThat;

class RedisObserverStoreTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

	static RedisObserverStore observers;

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		observers = new RedisObserverStore(server.newInstance(), server.keys(), clock);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void findsObserversByIdAndByChat() {
		var ana = observer("ana", 1001, true);
		observers.save(ana);
		observers.save(observer("ben", 1002, false));

		assertThat(observers.find(ana.id())).contains(ana);
		assertThat(observers.findByChat("1001")).contains(ana);
		assertThat(observers.all()).extracting(o -> o.id().value()).contains("ana", "ben");
	}

	@Test
	void revokedObserverIsGoneWithTheirPosition() {
		var cy = observer("cy", 1003, false);
		observers.save(cy);
		observers.onDuty(cy.id(), Reports.CORNER, Duration.ofHours(2));

		observers.revoke(cy.id());

		assertThat(observers.find(cy.id())).isEmpty();
		assertThat(observers.findByChat("1003")).isEmpty();
		assertThat(observers.isOnDuty(cy.id())).isFalse();
		assertThat(observers.nearestOnDuty(Reports.CORNER, 1_000, 10)).extracting(NearbyObserver::id)
			.doesNotContain(cy.id());
	}

	@Test
	void nearestOnDutyComesNearestFirstWithinTheRadius() {
		var place = Reports.north(Reports.CORNER, 60_000);
		observers.onDuty(new ObserverId("far"), Reports.north(place, 2_500), Duration.ofHours(2));
		observers.onDuty(new ObserverId("near"), Reports.north(place, 400), Duration.ofHours(2));
		observers.onDuty(new ObserverId("mid"), Reports.north(place, 1_200), Duration.ofHours(2));
		observers.onDuty(new ObserverId("out"), Reports.north(place, 3_500), Duration.ofHours(2));
		observers.onDuty(new ObserverId("gone"), Reports.north(place, 100), Duration.ofHours(2));
		observers.offDuty(new ObserverId("gone"));

		var nearest = observers.nearestOnDuty(place, 3_000, 5);

		assertThat(nearest).extracting(n -> n.id().value()).containsExactly("near", "mid", "far");
		assertThat(nearest.get(0).meters()).isBetween(395.0, 405.0);
		assertThat(observers.nearestOnDuty(place, 3_000, 2)).hasSize(2);
	}

	@Test
	void aPositionThatWasNotRefreshedExpires() {
		var place = Reports.north(Reports.CORNER, 70_000);
		var stale = new ObserverId("stale");
		var fresh = new ObserverId("fresh");
		observers.onDuty(stale, place, Duration.ofMinutes(30));
		clock.advance(Duration.ofMinutes(20));
		observers.onDuty(fresh, place, Duration.ofMinutes(30));
		clock.advance(Duration.ofMinutes(15));

		assertThat(observers.isOnDuty(stale)).isFalse();
		assertThat(observers.isOnDuty(fresh)).isTrue();
		assertThat(observers.nearestOnDuty(place, 500, 5)).extracting(n -> n.id().value()).containsExactly("fresh");
	}

	private static Observer observer(String id, long chat, boolean lead) {
		return new Observer(new ObserverId(id), "Alias " + id, Long.toString(chat), lead, "es", Instant.parse("2026-01-01T00:00:00Z"));
	}

}
