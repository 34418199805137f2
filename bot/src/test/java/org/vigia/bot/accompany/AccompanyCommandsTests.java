package org.vigia.bot.accompany;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanyNotices;
import org.vigia.core.accompany.AccompanyRequest;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentKind;
import org.vigia.core.accompany.CheckInKind;
import org.vigia.core.accompany.Recognition;
import org.vigia.core.accompany.Venue;
import org.vigia.core.messaging.Address;
import org.vigia.store.RedisAccompanierStore;
import org.vigia.store.RedisAppointmentStore;
import org.vigia.store.RedisCommandStream;
import org.vigia.store.RedisStreams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's accompaniment commands on the real command stream, carried out by the running bot: the change is
 * stored once, and the people concerned are handed to the notices port (here a recording one, beside the bot's
 * own, whose messages AccompanimentEndToEndTests reads).
 */
class AccompanyCommandsTests {

	static final String PREFIX = "vigia-acccmd:";

	static final String SECRET = "accompany-commands-secret-0123456789";

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	static StringRedisTemplate redis;

	/** What the bot asked to tell people, in order: "assigned:{appointment}:{accompanier}", "closed:{appointment}". */
	static final List<String> told = new CopyOnWriteArrayList<>();

	static final class RecordingNotices implements AccompanyNotices {

		@Override
		public void assignedByHand(Appointment appointment, Accompanier accompanier) {
			told.add("assigned:" + appointment.id().value() + ":" + accompanier.id().value());
		}

		@Override
		public void caseClosed(Appointment appointment) {
			told.add("closed:" + appointment.id().value());
		}

	}

	@BeforeAll
	static void start() throws java.io.IOException {
		telegram = new FakeTelegram();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("recordingNotices", new RecordingNotices()))
			.run("--server.port=0", "--vigia.telegram.token=" + FakeTelegram.TOKEN,
					"--vigia.telegram.api-url=" + telegram.url(), "--vigia.telegram.poll-timeout=2s", "--vigia.redis.url=",
					"--vigia.redis.data-dir=" + data.resolve("r"), "--vigia.redis.prefix=" + PREFIX,
					"--vigia.redis.hash-secret=" + SECRET);
		redis = bot.getBean(StringRedisTemplate.class);
		var accompaniers = bot.getBean(RedisAccompanierStore.class);
		accompaniers.save(new Accompanier(new AccompanierId("ana"), "Ana", Set.of("es"), Set.of(Venue.ELSEWHERE),
				Address.telegramChat(770_000_101L)));
		accompaniers.save(new Accompanier(new AccompanierId("ben"), "Ben", Set.of("en"), Set.of(Venue.ELSEWHERE),
				Address.telegramChat(770_000_102L)));
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	static Appointment appointment(Duration ahead, int companions) {
		Instant now = Instant.now();
		var a = Appointment.open(AppointmentId.random(), new AccompanyRequest(AppointmentKind.ICE_CHECK_IN,
				Venue.typed("101 W Congress Pkwy"), now.plus(ahead), "es", companions, new Recognition("Rosa, gorra azul"),
				Address.telegramChat(770_000_001L), now));
		bot.getBean(RedisAppointmentStore.class).create(a);
		return a;
	}

	static Appointment stored(Appointment a) {
		return bot.getBean(RedisAppointmentStore.class).find(a.id()).orElseThrow();
	}

	static void command(Map<String, String> fields) {
		RedisStreams.append(redis, PREFIX + "commands", fields, RedisCommandStream.MAX_ENTRIES, RedisCommandStream.KEEP);
	}

	static List<Map<Object, Object>> events() {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(StreamOffset.fromStart(PREFIX + "events"));
		return records == null ? List.of() : records.stream().map(MapRecord::getValue).toList();
	}

