package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.accompany.FamilyJoins;
import org.vigia.core.accompany.FamilyJoins.Outcome;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family contact opens the link the person forwarded, on the real Redis stores: it works once, for the
 * appointment it was given for, only once the request is confirmed and only until it expires; anything else
 * changes nothing.
 */
class FamilyJoinsTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static final TestClock clock = new TestClock(Instant.parse("2026-03-02T15:00:00Z"));

	static RedisAppointmentStore appointments;

	static RedisFamilyLinkStore store;

	static final FamilyLinks links = new FamilyLinks(RedisTestServer.SECRET);

	static FamilyJoins joins;

	static final Address SISTER = Address.telegramChat(7_000_321_001L);

	static final Address FRIEND = Address.telegramChat(7_000_321_002L);

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		var redis = server.newInstance();
		appointments = new RedisAppointmentStore(redis, server.keys(), new Pseudonyms(RedisTestServer.SECRET),
				new RedisStats(redis, server.keys(), clock), clock);
		store = new RedisFamilyLinkStore(redis, server.keys(), clock);
		joins = new FamilyJoins(links, store, appointments, clock);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aLinkWorksOnceAndOnlyAfterTheRequestIsConfirmed() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(3), 1);
		var link = links.issue(a.request().at(), clock.instant());

		assertThat(joins.join(link.code(), SISTER).outcome()).as("before confirmation").isEqualTo(Outcome.NOT_VALID);
		appointments.create(a);
		store.keep(link.pending(), a.id());
		var joined = joins.join(link.code(), SISTER);

		assertThat(joined.outcome()).isEqualTo(Outcome.JOINED);
		assertThat(joined.appointment().orElseThrow().family()).containsExactly(SISTER);
		assertThat(joins.join(link.code(), FRIEND).outcome()).as("reused").isEqualTo(Outcome.NOT_VALID);
		assertThat(appointments.find(a.id()).orElseThrow().family()).containsExactly(SISTER);
	}

	@Test
	void aForgedMalformedOrExpiredLinkChangesNothing() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(5), 1);
		appointments.create(a);
		var link = links.issue(a.request().at(), clock.instant());
		store.keep(link.pending(), a.id());

		assertThat(joins.join("f_AAAAAAAAAAAAAAAAAAAAAA", SISTER).outcome()).isEqualTo(Outcome.NOT_VALID);
		assertThat(joins.join("hola", SISTER).outcome()).isEqualTo(Outcome.NOT_A_LINK);
		assertThat(joins.join(null, SISTER).outcome()).isEqualTo(Outcome.NOT_A_LINK);
		assertThat(joins.join(link.code() + "x", SISTER).outcome()).isEqualTo(Outcome.NOT_A_LINK);
		clock.advance(Duration.ofHours(49));
		try {
			assertThat(joins.join(link.code(), SISTER).outcome()).as("expired").isEqualTo(Outcome.NOT_VALID);
		}
		finally {
			clock.advance(Duration.ofHours(-49));
		}
		assertThat(appointments.find(a.id()).orElseThrow().family()).isEmpty();
	}

	@Test
	void aContactWhoJoinedAlreadyOrACancelledAppointmentIsToldSo() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(2), 1);
		appointments.create(a);
		var first = links.issue(a.request().at(), clock.instant());
		var second = links.issue(a.request().at(), clock.instant());
		var third = links.issue(a.request().at(), clock.instant());
		for (var l : new FamilyLinks.Issued[] { first, second, third }) {
			store.keep(l.pending(), a.id());
		}

		assertThat(joins.join(first.code(), SISTER).outcome()).isEqualTo(Outcome.JOINED);
		assertThat(joins.join(second.code(), SISTER).outcome()).isEqualTo(Outcome.ALREADY);
		appointments.update(a.id(), x -> x.cancelByPerson(clock.instant()));
		assertThat(joins.join(third.code(), FRIEND).outcome()).isEqualTo(Outcome.GONE);
		assertThat(appointments.find(a.id()).orElseThrow().family()).containsExactly(SISTER);
	}

}
