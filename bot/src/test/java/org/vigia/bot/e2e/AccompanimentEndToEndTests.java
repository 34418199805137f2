package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;
import org.vigia.bot.messages.Choice;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanyRequest;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentKind;
import org.vigia.core.accompany.Recognition;
import org.vigia.core.accompany.Venue;
import org.vigia.core.messaging.Address;
import org.vigia.store.RedisAccompanierStore;
import org.vigia.store.RedisAppointmentStore;
import org.vigia.store.RedisCommandStream;
import org.vigia.store.RedisStats;
import org.vigia.store.RedisStreams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 end to end, from the bot started as a whole against the fake Bot API, on a clock the test moves: a
 * Spanish-speaking person asks for two volunteers for a hearing in three days and forwards the family link; the
 * contact joins; two accompaniers are asked, one accepts, one declines, and a third who joins later is offered the
 * appointment and accepts; reminders come when the clock reaches them; an accompanier reports "detained" and the
 * family contact, the coordinator and the other accompanier are told, each in their language, with the legal-help
 * text; nothing reaches any channel; once the case's retention ends, only counts are left. Bad input at each step
 * (a past date, an A-number, forged and stale buttons, a forged and a reused family link, strangers pressing
 * accompaniers' buttons) changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccompanimentEndToEndTests {

	static final String PREFIX = "vigia-accompany-e2e:";

	static final long PERSON = 7_301_001, FAMILY = 7_301_002, STRANGER = 7_301_003;

	/** People of the second test: one who cancels (and her family contact), one nobody answers. */
	static final long PERSON_2 = 7_301_004, PERSON_3 = 7_301_005, FAMILY_2 = 7_301_006;

	/** The person of the fourth test, whose appointment nobody takes at first. */
	static final long PERSON_4 = 7_301_007;

	static final long ANA = 7_302_001, BEN = 7_302_002, CARLA = 7_302_003;

	static final String PLACES = """
			{"type":"FeatureCollection","features":[
			{"type":"Feature","properties":{"name":"Chicago Immigration Court","address":"525 W Van Buren St, Chicago","kind":"court",
			 "arrival":"Meet at the Van Buren St entrance; security takes 20 minutes"},
			 "geometry":{"type":"Point","coordinates":[-87.6393,41.8764]}},
			{"type":"Feature","properties":{"name":"ICE Chicago Field Office","address":"101 W Congress Pkwy, Chicago","kind":"ice_office"},
			 "geometry":{"type":"Point","coordinates":[-87.6311,41.8757]}}]}""";

	/** Tuesday 1 December 2026, 9:00 in Chicago; the hearing is on Friday the 4th at 9:00 (15:00 UTC). */
	static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

	static final Instant HEARING = Instant.parse("2026-12-04T15:00:00Z");

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestClock clock;

	static TestBot bot;

	static Scenario scenario;

	/**
	 * Nobody's id in any log line, key or value: the person, the family contact and the stranger as residents are
	 * (never stored in clear), the accompaniers and the coordinator as observers are (stored sealed, never logged);
	 * nor the phone number an accompanier tried as a name.
	 */
	static PrivacyScan scan;

	@BeforeAll
	static void start() throws IOException {
		scan = PrivacyScan.start().resident(PERSON).resident(FAMILY).resident(STRANGER).resident(PERSON_2)
			.resident(PERSON_3).resident(FAMILY_2).resident(PERSON_4).neverLogged(ANA, BEN, CARLA, Scenario.DISPATCHER).phone("312 555 0142");
		telegram = new FakeTelegram();
		clock = new TestClock(NOW);
		Files.createDirectories(data);
		Path places = data.resolve("places.geojson");
		Files.writeString(places, PLACES);
		bot = TestBot.start(telegram, data, PREFIX,
				builder -> builder.initializers(clock.install()).listeners(scan.onEveryStart()),
				"--vigia.bot.places-file=" + places, "--vigia.accompany.bot-username=vigia_test_bot",
				"--vigia.accompany.legal-aid-hotline=555-0199", "--vigia.accompany.bond-fund=555-0188");
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	@Test
	@Order(1)
	void aSpanishSpeakingPersonIsAccompaniedAndADetentionReachesEveryoneInTheirLanguage() {
		becomeAccompanier(ANA, "en", List.of("es", "en"), "Ana");
		becomeAccompanier(BEN, "es", List.of("es"), "Beto");

		// the request, in Spanish, with bad input at the steps that take text
		send(PERSON, "es", "/accompany");
		answer(PERSON, "es", "COURT_HEARING");
		pressLabelled(PERSON, "es", "a:", "Chicago Immigration Court");
		await(PERSON, "¿Qué día es la cita?");
		send(PERSON, "es", "1/11/2026");
		await(PERSON, "Esa fecha ya pasó");
		send(PERSON, "es", "a:999:send", true);
		answer(PERSON, "es", "d20261204");
		answer(PERSON, "es", "t0900");
		answer(PERSON, "es", "es");
		answer(PERSON, "es", "c2");
		await(PERSON, "¿Cómo le reconocerán");
		send(PERSON, "es", "Rosa, A123456789");
		await(PERSON, "Eso parece un número A");
		send(PERSON, "es", "Rosa, chaqueta roja");
		answer(PERSON, "es", "link");
		await(PERSON, "start=f_");
		var link = Pattern.compile("start=(f_[A-Za-z0-9_-]{22})").matcher(last(PERSON, "start=f_").text());
		assertThat(link.find()).isTrue();
		String code = link.group(1);
		answer(PERSON, "es", "next");
		await(PERSON, "Revise su solicitud");
		assertThat(scenario.lastTo(PERSON).text()).contains("Audiencia en la corte de inmigración")
			.contains("Chicago Immigration Court, 525 W Van Buren St, Chicago")
			.contains("viernes, 4 de diciembre de 2026, a las 9:00")
			.contains("Rosa, chaqueta roja")
			.doesNotContain("A123456789")
			.doesNotContain("COURT_HEARING");
		answer(PERSON, "es", "send");
		await(PERSON, "Su solicitud está hecha");

		// both accompaniers are asked, each in their language; a stranger's press changes nothing
		await(ANA, "Can you go with someone to an appointment?");
		await(BEN, "¿Puede acompañar a alguien a una cita?");
		String accept = last(ANA, "Can you go").button("v:");
		String appointment = accept.split(":")[1];
		assertThat(last(ANA, "Can you go").text()).contains("Friday, December 4, 2026 at 9:00 AM").contains("Spanish")
			.doesNotContain("Rosa");
		send(STRANGER, "en", accept, true);
		send(ANA, "en", accept, true);
		send(BEN, "es", "v:" + appointment + ":decline", true);
		await(ANA, "Thank you, you are going.");
		assertThat(last(ANA, "you are going").text()).contains("Meet at the Van Buren St entrance")
			.contains("Rosa, chaqueta roja");
		await(BEN, "Gracias por responder");
		await(PERSON, "Ana</b> le acompañará");
		assertThat(scenario.sentTo(STRANGER, "")).isEmpty();
		assertThat(stored(appointment).assigned()).hasSize(1);

		// the family contact joins with the link; the same link again, and a forged one, change nothing
		send(FAMILY, "es", "/start " + code);
		await(FAMILY, "Alguien nos pidió avisarle");
		send(FAMILY, "es", "f:y:" + code, true);
		await(FAMILY, "Le avisaremos aquí enseguida");
		await(PERSON, "Su familiar abrió el enlace y aceptó");
		send(STRANGER, "en", "/start " + code);
		send(STRANGER, "en", "f:y:" + code, true);
		send(STRANGER, "en", "f:y:f_AAAAAAAAAAAAAAAAAAAAAA", true);
		Scenario.await(() -> assertThat(scenario.sentTo(STRANGER, "This link does not work")).hasSize(2));
		assertThat(stored(appointment).family()).hasSize(1);

		// a third accompanier joins later and is offered the appointment
		becomeAccompanier(CARLA, "es", List.of("es"), "Carla");
		await(CARLA, "¿Puede acompañar a alguien a una cita?");
		send(CARLA, "es", "v:" + appointment + ":accept", true);
		await(CARLA, "Gracias, usted va.");
		await(PERSON, "Carla</b> le acompañará");

		// reminders when the clock reaches them
		clock.advance(Duration.between(NOW, HEARING.minus(Duration.ofHours(24))).plusMinutes(1));
		await(PERSON, "Recordatorio: su cita es mañana");
		assertThat(last(PERSON, "Recordatorio").text()).contains("Ana, Carla");
		await(ANA, "Reminder: you are going with someone tomorrow");
		await(CARLA, "Recordatorio: mañana acompaña a alguien");
		clock.advance(Duration.ofHours(22));
		await(PERSON, "Su cita es dentro de dos horas");
		await(ANA, "You are going with someone in two hours");
		assertThat(last(ANA, "in two hours").buttons()).contains("v:" + appointment + ":detained");

		// on the day: Beto (who declined) cannot report; Ana reports, then "detained"
		clock.advance(Duration.ofHours(2).plusMinutes(10));
		send(BEN, "es", "v:" + appointment + ":detained", true);
		send(ANA, "en", "v:" + appointment + ":met", true);
		await(ANA, "Noted: you met the person.");
		assertThat(stored(appointment).detention()).isNull();
		send(ANA, "en", "v:" + appointment + ":detained", true);
		await(FAMILY, "Urgente: la persona de la que usted es contacto fue detenida");
		assertThat(last(FAMILY, "Urgente").text()).contains("Línea de ayuda legal: 555-0199")
			.contains("Fondo de fianzas: 555-0188")
			.contains("https://locator.ice.gov/odls/");
		await(Scenario.DISPATCHER, "Accompaniment: a person was detained.");
		assertThat(last(Scenario.DISPATCHER, "detained").text()).contains("Reported by: Ana")
			.contains("Legal aid hotline: 555-0199");
		await(CARLA, "Ana informa que detuvieron a la persona");
		assertThat(scenario.sentTo(BEN, "detuvieron")).isEmpty();
		assertThat(scenario.sentTo(PERSON, "detenida")).isEmpty();
		assertThat(stored(appointment).detention()).isNotNull();

		// nothing ever went to a channel
		assertThat(telegram.calls("sendmessage")).allSatisfy(c -> assertThat(c.chat()).matches("[1-9][0-9]*"));

		// the family link's code is in no log line
		scan.neverLogged(Pattern.compile(Pattern.quote(code.substring(2))));

		// a coordinator closes the case in the console: the coordinators and the reporter are told
		command(Map.of("id", "acc-close-e2e-1", "type", "accompany-close-case", "appointment", appointment, "reason",
				"Lawyer engaged; found with the locator", "actor", "rita"));
		await(Scenario.DISPATCHER, "the detention case (Immigration court hearing");
		await(ANA, "the detention case (Immigration court hearing");
		assertThat(stored(appointment).detention().open()).isFalse();

		// once the case's retention ends, the appointment and its links and reminders are gone; counts stay
		clock.advance(Duration.ofDays(31));
		var store = bot.bean(RedisAppointmentStore.class);
		assertThat(store.forgetExpired()).isEqualTo(1);
		var redis = bot.bean(StringRedisTemplate.class);
		assertThat(redis.keys(PREFIX + "acc:appt:*")).isEmpty();
		assertThat(redis.keys(PREFIX + "acc:link*")).isEmpty();
		for (String index : List.of("acc:appts", "acc:retain", "acc:cases", "acc:due")) {
			var members = redis.opsForZSet().range(PREFIX + index, 0, -1);
			assertThat(members == null ? List.<String>of() : members).as(index).noneMatch(m -> m.contains(appointment));
		}
		assertThat(bot.bean(RedisStats.class).currentHour()).containsEntry("accompany-detained", 1L);
		assertThat(bot.bean(RedisAccompanierStore.class).all()).extracting(a -> a.displayName())
			.containsExactlyInAnyOrder("Ana", "Beto", "Carla");
	}

	@Test
	@Order(2)
	void eitherSideCancelsAndTheOthersAreToldAndCoordinatorsAssignByHandAndHearOfMissingCheckIns() {
		Instant start = clock.instant();
		String day = DateTimeFormatter.ofPattern("'d'yyyyMMdd")
			.format(LocalDate.ofInstant(start, ZoneId.of("America/Chicago")).plusDays(2));

		// /cancel at a step: nothing kept, and the buttons of that question no longer work
		send(PERSON_2, "en", "/accompany");
		answer(PERSON_2, "en", "COURT_HEARING");
		await(PERSON_2, "Where is it?");
		send(PERSON_2, "en", "/cancel");
		await(PERSON_2, "Request cancelled. Nothing was saved.");
		send(PERSON_2, "en", "a:1:else", true);
		send(PERSON_2, "en", "/help");
		Scenario.await(() -> assertThat(scenario.lastTo(PERSON_2).text()).doesNotContain("Request cancelled"));
		assertThat(scenario.sentTo(PERSON_2, "What is the address?")).isEmpty();

		// an English-speaking person asks for two Spanish-speaking volunteers, with a Spanish-speaking family contact
		String familyCode = request(PERSON_2, "en", day, "c2", "Marco, green cap", true);
		await(PERSON_2, "Your request is in.");
		Scenario.await(() -> assertThat(scenario.sentTo(ANA, "Can you go with someone")).hasSize(2));
		String appointment = appointmentOf(PERSON_2);
		send(FAMILY_2, "es", "/start " + familyCode);
		send(FAMILY_2, "es", "f:y:" + familyCode, true);
		await(FAMILY_2, "Le avisaremos aquí enseguida");
		send(ANA, "en", "v:" + appointment + ":accept", true);
		send(CARLA, "es", "v:" + appointment + ":accept", true);
		Scenario.await(() -> assertThat(scenario.deliveredTo(PERSON_2, "will go with you")).hasSize(2));
		send(BEN, "es", "v:" + appointment + ":accept", true);
		await(BEN, "ya van suficientes voluntarios");
		assertThat(stored(appointment).assigned()).hasSize(2);

		// an accompanier withdraws: the person and the coordinator are told
		send(CARLA, "es", "v:" + appointment + ":withdraw", true);
		await(CARLA, "Ya avisamos a la persona");
		await(PERSON_2, "Carla can no longer go with you");
		await(Scenario.DISPATCHER, "Accompaniment: Carla can no longer go");

		// a stranger cannot cancel it; the person can, and the accompanier still going is told
		send(STRANGER, "en", "v:" + appointment + ":cancel", true);
		send(ANA, "en", "v:" + appointment + ":cancel", true);
		send(PERSON_2, "en", "v:" + appointment + ":cancel", true);
		await(PERSON_2, "Your request is cancelled.");
		await(ANA, "was cancelled by the person");
		// the family contact hears it too, in her language, and so knows to expect nothing more about it
		await(FAMILY_2, "canceló su cita");
		assertThat(last(FAMILY_2, "canceló su cita").text()).doesNotContain("Marco").doesNotContain("Ana");
		assertThat(stored(appointment).cancelled()).isTrue();
		assertThat(scenario.sentTo(STRANGER, "cancelled")).isEmpty();

		// nobody answers another request; a coordinator assigns Beto by hand from the console
		request(PERSON_3, "es", day, "c1", "Lupe, vestido azul");
		await(PERSON_3, "Su solicitud está hecha");
		String uncovered = appointmentOf(PERSON_3);
		// asked without the description: only those who go read how to recognize the person
		Scenario.await(() -> assertThat(scenario.sentTo(BEN, "¿Puede acompañar")).hasSize(3));
		assertThat(scenario.sentTo(BEN, "Lupe")).isEmpty();
		String ben = bot.bean(RedisAccompanierStore.class).all().stream().filter(a -> a.displayName().equals("Beto"))
			.findFirst().orElseThrow().id().value();
		command(Map.of("id", "acc-assign-e2e-1", "type", "accompany-assign", "appointment", uncovered, "accompanier",
				ben, "reason", "Beto lives close", "actor", "rita"));
		await(BEN, "Gracias, usted va.");
		await(PERSON_3, "Beto</b> le acompañará");

		// 30 minutes after the time nobody checked in: the coordinator is warned, for that appointment only
		clock.advance(Duration.between(start, stored(uncovered).request().at()).plusMinutes(31));
		await(Scenario.DISPATCHER, "nobody checked in");
		assertThat(scenario.sentTo(Scenario.DISPATCHER, "nobody checked in")).hasSize(1);
		assertThat(last(Scenario.DISPATCHER, "nobody checked in").text()).contains("assigned: 1");
		// the reminders the jump passed by were not sent late, saying "tomorrow" of what is over
		assertThat(scenario.sentTo(PERSON_3, "Recordatorio")).isEmpty();
		assertThat(scenario.sentTo(PERSON_3, "dentro de dos horas")).isEmpty();

		// 72 hours after their time, both appointments are forgotten, counted first
		clock.advance(Duration.ofHours(72));
		long forgotten = bot.bean(RedisStats.class).currentHour().getOrDefault("accompany-forgotten", 0L);
		assertThat(bot.bean(RedisAppointmentStore.class).forgetExpired()).isEqualTo(2);
		assertThat(bot.bean(RedisStats.class).currentHour()).containsEntry("accompany-forgotten", forgotten + 2);
		assertThat(bot.bean(StringRedisTemplate.class).keys(PREFIX + "acc:appt:*")).isEmpty();

		// with everything that happened in both tests in Redis and in the logs, nobody's id leaks
		var scanned = scan.assertClean(bot.bean(StringRedisTemplate.class), PREFIX);
		assertThat(scanned.keys()).as("keys scanned").isGreaterThan(10);
		// and every key it wrote expires by itself
		assertThat(TtlScan.assertEveryKeyExpires(bot.bean(StringRedisTemplate.class), PREFIX)).isGreaterThan(10);

		// every message of both tests, read as people read them: no program constant, id or placeholder
		for (Call c : telegram.calls()) {
			if (c.method().equals("sendmessage") || c.method().equals("editmessagetext")) {
				assertThat(c.text()).as(c.text()).doesNotContain("{").doesNotContain("COURT_HEARING")
					.doesNotContain("ICE_CHECK_IN").doesNotContain("DETAINED").doesNotContain("DONE_TOGETHER")
					.doesNotContain("null").doesNotContain(appointment).doesNotContain(uncovered).doesNotContain("accompany.");
				for (String label : c.buttonLabels()) {
					assertThat(label).doesNotContain("{").doesNotContain("accompany.").doesNotContain("_");
				}
			}
		}
	}

	@Test
	@Order(3)
	void noForgedOrForeignPressChangesAnAppointment() {
		Instant now = clock.instant();
		var store = bot.bean(RedisAppointmentStore.class);
		var accompaniers = bot.bean(RedisAccompanierStore.class);
		AccompanierId ana = accompaniers.all().stream().filter(a -> a.displayName().equals("Ana")).findFirst()
			.orElseThrow().id();
		var request = new AccompanyRequest(AppointmentKind.ICE_CHECK_IN, Venue.typed("101 W Congress Pkwy"),
				now.plus(Duration.ofHours(1)), "es", 1, new Recognition("Rosa, chaqueta roja"),
				Address.telegramChat(PERSON_2), now);
		var opened = Appointment.open(AppointmentId.random(), request).ask(List.of(ana), now).appointment()
			.accept(ana, now).appointment();
		store.create(opened);
		String id = opened.id().value();

		// every action, by a stranger and by an accompanier who was never asked; the person's cancel, by the
		// accompanier; forged and malformed values
		for (Choice.Accompaniment.Action action : Choice.Accompaniment.Action.values()) {
			String data = new Choice.Accompaniment(id, action).value();
			send(STRANGER, "en", data, true);
			send(BEN, "es", data, true);
		}
		send(ANA, "en", "v:" + id + ":cancel", true);
		for (String forged : List.of("v:" + id, "v:" + id + ":", "v:" + id + ":explode", "v::accept", "v:../x:accept",
				"v:" + "x".repeat(40) + ":detained", "a:1:send", "a:x:y", "f:y:" + id, "f:y:", "g:done", "g:place:p0",
				"g:lang:fr", "g:name")) {
			send(ANA, "en", forged, true);
			send(STRANGER, "en", forged, true);
		}
		// each chat's updates are handled in order: once these are answered, every press before them was
		for (long who : List.of(STRANGER, BEN, ANA)) {
			int before = scenario.sentTo(who, "").size();
			send(who, "en", "/help");
			Scenario.await(() -> assertThat(scenario.sentTo(who, "")).hasSizeGreaterThan(before));
		}

		assertThat(store.find(opened.id())).contains(opened);
		assertThat(scenario.sentTo(FAMILY, "")).noneMatch(c -> c.text().contains("101 W Congress"));
		assertThat(scenario.sentTo(Scenario.DISPATCHER, "101 W Congress")).isEmpty();
	}

	/** A whole request at the court, at 10:00 on {@code day}, volunteers speaking Spanish, no family link. */
	@Test
	@Order(4)
	void coordinatorsHearTwoDaysBeforeOfAnAppointmentNobodyHasTakenAndNotAgainOnceItIsCovered() {
		String day = DateTimeFormatter.ofPattern("'d'yyyyMMdd")
			.format(LocalDate.ofInstant(clock.instant(), ZoneId.of("America/Chicago")).plusDays(4));
		int askedBefore = scenario.sentTo(ANA, "Can you go with someone").size();
		request(PERSON_4, "en", day, "c1", "Sam, blue scarf");
		await(PERSON_4, "Your request is in.");
		String appointment = appointmentOf(PERSON_4);
		Instant at = stored(appointment).request().at();
		Scenario.await(() -> assertThat(scenario.sentTo(ANA, "Can you go with someone")).hasSize(askedBefore + 1));
		int before = scenario.sentTo(Scenario.DISPATCHER, "Accompaniment").size();

		// nobody has said yes two days before: the coordinator is told, in words, what is missing
		clock.advance(Duration.between(clock.instant(), at.minus(Duration.ofHours(48))).plusMinutes(1));
		await(Scenario.DISPATCHER, "Accompaniment: not covered yet.");
		assertThat(last(Scenario.DISPATCHER, "not covered yet").text()).contains("court hearing")
			.contains("Chicago Immigration Court").contains("volunteers going: 0, still needed: 1").doesNotContain("Sam");

		// Ana says yes; a day before, with the appointment covered, nobody is warned again
		send(ANA, "en", "v:" + appointment + ":accept", true);
		await(ANA, "Thank you, you are going.");
		clock.advance(Duration.ofHours(24));
		await(PERSON_4, "Reminder");
		assertThat(scenario.sentTo(Scenario.DISPATCHER, "still not covered")).isEmpty();
		assertThat(scenario.sentTo(Scenario.DISPATCHER, "Accompaniment")).hasSize(before + 1);
	}

	static void request(long who, String language, String day, String companions, String recognition) {
		request(who, language, day, companions, recognition, false);
	}

	/** The whole request; with {@code familyLink}, the family link is asked for and its code returned. */
	static String request(long who, String language, String day, String companions, String recognition,
			boolean familyLink) {
		send(who, language, "/accompany");
		answer(who, language, "COURT_HEARING");
		pressLabelled(who, language, "a:", "Chicago Immigration Court");
		answer(who, language, day);
		answer(who, language, "t1000");
		answer(who, language, "es");
		answer(who, language, companions);
		Scenario.await(() -> assertThat(scenario.lastTo(who).buttons()).noneMatch(b -> b.endsWith(":" + companions)));
		send(who, language, recognition);
		String code = null;
		if (familyLink) {
			answer(who, language, "link");
			await(who, "start=f_");
			var link = Pattern.compile("start=(f_[A-Za-z0-9_-]{22})").matcher(last(who, "start=f_").text());
			assertThat(link.find()).isTrue();
			code = link.group(1);
			answer(who, language, "next");
		}
		else {
			answer(who, language, "nolink");
		}
		answer(who, language, "send");
		return code;
	}

	/** The appointment of the person's request, from the cancel button under "what happens next". */
	static String appointmentOf(long who) {
		Scenario.await(() -> assertThat(scenario.lastTo(who).buttons()).anyMatch(b -> b.startsWith("v:")));
		return scenario.lastTo(who).button("v:").split(":")[1];
	}

	static void command(Map<String, String> fields) {
		RedisStreams.append(bot.bean(StringRedisTemplate.class), PREFIX + "commands", fields,
				RedisCommandStream.MAX_ENTRIES, RedisCommandStream.KEEP);
	}

	/** A coordinator's accompanier invite; the volunteer joins, picks languages and the court, and a name. */
	static void becomeAccompanier(long who, String language, List<String> languages, String name) {
		int before = telegram.deliveredTo(Scenario.DISPATCHER).size();
		send(Scenario.DISPATCHER, "en", "/invite accompany");
		Scenario.await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSize(before + 1));
		var code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(scenario.lastTo(Scenario.DISPATCHER).text());
		assertThat(code.find()).isTrue();
		send(who, language, "/join " + code.group(1));
		send(who, language, "g:y", true);
		for (String l : languages) {
			send(who, language, "g:lang:" + l, true);
		}
		send(who, language, "g:done", true);
		Scenario.await(() -> assertThat(scenario.lastTo(who).buttonLabels()).anyMatch(l -> l.contains("Chicago Immigration Court")));
		pressLabelled(who, language, "g:place:", "Chicago Immigration Court");
		send(who, language, "g:done", true);
		Scenario.await(() -> assertThat(scenario.lastTo(who).buttons()).contains("g:name"));
		// a phone number is no name: asked again, nothing stored
		int shown = scenario.sentTo(who, "").size();
		send(who, language, "312 555 0142");
		Scenario.await(() -> assertThat(scenario.sentTo(who, "")).hasSize(shown + 1));
		assertThat(scenario.lastTo(who).buttons()).contains("g:name");
		send(who, language, name);
		await(who, "<b>" + name + "</b>");
	}

	static Appointment stored(String id) {
		return bot.bean(RedisAppointmentStore.class).find(new AppointmentId(id)).orElseThrow();
	}

	static void send(long who, String language, String text) {
		scenario.send(telegram.text(who, language, text));
	}

	static void send(long who, String language, String data, boolean press) {
		scenario.send(telegram.press(who, language, data));
	}

	/** Presses the option of the request's current question whose value ends with this, once it is shown. */
	static void answer(long who, String language, String option) {
		Scenario.await(() -> assertThat(scenario.lastTo(who).buttons()).anyMatch(b -> b.startsWith("a:") && b.endsWith(":" + option)));
		String data = scenario.lastTo(who).buttons().stream().filter(b -> b.startsWith("a:") && b.endsWith(":" + option))
			.findFirst().orElseThrow();
		send(who, language, data, true);
	}

	static void pressLabelled(long who, String language, String prefix, String label) {
		Scenario.await(() -> assertThat(scenario.lastTo(who).buttonLabels()).anyMatch(l -> l.contains(label)));
		Call message = scenario.lastTo(who);
		List<String> labels = message.buttonLabels();
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i).contains(label) && message.buttons().get(i).startsWith(prefix)) {
				send(who, language, message.buttons().get(i), true);
				return;
			}
		}
		throw new AssertionError("no button " + label + " in " + labels);
	}

	static void await(long who, String text) {
		Scenario.await(() -> assertThat(scenario.deliveredTo(who, text)).isNotEmpty());
	}

	static Call last(long who, String containing) {
		List<Call> found = scenario.deliveredTo(who, containing);
		assertThat(found).isNotEmpty();
		return found.get(found.size() - 1);
	}

}