	static Map<Object, Object> eventFor(String commandId) {
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> events().stream().anyMatch(e -> commandId.equals(e.get("command"))));
		return events().stream().filter(e -> commandId.equals(e.get("command"))).findFirst().orElseThrow();
	}

	@Test
	void aCoordinatorAssignsAnAccompanierByHandOnceAndTheyAreToBeTold() {
		var a = appointment(Duration.ofDays(2), 1);
		var assign = Map.of("id", "acc-assign-000001", "type", "accompany-assign", "appointment", a.id().value(),
				"accompanier", "ana", "reason", "Ana lives near the office", "actor", "rita");

		command(assign);
		command(assign);

		assertThat(eventFor("acc-assign-000001")).containsEntry("type", "command-done")
			.containsEntry("detail", "assigned")
			.containsEntry("appointment", a.id().value());
		assertThat(stored(a).assigned()).containsExactly(new AccompanierId("ana"));
		assertThat(told).containsOnlyOnce("assigned:" + a.id().value() + ":ana");
		assertThat(events()).filteredOn(e -> "acc-assign-000001".equals(e.get("command"))).hasSize(1);

		command(Map.of("id", "acc-assign-000002", "type", "accompany-assign", "appointment", a.id().value(),
				"accompanier", "ana", "reason", "again", "actor", "rita"));
		assertThat(eventFor("acc-assign-000002")).containsEntry("type", "command-done")
			.containsEntry("detail", "assigned already");
		command(Map.of("id", "acc-assign-000003", "type", "accompany-assign", "appointment", a.id().value(),
				"accompanier", "ben", "reason", "a second one", "actor", "rita"));
		assertThat(eventFor("acc-assign-000003")).containsEntry("type", "command-failed")
			.containsEntry("detail", "the appointment has all the accompaniers it asked for");
		assertThat(stored(a).assigned()).containsExactly(new AccompanierId("ana"));
		assertThat(told).containsOnlyOnce("assigned:" + a.id().value() + ":ana");
	}

	@Test
	void malformedOrImpossibleAssignmentsAreRefusedAndChangeNothing() {
		var a = appointment(Duration.ofDays(3), 2);
		command(Map.of("id", "acc-bad-000001", "type", "accompany-assign", "appointment", "../../etc",
				"accompanier", "ana"));
		command(Map.of("id", "acc-bad-000002", "type", "accompany-assign", "appointment", a.id().value(),
				"accompanier", "mallory"));
		command(Map.of("id", "acc-bad-000003", "type", "accompany-assign", "appointment", "nosuchappt",
				"accompanier", "ana"));
		command(Map.of("id", "acc-bad-000004", "type", "accompany-assign", "appointment", a.id().value(),
				"accompanier", "ana<script>"));

		assertThat(eventFor("acc-bad-000001")).containsEntry("detail", "missing or malformed appointment id");
		assertThat(eventFor("acc-bad-000002")).containsEntry("type", "command-failed")
			.containsEntry("detail", "no such accompanier");
		assertThat(eventFor("acc-bad-000003")).containsEntry("detail", "no such appointment");
		assertThat(eventFor("acc-bad-000004")).containsEntry("detail", "missing or malformed accompanier id");
		assertThat(stored(a).assigned()).isEmpty();
		assertThat(told).noneMatch(t -> t.contains(a.id().value()));
	}

	@Test
	void aCoordinatorClosesADetentionCaseWithAReason() {
		var a = appointment(Duration.ofMinutes(30), 1);
		var store = bot.getBean(RedisAppointmentStore.class);
		store.update(a.id(), x -> x.assignByHand(new AccompanierId("ana"), Instant.now()));
		store.update(a.id(), x -> x.checkIn(new AccompanierId("ana"), CheckInKind.DETAINED, Instant.now()));
		var noCase = appointment(Duration.ofDays(1), 1);

		command(Map.of("id", "acc-close-000001", "type", "accompany-close-case", "appointment", a.id().value(),
				"reason", "Released on bond; the family has him", "actor", "rita"));
		command(Map.of("id", "acc-close-000002", "type", "accompany-close-case", "appointment", noCase.id().value(),
				"reason", "x", "actor", "rita"));
		command(Map.of("id", "acc-close-000003", "type", "accompany-close-case", "appointment", a.id().value(),
				"reason", "  ", "actor", "rita"));

		assertThat(eventFor("acc-close-000001")).containsEntry("type", "command-done").containsEntry("detail", "case closed");
		assertThat(stored(a).detention().closeReason()).isEqualTo("Released on bond; the family has him");
		assertThat(told).containsOnlyOnce("closed:" + a.id().value());
		assertThat(eventFor("acc-close-000002")).containsEntry("type", "command-failed")
			.containsEntry("detail", "the appointment has no detention case");
		assertThat(eventFor("acc-close-000003")).containsEntry("type", "command-failed");
	}

	@Test
	void withoutAMessengerWiredTheAnswerSaysThatNobodyWasTold() {
		var a = appointment(Duration.ofDays(2), 1);
		var commands = new AccompanyCommands(bot.getBean(RedisAppointmentStore.class),
				bot.getBean(RedisAccompanierStore.class), List.of(), Clock.systemUTC());

		var result = commands.carryOut(AccompanyCommands.ASSIGN, Map.of("appointment", a.id().value(), "accompanier", "ben"),
				false);

		assertThat(result.done()).isTrue();
		assertThat(result.detail()).isEqualTo("assigned; nobody told: no messenger is wired for accompaniment yet");
		assertThat(stored(a).assigned()).containsExactly(new AccompanierId("ben"));
	}

	@Test
	void aStartingBotForgetsTheAppointmentsWhoseRetentionEndedAndCountsThem() throws java.io.IOException {
		Instant now = Instant.now();
		// 72 h and a minute after the appointment: its retention ended a minute ago, its keys would live an hour more
		var over = Appointment.open(AppointmentId.random(), new AccompanyRequest(AppointmentKind.COURT_HEARING,
				Venue.typed("55 E Monroe St"), now.minus(Duration.ofHours(72).plusMinutes(1)), "es", 1,
				new Recognition("Rosa"), Address.telegramChat(770_000_009L), now.minus(Duration.ofDays(5))));
		var store = bot.getBean(RedisAppointmentStore.class);
		store.create(over);
		var kept = appointment(Duration.ofDays(1), 1);
		var stats = bot.getBean(org.vigia.store.RedisStats.class);
		long before = stats.currentHour().getOrDefault("accompany-forgotten", 0L);
		int port = bot.getBean(org.vigia.store.RedisEndpoint.class).embedded().port();
		var second = new FakeTelegram();
		try (var another = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + second.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.redis.url=redis://127.0.0.1:" + port,
				"--vigia.redis.prefix=" + PREFIX, "--vigia.redis.hash-secret=" + SECRET)) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.find(over.id()).isEmpty());
			assertThat(stats.currentHour().getOrDefault("accompany-forgotten", 0L)).isEqualTo(before + 1);
			assertThat(store.find(kept.id())).isPresent();
		}
		finally {
			second.close();
		}
	}

}
