package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
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
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisIncidentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rumor control, /check, in English and Spanish, from the bot started as a whole against the fake Bot API: what
 * volunteers found comes back after the scene is closed ("it was local police", "the agents have left", "nobody
 * could check it in time"), for a shared place and for a whole neighborhood picked from buttons or typed, and a
 * report still being checked is never repeated as if it were news.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RumorCheckTests {

	static final String PREFIX = "vigia-rumors:";

	/** Observers on duty in Joliet (Will County). */
	static final long OBSERVER_A = 7_200_501, OBSERVER_B = 7_200_502;

	/** Two scenes in Joliet, 2 km apart: local police at one, immigration agents at the other. */
	static final double POLICE_LAT = 41.5250, POLICE_LON = -88.0817;

	static final double AGENTS_LAT = 41.5400, AGENTS_LON = -88.0620;

	/** San Marcos (Hays County): nobody on duty near, so a report there expires unverified. */
	static final double SAN_MARCOS_LAT = 29.8833, SAN_MARCOS_LON = -97.9414;

	/** How long a report may stay unverified here: short, so that one expires during the test. */
	static final Duration UNVERIFIED = Duration.ofSeconds(20);

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	static Scenario scenario;

	static final List<Long> residents = new ArrayList<>();

	@BeforeAll
	static void start() throws java.io.IOException {
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, PREFIX, "--vigia.policy.unverified-deadline=" + UNVERIFIED.toSeconds() + "s");
		scenario = Scenario.polling(telegram);
		scenario.becomeObserver(OBSERVER_A, 41.5300, -88.0700);
		scenario.becomeObserver(OBSERVER_B, 41.5310, -88.0710);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	static ResidentChat resident(long chat, String language) {
		residents.add(chat);
		return new ResidentChat(telegram, chat, language);
	}

	/** A resident reports what they see at this place and sends it. */
	static void report(long chat, String language, double lat, double lon) {
		var person = resident(chat, language);
		person.toSummary("DETENTION", () -> person.share(lat, lon), "NOW", "4", "3", List.of("ICE"));
		person.press("send");
	}

	/**
	 * Both observers go to the latest scene they were asked about and give this verdict ({@code police},
	 * {@code ice}, ...): "I'm going", then the answer on the "What did you see?" that follows, each press
	 * acknowledged once, on its button.
	 */
	static void bothObserversSay(String verdict) {
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			Scenario.await(() -> assertThat(unanswered(observer)).isNotEmpty());
			Call prompt = unanswered(observer).get(0);
			answered.add(prompt.button("o:"));
			int asks = scenario.deliveredTo(observer, "What did you see?").size();
			scenario.send(telegram.press(observer, "en", Scenario.action(prompt, "going")));
			Scenario.await(() -> assertThat(scenario.deliveredTo(observer, "What did you see?")).hasSize(asks + 1));
			Call ask = scenario.deliveredTo(observer, "What did you see?").get(asks);
			long recorded = recordedAnswers();
			scenario.send(telegram.press(observer, "en", Scenario.action(ask, verdict)));
			Scenario.await(() -> assertThat(recordedAnswers()).isEqualTo(recorded + 1));
		}
	}

	/** Verdicts acknowledged as counted, on their buttons. */
	static long recordedAnswers() {
		return telegram.calls("answerCallbackQuery").stream()
			.filter(c -> c.params().path("text").asText().equals("Thank you. Your answer was recorded."))
			.count();
	}

	private static final java.util.Set<String> answered = new java.util.HashSet<>();

	/** The observer's prompts not answered yet by this test, oldest first. */
	static List<Call> unanswered(long observer) {
		return scenario.deliveredTo(observer, "Can you go and check?").stream()
			.filter(c -> !answered.contains(c.button("o:")))
			.toList();
	}

	/** The "the agents have left" buttons the observer was shown (on edits of their messages), oldest first. */
	static List<String> leftButtons(long observer) {
		return telegram.calls("editMessageText", Long.toString(observer)).stream()
			.flatMap(c -> c.buttons().stream())
			.filter(b -> b.startsWith("o:") && b.endsWith(":left"))
			.distinct()
			.toList();
	}

	static long staleAnswers() {
		return telegram.calls("answerCallbackQuery").stream()
			.filter(c -> c.params().path("text").asText().equals("That button is no longer active."))
			.count();
	}

	/**
	 * The state of the incident at this place. It is found once, open or closed (an assertion error, which
	 * Awaitility retries, in the moment between closing and being listed as closed), then read by its id.
	 */
	static IncidentState stateNear(double lat, double lon) {
		var store = bot.bean(RedisIncidentStore.class);
		var here = GeoPoint.of(lat, lon);
		var id = ids.computeIfAbsent(here, h -> java.util.stream.Stream
			.concat(store.open().stream(), store.recentlyClosed(h, 200).stream())
			.filter(i -> i.center().metersTo(h) < 200)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no incident opened there"))
			.id());
		return store.find(id).orElseThrow().state();
	}

	private static final java.util.Map<GeoPoint, org.vigia.core.incident.IncidentId> ids = new java.util.HashMap<>();

	/** /check, then this place: the answer. */
	static Call checkAt(long chat, String language, double lat, double lon) {
		var person = resident(chat, language);
		Call ask = person.say("/check");
		assertThat(ask.buttonLabels()).contains("en".equals(language) ? "📍 Share my location" : "📍 Compartir mi ubicación",
				"en".equals(language) ? "Pick a neighborhood" : "Elegir un barrio");
		return person.share(lat, lon);
	}

	@Test
	@Order(1)
	void aReportStillBeingCheckedIsNotRepeatedAsNews() {
		report(7_200_101, "es", SAN_MARCOS_LAT, SAN_MARCOS_LON);

		Call answer = checkAt(7_200_102, "en", SAN_MARCOS_LAT + 0.001, SAN_MARCOS_LON);

		assertThat(answer.text()).startsWith("Nothing has been verified near there in the last 4 hours.")
			.contains("That does not mean it is false or true");
	}

	@Test
	@Order(2)
	void afterObserversFoundLocalPoliceCheckSaysSoInBothLanguages() {
		report(7_200_103, "en", POLICE_LAT, POLICE_LON);
		bothObserversSay("police");
		Scenario.await(() -> assertThat(stateNear(POLICE_LAT, POLICE_LON)).isEqualTo(IncidentState.NOT_ICE));

		Call english = checkAt(7_200_104, "en", POLICE_LAT + 0.002, POLICE_LON);
		Call spanish = checkAt(7_200_105, "es", POLICE_LAT - 0.002, POLICE_LON);

		assertThat(english.text()).startsWith("<b>What trained volunteers found near there</b> in the last 4 hours:")
			.contains("<b>Someone being detained</b>, near Will County")
			.containsPattern("Volunteers checked at \\d\\d:\\d\\d: it was <b>not</b> immigration enforcement \\(local police");
		assertThat(spanish.text()).startsWith("<b>Lo que encontraron voluntarios capacitados cerca de allí</b> en las últimas 4 horas:")
			.contains("<b>Están deteniendo a alguien</b>, cerca de Will County")
			.containsPattern("Voluntarios fueron a verificar a las \\d\\d:\\d\\d: <b>no</b> era control migratorio");
	}

	@Test
	@Order(3)
	void afterAnObserverSaidTheAgentsLeftCheckSaysSoInBothLanguages() {
		report(7_200_106, "es", AGENTS_LAT, AGENTS_LON);
		bothObserversSay("ice");
		Scenario.await(() -> assertThat(stateNear(AGENTS_LAT, AGENTS_LON)).isEqualTo(IncidentState.PUBLISHED));
		Call verified = checkAt(7_200_107, "en", AGENTS_LAT, AGENTS_LON + 0.003);
		assertThat(verified.text()).contains("Trained observers <b>confirmed immigration agents</b> at");

		// once the alert is out, the observer's "What did you see?" is edited to offer "the agents have left"
		Scenario.await(() -> assertThat(leftButtons(OBSERVER_A)).isNotEmpty());
		scenario.send(telegram.press(OBSERVER_A, "en", leftButtons(OBSERVER_A).get(0)));
		Scenario.await(() -> assertThat(stateNear(AGENTS_LAT, AGENTS_LON)).isEqualTo(IncidentState.ENDED));

		Call spanish = checkAt(7_200_108, "es", AGENTS_LAT, AGENTS_LON - 0.003);
		Call english = checkAt(7_200_109, "en", AGENTS_LAT + 0.003, AGENTS_LON);

		assertThat(spanish.text()).containsPattern(
				"Se confirmó a las \\d\\d:\\d\\d\\. <b>Los agentes ya se fueron</b>: un observador lo avisó a las \\d\\d:\\d\\d\\.");
		assertThat(english.text()).containsPattern(
				"Confirmed at \\d\\d:\\d\\d\\. <b>The agents have left</b>: an observer reported it at \\d\\d:\\d\\d\\.")
			.doesNotContain("not</b> immigration enforcement");
	}

	@Test
	@Order(4)
	void aNeighborhoodPickedFromButtonsOrTypedGetsEveryOutcomeInItNewestFirst() {
		var ana = resident(7_200_110, "en");
		ana.say("/check");
		Call neighborhoods = ana.say("Pick a neighborhood");
		assertThat(neighborhoods.text()).contains("Which neighborhood?");
		assertThat(neighborhoods.buttonLabels()).contains("Will County", "Cook County", "Travis County");
		String will = neighborhoods.buttons().get(neighborhoods.buttonLabels().indexOf("Will County"));

		Call english = ana.send(telegram.press(ana.chat, "en", will));

		assertThat(english.text()).startsWith("<b>What trained volunteers found in Will County</b>");
		assertThat(english.text().indexOf("The agents have left")).as("newest first").isPositive()
			.isLessThan(english.text().indexOf("not</b> immigration enforcement"));

		var beto = resident(7_200_111, "es");
		beto.say("/check");
		Call barrios = beto.say("Elegir un barrio");
		Call spanish = beto.send(telegram.press(beto.chat, "es",
				barrios.buttons().get(barrios.buttonLabels().indexOf("Will County"))));
		assertThat(spanish.text()).startsWith("<b>Lo que encontraron voluntarios capacitados en Will County</b>")
			.contains("Los agentes ya se fueron", "no</b> era control migratorio");

		var caro = resident(7_200_112, "es");
		caro.say("/check");
		assertThat(caro.say("will county").text()).isEqualTo(spanish.text());

		// a press on a neighborhood button after the answer changes nothing
		int before = telegram.repliesTo(ana.chat).size();
		long stale = staleAnswers();
		telegram.deliver(telegram.press(ana.chat, "en", will));
		Scenario.await(() -> assertThat(staleAnswers()).isEqualTo(stale + 1));
		assertThat(telegram.repliesTo(ana.chat)).hasSize(before);
	}

	@Test
	@Order(5)
	void aReportNobodyCouldCheckInTimeIsSaidToBeUnverifiedInBothLanguages() {
		Awaitility.await().atMost(UNVERIFIED.plusSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> stateNear(SAN_MARCOS_LAT, SAN_MARCOS_LON) == IncidentState.EXPIRED);

		Call english = checkAt(7_200_113, "en", SAN_MARCOS_LAT, SAN_MARCOS_LON + 0.002);
		Call spanish = checkAt(7_200_114, "es", SAN_MARCOS_LAT - 0.002, SAN_MARCOS_LON);

		assertThat(english.text()).contains("<b>Someone being detained</b>, near Hays County").containsPattern(
				"Reported at \\d\\d:\\d\\d, but no volunteer could check it in time\\. We cannot say whether it was true or not\\.");
		assertThat(spanish.text()).contains("<b>Están deteniendo a alguien</b>, cerca de Hays County").containsPattern(
				"Se reportó a las \\d\\d:\\d\\d, pero ningún voluntario pudo verificarlo a tiempo\\. No podemos decir si era cierto o no\\.");
	}

	@Test
	@Order(6)
	void whereNothingWasVerifiedCheckSaysSoWithoutCallingItFalse() {
		var dora = resident(7_200_115, "es");
		dora.say("/check");
		Call barrios = dora.say("Elegir un barrio");

		Call spanish = dora.send(telegram.press(dora.chat, "es",
				barrios.buttons().get(barrios.buttonLabels().indexOf("Kane County"))));

		assertThat(spanish.text()).startsWith("No se ha verificado nada en Kane County en las últimas 4 horas.")
			.contains("Eso no significa que sea falso ni cierto");
	}

	@Test
	@Order(9)
	void nothingAResidentReadsShowsAConstantAnIdOrACountTheyDidNotChoose() {
		ResidentTranscript.assertReadsAsWritten(ResidentTranscript.read(telegram, residents),
				ResidentTranscript.ids(bot.bean(StringRedisTemplate.class), PREFIX));
	}

}
