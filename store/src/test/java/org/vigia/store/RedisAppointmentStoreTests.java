package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.Appointment.Outcome;
import org.vigia.core.accompany.CheckInKind;
import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAppointmentStoreTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

	static final TestClock clock = new TestClock(START);

	static StringRedisTemplate redis;

	static RedisAppointmentStore appointments;

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		redis = server.newInstance();
		appointments = store(redis);
	}

	static RedisAppointmentStore store(StringRedisTemplate template) {
		return new RedisAppointmentStore(template, server.keys(), new Pseudonyms(RedisTestServer.SECRET),
				new RedisStats(template, server.keys(), clock), clock);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void anAppointmentsKeysExpireByThemselvesAnHourAfterItsRetentionAsASafetyNet() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(3), 1);

		appointments.create(a);

		assertThat(appointments.find(a.id())).contains(a);
		long ttl = redis.getExpire(server.keys().appointment(a.id().value()), TimeUnit.MILLISECONDS);
		Duration expected = Duration.ofDays(6).plus(RedisAppointmentStore.SAFETY_NET);
		assertThat(ttl).isBetween(expected.minusSeconds(5).toMillis(), expected.toMillis());
		for (String index : List.of(server.keys().appointmentsByTime(), server.keys().appointmentsRetention())) {
			assertThat(redis.getExpire(index, TimeUnit.MILLISECONDS)).as(index).isGreaterThanOrEqualTo(ttl - 1000);
		}
	}

	@Test
	void theAddressesOfThePersonAndTheFamilyAreStoredOnlyEncrypted() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(2), 1);
		appointments.create(a);
		appointments.update(a.id(), x -> x.familyJoined(Address.telegramChat(7_000_999_888L), clock.instant()));

		String raw = redis.opsForValue().get(server.keys().appointment(a.id().value()));

		assertThat(raw).doesNotContain(Long.toString(Accompaniments.PERSON_CHAT)).doesNotContain("7000999888")
			.contains("Rosa, chaqueta roja");
		assertThat(appointments.find(a.id()).orElseThrow().family()).containsExactly(Address.telegramChat(7_000_999_888L));
		assertThat(appointments.find(a.id()).orElseThrow().request().person())
			.isEqualTo(Address.telegramChat(Accompaniments.PERSON_CHAT));
	}

	@Test
	void whenManyAccompaniersAcceptAtOnceFromSeveralProcessesOnlyAsManyAsAskedForAreAssigned() throws Exception {
		var ids = new ArrayList<AccompanierId>();
		for (int i = 0; i < 8; i++) {
			ids.add(new AccompanierId("acc" + i));
		}
		var a = Accompaniments.appointment(clock.instant(), Duration.ofDays(2), 2).ask(ids, clock.instant()).appointment();
		appointments.create(a);
		var stores = List.of(store(server.newInstance()), store(server.newInstance()));

		var pool = Executors.newFixedThreadPool(8);
		try {
			var tasks = new ArrayList<Callable<Outcome>>();
			for (int i = 0; i < ids.size(); i++) {
				var who = ids.get(i);
				var store = stores.get(i % 2);
				tasks.add(() -> store.update(a.id(), x -> x.accept(who, clock.instant())).orElseThrow().outcome());
			}
			var outcomes = new ArrayList<Outcome>();
			for (var f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
				outcomes.add(f.get());
			}
			assertThat(outcomes).filteredOn(o -> o == Outcome.DONE).hasSize(2);
			assertThat(outcomes).filteredOn(o -> o == Outcome.FULL).hasSize(6);
		}
		finally {
			pool.shutdownNow();
		}
		var stored = appointments.find(a.id()).orElseThrow();
		assertThat(stored.assigned()).hasSize(2);
		assertThat(stored.history()).filteredOn(h -> h.event() == org.vigia.core.accompany.HistoryEntry.Event.ACCEPTED)
			.hasSize(2);
	}

	@Test
	void aStrangersCheckInChangesNothingStored() {
		var a = Accompaniments.appointment(clock.instant(), Duration.ofHours(1), 1)
			.assignByHand(new AccompanierId("ana"), clock.instant())
			.appointment();
		appointments.create(a);
		String before = redis.opsForValue().get(server.keys().appointment(a.id().value()));

		var change = appointments.update(a.id(), x -> x.checkIn(new AccompanierId("mallory"), CheckInKind.DETAINED,
				clock.instant()));

		assertThat(change.orElseThrow().outcome()).isEqualTo(Outcome.NOT_YOURS);
		assertThat(redis.opsForValue().get(server.keys().appointment(a.id().value()))).isEqualTo(before);
		assertThat(appointments.withCases()).extracting(Appointment::id).doesNotContain(a.id());
	}

	@Test
	void theConsoleListsAppointmentsOfAPeriodInTimeOrderAndCasesNewestFirst() {
		var later = Accompaniments.appointment(clock.instant(), Duration.ofDays(9).plusHours(2), 1);
		var sooner = Accompaniments.appointment(clock.instant(), Duration.ofDays(9), 1);
		var outside = Accompaniments.appointment(clock.instant(), Duration.ofDays(12), 1);
		for (var a : List.of(later, sooner, outside)) {
			appointments.create(a);
		}

		assertThat(appointments.between(START.plus(Duration.ofDays(9)), START.plus(Duration.ofDays(10))))
			.extracting(Appointment::id)
			.containsExactly(sooner.id(), later.id());
		assertThat(appointments.update(new org.vigia.core.accompany.AppointmentId("nosuchid"),
				x -> x.cancelByPerson(clock.instant()))).isEmpty();
	}

}
