package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.CheckInKind;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.accompany.Schedule;
import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's retention: everything about an appointment is forgotten 72 hours after it, a detention case 30 days
 * after it opened; then only counts remain. Each test has a Redis of its own, so that "nothing is left" means it.
 */
class AccompanyRetentionTests {

	@TempDir
	Path data;

	RedisTestServer server;

	StringRedisTemplate redis;

	final TestClock clock = new TestClock(Instant.parse("2026-03-02T15:00:00Z"));

	RedisAppointmentStore appointments;

	RedisFamilyLinkStore links;

	RedisDueSchedule schedule;

	RedisStats stats;

	final FamilyLinks familyLinks = new FamilyLinks(RedisTestServer.SECRET);

	@BeforeEach
	void start() {
		server = RedisTestServer.start(data);
		redis = server.newInstance();
		stats = new RedisStats(redis, server.keys(), clock);
		appointments = new RedisAppointmentStore(redis, server.keys(), new Pseudonyms(RedisTestServer.SECRET), stats,
				clock);
		links = new RedisFamilyLinkStore(redis, server.keys(), clock);
		schedule = new RedisDueSchedule(redis, server.keys(), clock);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	/** An appointment in three days with everything the request and the day write: links, schedule, a check-in. */
	Appointment requestedAndAccompanied() {
		var ana = new AccompanierId("ana");
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(3), 1).ask(List.of(ana), clock.instant())
			.appointment();
		appointments.create(a);
		var used = familyLinks.issue(a.request().at(), clock.instant());
		var unused = familyLinks.issue(a.request().at(), clock.instant());
		links.keep(used.pending(), a.id());
		links.keep(unused.pending(), a.id());
		assertThat(links.take(used.hash())).contains(a.id());
		appointments.update(a.id(), x -> x.familyJoined(Address.telegramChat(7_000_555_444L), clock.instant()));
		appointments.update(a.id(), x -> x.accept(ana, clock.instant()));
		schedule.schedule(Schedule.of(a, clock.instant()));
		return a;
	}

	@Test
	void seventyTwoHoursAfterTheAppointmentNothingIsLeftButCounts() {
		var a = requestedAndAccompanied();
		clock.advance(Duration.ofDays(3).minusMinutes(5));
		appointments.update(a.id(), x -> x.checkIn(new AccompanierId("ana"), CheckInKind.MET, clock.instant()));
		assertThat(every(redis)).allSatisfy(key -> assertThat(ttl(key)).as(key).isPositive());

		clock.advance(Duration.ofHours(72).minusMinutes(1));
		assertThat(appointments.forgetExpired()).as("a minute before the 72 hours").isZero();
		clock.advance(Duration.ofMinutes(7));
		assertThat(appointments.forgetExpired()).isEqualTo(1);

		assertThat(every(redis)).allSatisfy(key -> assertThat(key).startsWith(server.keys().prefix() + "stats:"));
		assertThat(appointments.find(a.id())).isEmpty();
		assertThat(schedule.takeDue(10)).isEmpty();
		var counts = stats.currentHour();
		assertThat(counts).containsEntry("accompany-forgotten", 1L).containsEntry("accompany-covered", 1L)
			.doesNotContainKey("accompany-detained");
	}

	@Test
	void aDetentionCaseIsKeptThirtyDaysAndThenOnlyCounted() {
		var a = requestedAndAccompanied();
		clock.advance(Duration.ofDays(3).plusMinutes(20));
		appointments.update(a.id(), x -> x.checkIn(new AccompanierId("ana"), CheckInKind.DETAINED, clock.instant()));
		long ttl = ttl(server.keys().appointment(a.id().value()));
		Duration expected = Duration.ofDays(30).plus(RedisAppointmentStore.SAFETY_NET);
		assertThat(ttl).isBetween(expected.minusSeconds(5).toMillis(), expected.toMillis());

		clock.advance(Duration.ofDays(4));
		assertThat(appointments.forgetExpired()).isZero();
		assertThat(appointments.withCases()).extracting(Appointment::id).containsExactly(a.id());
		appointments.update(a.id(), x -> x.closeCase("Released on bond", clock.instant()));

		clock.advance(Duration.ofDays(26));
		assertThat(appointments.forgetExpired()).isEqualTo(1);
		assertThat(every(redis)).allSatisfy(key -> assertThat(key).startsWith(server.keys().prefix() + "stats:"));
		assertThat(stats.currentHour()).containsEntry("accompany-detained", 1L);
	}

	@Test
	void aFamilyLinkWorksOnceAndAForgedOrMalformedOneFindsNothing() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(3), 1);
		appointments.create(a);
		var link = familyLinks.issue(a.request().at(), clock.instant());
		links.keep(link.pending(), a.id());

		assertThat(ttl(server.keys().familyLink(link.hash()))).isBetween(Duration.ofHours(48).minusSeconds(5).toMillis(),
				Duration.ofHours(48).toMillis());
		assertThat(links.take(familyLinks.hash("f_AAAAAAAAAAAAAAAAAAAAAA"))).as("forged").isEmpty();
		assertThat(links.take("not-a-hash")).as("malformed").isEmpty();
		assertThat(links.take(link.hash())).contains(a.id());
		assertThat(links.take(link.hash())).as("reused").isEmpty();
		assertThat(every(redis)).noneMatch(key -> key.contains(link.code().substring(2)));
	}

	@Test
	void remindersTheDeadlineAndCoverageWarningsAreHandedOutOnceWhenTheyAreDue() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(3), 1);
		schedule.schedule(Schedule.of(a, clock.instant()));
		var other = new RedisDueSchedule(server.newInstance(), server.keys(), clock);

		assertThat(schedule.takeDue(10)).isEmpty();
		clock.advance(Duration.ofDays(2));
		assertThat(other.takeDue(10)).extracting(d -> d.kind().name())
			.containsExactly("UNCOVERED_48H", "REMIND_DAY_BEFORE", "UNCOVERED_24H");
		assertThat(schedule.takeDue(10)).isEmpty();
		clock.advance(Duration.ofDays(1).plusMinutes(30));
		assertThat(schedule.takeDue(10)).extracting(d -> d.kind().name())
			.containsExactly("REMIND_TWO_HOURS", "CHECK_IN_DEADLINE");
		assertThat(other.takeDue(10)).isEmpty();
	}

	@Test
	void twoBotProcessesSweepingAtOnceCountEachAppointmentOnce() throws Exception {
		for (int i = 0; i < 20; i++) {
			appointments.create(Accompaniments.appointment(clock.instant(), Duration.ofHours(1 + i), 1));
		}
		var other = new RedisAppointmentStore(server.newInstance(), server.keys(), new Pseudonyms(RedisTestServer.SECRET),
				new RedisStats(redis, server.keys(), clock), clock);
		clock.advance(Duration.ofDays(5));

		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(appointments::forgetExpired);
			var second = pool.submit(other::forgetExpired);
			assertThat(first.get() + second.get()).isEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stats.currentHour()).containsEntry("accompany-forgotten", 20L).containsEntry("accompany-uncovered", 20L);
		assertThat(every(redis)).allSatisfy(key -> assertThat(key).startsWith(server.keys().prefix() + "stats:"));
	}

	private List<String> every(StringRedisTemplate template) {
		return server.keysNow(template);
	}

	private long ttl(String key) {
		return redis.getExpire(key, TimeUnit.MILLISECONDS);
	}

}
