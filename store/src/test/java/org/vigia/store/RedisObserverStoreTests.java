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

	@Test
	void anObserverOnDutyInANeighborhoodHasNoPositionAndLosesTheNeighborhoodWithTheDuty() {
		var place = Reports.north(Reports.CORNER, 80_000);
		var dee = new ObserverId("dee");
		var eve = new ObserverId("eve");
		observers.onDutyIn(dee, "pilsen000001", place, Duration.ofMinutes(30));
		observers.onDutyIn(eve, "pilsen000001", place, Duration.ofMinutes(30));

		assertThat(observers.isOnDuty(dee)).isTrue();
		assertThat(observers.dutyArea(dee)).contains("pilsen000001");
		// where in the neighborhood is not known: no position to measure "how far from you" with
		assertThat(observers.position(dee)).isEmpty();
		assertThat(observers.onDutyAreas()).containsEntry(dee, "pilsen000001").containsEntry(eve, "pilsen000001");
		// the store's search still finds them at the point kept for the neighborhood
		assertThat(observers.nearestOnDuty(place, 100, 5)).extracting(n -> n.id().value()).contains("dee", "eve");

		// a precise place replaces the neighborhood; off duty removes it
		observers.onDuty(dee, place, Duration.ofMinutes(30));
		assertThat(observers.dutyArea(dee)).isEmpty();
		assertThat(observers.position(dee)).isPresent();
		observers.offDuty(eve);
		assertThat(observers.dutyArea(eve)).isEmpty();
		assertThat(observers.onDutyAreas()).doesNotContainKeys(dee, eve);

		observers.onDutyIn(eve, "pilsen000001", place, Duration.ofMinutes(30));
		clock.advance(Duration.ofMinutes(31));
		assertThat(observers.dutyArea(eve)).isEmpty();
		assertThat(observers.onDutyAreas()).doesNotContainKey(eve);
		assertThat(observers.nearestOnDuty(place, 100, 5)).extracting(n -> n.id().value()).doesNotContain("eve");
	}

	@Test
	void dutiesEndingSoonAreListedAndEachEndIsRemindedOnce() {
		var place = Reports.north(Reports.CORNER, 90_000);
		var soon = new ObserverId("soon");
		var later = new ObserverId("later");
		observers.onDutyIn(soon, "pilsen000001", place, Duration.ofMinutes(10));
		observers.onDutyIn(later, "pilsen000001", place, Duration.ofMinutes(40));
		Instant now = clock.instant();

		var ending = observers.dutyEndingBy(now.plus(Duration.ofMinutes(15)));
		assertThat(ending).containsEntry(soon, now.plus(Duration.ofMinutes(10))).doesNotContainKey(later);

		assertThat(observers.claimDutyReminder(soon, ending.get(soon))).isTrue();
		assertThat(observers.claimDutyReminder(soon, ending.get(soon))).isFalse();
		// renewed: another end, another reminder
		observers.onDutyIn(soon, "pilsen000001", place, Duration.ofMinutes(12));
		assertThat(observers.claimDutyReminder(soon, now.plus(Duration.ofMinutes(12)))).isTrue();

		observers.offDuty(soon);
		assertThat(observers.dutyEndingBy(now.plus(Duration.ofMinutes(15)))).doesNotContainKey(soon);
		observers.offDuty(later);
	}

	private static Observer observer(String id, long chat, boolean lead) {
		return new Observer(new ObserverId(id), "Alias " + id, Long.toString(chat), lead, "es", Instant.parse("2026-01-01T00:00:00Z"));
	}

}
