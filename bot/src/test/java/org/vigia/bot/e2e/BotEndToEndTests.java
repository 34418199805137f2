package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.store.RedisIncidentStore;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot started as a whole (embedded Redis, real HTTP) against a fake Telegram Bot API, driven by the
 * updates residents, observers and a dispatcher would send, and checked by what reached Telegram.
 *
 * <p>The tests share the bot and two observers on duty (registered once) and nothing else: each scene lies in a
 * county of its own, with its own channel and residents, and the observers are moved to it first, so that the
 * tests pass in any order. Only the privacy scan is ordered: last, to read what all the others left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BotEndToEndTests {

	/** Ids far from any number a log line prints (a duration, a port, a time), so the privacy scan stays strict. */
	static final long DISPATCHER = 7300900;

	static final long OBSERVER_A = 7300501;

	static final long OBSERVER_B = 7300502;

	/** Downtown Chicago, in Cook County, whose channel is @vigia_sample_cook (Spanish). */
	static final double LAT = 41.8781, LON = -87.6298;

	/** Scenes of the other tests, each in a county of its own: Elgin (Kane), Joliet (Will), San Marcos (Hays). */
	static final double ELGIN_LAT = 42.0372, ELGIN_LON = -88.2812, JOLIET_LAT = 41.5250, JOLIET_LON = -88.0817,
			SAN_MARCOS_LAT = 29.8833, SAN_MARCOS_LON = -97.9414;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	/** Every log line and Redis key of the scenarios, checked at the end for anything that identifies anyone. */
	static PrivacyScan privacy;

	@BeforeAll
	static void start() throws IOException {
		privacy = PrivacyScan.start();
		telegram = new FakeTelegram();
		Path counties = data.resolve("counties.geojson");
		try (InputStream in = BotEndToEndTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			Files.copy(in, counties);
		}
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).listeners(privacy.onEveryStart()).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.telegram.private-interval=50ms", "--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("redis"),
				"--vigia.redis.prefix=vigia-e2e:", "--vigia.bot.neighborhoods-file=" + counties,
				"--vigia.bot.dispatchers=" + DISPATCHER, "--vigia.bot.hotline=555-0100",
				"--vigia.bot.timezone=America/Chicago");
		becomeObserver(OBSERVER_A);
		becomeObserver(OBSERVER_B);
	}

	@AfterAll
	static void stop() {
		privacy.close();
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	static void await(Runnable assertion) {
		Awaitility.await().atMost(FakeTelegram.PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
	}

	/** Waits for the n-th message to this chat and returns it. */
	static FakeTelegram.Call nth(long chat, int n) {
		await(() -> assertThat(telegram.sentTo(chat)).hasSizeGreaterThanOrEqualTo(n));
		return telegram.sentTo(chat).get(n - 1);
	}

	/** The latest message of this chat, as the person sees it now (with its edits). */
	static FakeTelegram.Call last(long chat) {
		List<FakeTelegram.Call> shown = telegram.shownTo(chat);
		return shown.get(shown.size() - 1);
	}

	/**
	 * Sends an update and waits until the bot has answered with one more message, or one edit of a message, to
	 * that chat; returns that reply.
	 */
	static FakeTelegram.Call exchange(long chat, com.fasterxml.jackson.databind.node.ObjectNode update) {
		int before = telegram.repliesTo(chat).size();
		telegram.deliver(update);
		await(() -> assertThat(telegram.repliesTo(chat)).hasSizeGreaterThan(before));
		return telegram.repliesTo(chat).get(before);
	}

	/** Presses the button of the latest question whose data ends with this value. */
	static FakeTelegram.Call answer(long resident, String language, String value) {
		String data = last(resident).buttons().stream().filter(b -> b.endsWith(":" + value)).findFirst()
			.orElseThrow(() -> new AssertionError("no button " + value + " in " + last(resident).buttons()));
		return exchange(resident, telegram.press(resident, language, data));
	}

	static void report(long resident, String language, double lat, double lon) {
		exchange(resident, telegram.text(resident, language, "/report"));
		answer(resident, language, "DETENTION");
		exchange(resident, telegram.location(resident, language, lat, lon));
		answer(resident, language, "NOW");
		answer(resident, language, "4");
		answer(resident, language, "1");
		answer(resident, language, "ICE");
		answer(resident, language, "done");
		answer(resident, language, "skip");
		answer(resident, language, "skip");
		exchange(resident, telegram.press(resident, language, last(resident).button("r:" + lastTurn(resident) + ":sendf")));
	}

	/** Presses a button and waits until the press is answered (a verdict is acknowledged on the button only). */
	static void press(long chat, String data) {
		var update = telegram.press(chat, "es", data);
		String id = update.path("callback_query").path("id").asText();
		telegram.deliver(update);
		await(() -> assertThat(telegram.calls("answerCallbackQuery"))
			.anyMatch(c -> c.params().path("callback_query_id").asText().equals(id)));
	}

	static String lastTurn(long resident) {
		String data = last(resident).buttons().get(0);
		return data.split(":")[1];
	}

	static void becomeObserver(long observer) {
		String invite = exchange(DISPATCHER, telegram.text(DISPATCHER, "en", "/invite")).text();
		Matcher code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(invite);
		assertThat(code.find()).isTrue();
		FakeTelegram.Call consent = exchange(observer, telegram.text(observer, "es", "/join " + code.group(1)));
		assertThat(consent.text()).contains("Antes de unirse");
		assertThat(exchange(observer, telegram.press(observer, "es", "j:y")).text()).contains("¿Qué nombre");
		assertThat(exchange(observer, telegram.press(observer, "es", "j:name")).text()).contains("Bienvenido/a");
		exchange(observer, telegram.text(observer, "es", "/onduty"));
		FakeTelegram.Call on = exchange(observer, telegram.location(observer, "es", LAT + 0.004, LON + 0.002));
		assertThat(on.text()).contains("Está de turno");
	}

	@Test
	void aResidentIsGreetedInTheirLanguage() {
		assertThat(exchange(7300101, telegram.text(7300101, "es-MX", "/start")).text()).contains("Bienvenido/a a Vigía")
			.contains("555-0100");
		assertThat(exchange(7300102, telegram.text(7300102, "en", "/start")).text()).contains("Welcome to Vigía");
		// the command menu is set at every start, in English and in Spanish
		await(() -> assertThat(telegram.calls("setMyCommands")).hasSizeGreaterThanOrEqualTo(2));
		assertThat(telegram.calls("setMyCommands")).anySatisfy(c -> {
			assertThat(c.params().path("language_code").asText()).isEqualTo("es");
			assertThat(c.params().path("commands").get(0).path("description").asText()).isEqualTo("Reportar lo que ve");
		});
		assertThat(telegram.calls("setMyCommands")).anySatisfy(c -> assertThat(c.params().path("language_code").asText())
			.isNotEqualTo("es"));
	}

	@Test
	void aReplayedUpdateIsHandledOnce() {
		var update = telegram.text(7300103, "en", "/help");
		int before = telegram.sentTo(7300103).size();
		telegram.deliver(update);
		nth(7300103, before + 1);
		telegram.deliver(update.deepCopy());
		telegram.deliver(telegram.text(7300103, "en", "/rights"));
		FakeTelegram.Call next = nth(7300103, before + 2);

		assertThat(next.text()).contains("Know your rights");
		assertThat(telegram.sentTo(7300103)).hasSize(before + 2);
	}

	@Test
	void threeResidentsReportingOneSceneMakeOneIncident() {
		observersAt(ELGIN_LAT, ELGIN_LON);

		report(7300201, "es", ELGIN_LAT, ELGIN_LON);
		report(7300202, "en", ELGIN_LAT + 0.0008, ELGIN_LON + 0.0005);
		report(7300203, "es", ELGIN_LAT - 0.0006, ELGIN_LON - 0.0004);

		List<Incident> here = near(ELGIN_LAT, ELGIN_LON);
		assertThat(here).hasSize(1);
		assertThat(here.get(0).reports()).hasSize(3);
		assertThat(here.get(0).state()).isEqualTo(IncidentState.DISPATCHED);
		assertThat(last(7300202).text()).contains("do not repost");
	}

	@Test
	void aForgedOrForeignButtonPressChangesNothing() {
		observersAt(JOLIET_LAT, JOLIET_LON);
		int prompts = promptsTo(OBSERVER_A);
		report(7300221, "en", JOLIET_LAT, JOLIET_LON);
		await(() -> assertThat(promptsTo(OBSERVER_A)).isGreaterThan(prompts));
		String going = latestPrompt(OBSERVER_A).button("o:");
		Incident before = near(JOLIET_LAT, JOLIET_LON).get(0);
		long answered = answeredPresses();

		telegram.deliver(telegram.press(999, "en", going));
		telegram.deliver(telegram.press(999, "en", "o:AAAAAAAAAAAA:i"));
		telegram.deliver(telegram.press(999, "en", "d:" + before.id() + ":confirm"));
		await(() -> assertThat(answeredPresses()).isGreaterThanOrEqualTo(answered + 3));

		Incident after = bot.getBean(RedisIncidentStore.class).find(before.id()).orElseThrow();
		assertThat(after.history()).isEqualTo(before.history());
		assertThat(after.dispatch()).isEqualTo(before.dispatch());
	}

	@Test
	void twoObserversConfirmingPublishExactlyOneAlertInTheRightChannel() {
		observersAt(LAT, LON);
		var observerStore = bot.getBean(org.vigia.store.RedisObserverStore.class);
		var a = observerStore.findByChat(Long.toString(OBSERVER_A)).orElseThrow();
		long verdicts = observerStore.verdicts(a.id());
		int prompts = promptsTo(OBSERVER_A);
		int promptsB = promptsTo(OBSERVER_B);
		report(7300211, "es", LAT, LON);
		report(7300212, "en", LAT + 0.0008, LON + 0.0005);
		await(() -> assertThat(promptsTo(OBSERVER_A)).isGreaterThan(prompts));
		await(() -> assertThat(promptsTo(OBSERVER_B)).isGreaterThan(promptsB));

		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			FakeTelegram.Call prompt = latestPrompt(observer);
			assertThat(prompt.text()).contains("¿Puede ir a verificar?").doesNotContain("7300211")
				.doesNotContain(FakeTelegram.name(7300211)).doesNotContain(FakeTelegram.username(7300211));
			String going = prompt.buttons().stream().filter(b -> b.endsWith(":going")).findFirst().orElseThrow();
			int questions = questionsTo(observer).size();
			telegram.deliver(telegram.press(observer, "es", going));
			await(() -> assertThat(questionsTo(observer)).hasSizeGreaterThan(questions));
			FakeTelegram.Call ask = questionsTo(observer).get(questions);
			assertThat(ask.text()).contains("¿Qué vio?");
			String ice = ask.buttons().stream().filter(b -> b.endsWith(":ice")).findFirst().orElseThrow();
			press(observer, ice);
			// pressing the same verdict again is not counted twice
			telegram.deliver(telegram.press(observer, "es", ice));
		}

		await(() -> assertThat(telegram.sentTo("@vigia_sample_cook")).hasSize(1));
		Incident incident = near(LAT, LON).get(0);
		await(() -> assertThat(bot.getBean(RedisIncidentStore.class).find(incident.id()).orElseThrow().state())
			.isEqualTo(IncidentState.PUBLISHED));
		assertThat(observerStore.verdicts(a.id())).as("the repeated press was not counted").isEqualTo(verdicts + 1);
		assertThat(observerStore.lastSeen(a.id())).isPresent();
		FakeTelegram.Call alert = telegram.sentTo("@vigia_sample_cook").get(0);
		assertThat(alert.text()).contains("VERIFICADO").contains("Cook County").contains("2 observador");
		assertThat(telegram.sentTo("@vigia_sample_cook")).hasSize(1);
		await(() -> assertThat(telegram.sentTo(7300211)).anyMatch(c -> c.text().contains("confirmaron")));
		assertThat(telegram.sentTo(7300212)).anyMatch(c -> c.text().contains("confirmed"));
	}

	@Test
	void whenAnObserverSaysTheAgentsLeftTheSamePostIsEdited() {
		observersAt(SAN_MARCOS_LAT, SAN_MARCOS_LON);
		int prompts = promptsTo(OBSERVER_A);
		int promptsB = promptsTo(OBSERVER_B);
		int asks = leftAsks(OBSERVER_A);
		report(7300251, "es", SAN_MARCOS_LAT, SAN_MARCOS_LON);
		await(() -> assertThat(promptsTo(OBSERVER_A)).isGreaterThan(prompts));
		await(() -> assertThat(promptsTo(OBSERVER_B)).isGreaterThan(promptsB));
		verdictFromBoth("ice");
		await(() -> assertThat(telegram.sentTo("@vigia_sample_hays")).hasSize(1));
		// the observer's "what did you see?" is edited to offer "the agents have left" once the alert is out
		await(() -> assertThat(leftAsks(OBSERVER_A)).isGreaterThan(asks));
		await(() -> assertThat(telegram.calls("editMessageText", Long.toString(OBSERVER_A)))
			.anyMatch(c -> c.text().contains("Hays County") && c.buttons().stream().anyMatch(b -> b.endsWith(":left"))));
		// the one of this scene (an earlier scene's messages may be edited too)
		FakeTelegram.Call ask = telegram.calls("editMessageText", Long.toString(OBSERVER_A)).stream()
			.filter(c -> c.text().contains("Cuando los agentes") && c.text().contains("Hays County")
					&& c.buttons().stream().anyMatch(b -> b.endsWith(":left")))
			.reduce((first, second) -> second).orElseThrow();

		press(OBSERVER_A, ask.button("o:"));

		await(() -> assertThat(telegram.calls("editMessageText")).anyMatch(c -> c.chat().equals("@vigia_sample_hays")
				&& c.text().contains("Se reportó que los agentes se fueron")));
		assertThat(telegram.sentTo("@vigia_sample_hays")).hasSize(1);
		assertThat(near(SAN_MARCOS_LAT, SAN_MARCOS_LON)).isEmpty();
	}

	/** Moves both on-duty observers (a live location update) to a scene. */
	static void observersAt(double lat, double lon) {
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			telegram.deliver(telegram.liveLocation(observer, "es", lat, lon));
		}
		await(() -> assertThat(bot.getBean(org.vigia.store.RedisObserverStore.class)
			.nearestOnDuty(org.vigia.core.geo.GeoPoint.of(lat, lon), 1000, 5)).hasSize(2));
	}

	/** Both observers answer the latest prompt each got: "I'm going", then this verdict. */
	static void verdictFromBoth(String verdict) {
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			await(() -> assertThat(promptsTo(observer)).isPositive());
			String going = latestPrompt(observer).buttons().stream().filter(b -> b.endsWith(":going")).findFirst()
				.orElseThrow();
			// the question comes as a new message; the prompt's edit ("va a verificar") may land before or after it
			int questions = questionsTo(observer).size();
			telegram.deliver(telegram.press(observer, "es", going));
			await(() -> assertThat(questionsTo(observer)).hasSizeGreaterThan(questions));
			FakeTelegram.Call ask = questionsTo(observer).get(questions);
			String data = ask.buttons().stream().filter(b -> b.endsWith(":" + verdict)).findFirst().orElseThrow();
			press(observer, data);
		}
	}

	/** The "what did you see?" questions an observer was sent, in order. */
	static List<FakeTelegram.Call> questionsTo(long observer) {
		return telegram.deliveredTo(observer).stream().filter(c -> c.buttons().stream().anyMatch(b -> b.endsWith(":police")))
			.toList();
	}

	static int promptsTo(long observer) {
		return (int) telegram.sentTo(observer).stream().filter(c -> c.text().contains("¿Puede ir")).count();
	}

	static FakeTelegram.Call latestPrompt(long observer) {
		return telegram.sentTo(observer).stream().filter(c -> c.text().contains("¿Puede ir")).reduce((a, b) -> b)
			.orElseThrow();
	}

	/** Edits of an observer's messages that offer "the agents have left". */
	static int leftAsks(long observer) {
		return (int) telegram.calls("editMessageText", Long.toString(observer)).stream()
			.filter(c -> c.text().contains("Cuando los agentes") && c.buttons().stream().anyMatch(b -> b.endsWith(":left")))
			.count();
	}

	/** Button presses answered with a text (a refusal, a confirmation). */
	static long answeredPresses() {
		return telegram.calls("answerCallbackQuery").stream().filter(c -> c.params().path("text").asText().length() > 0)
			.count();
	}

	/** The open incidents within a kilometre of a place. */
	static List<Incident> near(double lat, double lon) {
		return bot.getBean(RedisIncidentStore.class).open().stream()
			.filter(i -> i.center().metersTo(org.vigia.core.geo.GeoPoint.of(lat, lon)) < 1000)
			.toList();
	}

	@Test
	void localPoliceVerdictsPostNothingAndTellTheResidentsWhoAsked() {
		double lat = 30.2672, lon = -97.7431;
		observersAt(lat, lon);
		int before = promptsTo(OBSERVER_A);
		int beforeB = promptsTo(OBSERVER_B);

		report(7300301, "es", lat, lon);
		await(() -> assertThat(promptsTo(OBSERVER_A)).isGreaterThan(before));
		await(() -> assertThat(promptsTo(OBSERVER_B)).isGreaterThan(beforeB));
		verdictFromBoth("police");

		await(() -> assertThat(telegram.sentTo(7300301)).anyMatch(c -> c.text().contains("no</b> era control migratorio")));
		assertThat(telegram.sentTo("@vigia_sample_travis")).isEmpty();
	}

	@Test
	void aRateLimitedAlertIsPostedOnceAfterTheWait() {
		double lat = 30.5083, lon = -97.6789;
		observersAt(lat, lon);
		int before = promptsTo(OBSERVER_A);
		int beforeB = promptsTo(OBSERVER_B);
		telegram.rateLimitNextTo("@vigia_sample_williamson", 1, 2);

		report(7300302, "en", lat, lon);
		await(() -> assertThat(promptsTo(OBSERVER_A)).isGreaterThan(before));
		await(() -> assertThat(promptsTo(OBSERVER_B)).isGreaterThan(beforeB));
		verdictFromBoth("ice");

		await(() -> assertThat(telegram.sentTo("@vigia_sample_williamson")).hasSize(2));
		var attempts = telegram.sentTo("@vigia_sample_williamson");
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(
				Duration.ofMillis(1900));
		assertThat(attempts.get(1).text()).contains("VERIFIED").contains("Williamson County");
		await(() -> assertThat(telegram.sentTo(7300302)).anyMatch(c -> c.text().contains("confirmed")));
		assertThat(telegram.sentTo("@vigia_sample_williamson")).hasSize(2);
	}

	@Test
	void aConversationContinuesAfterTheBotRestarts() {
		exchange(7300401, telegram.text(7300401, "es", "/report"));
		answer(7300401, "es", "CHECKPOINT");
		assertThat(last(7300401).text()).contains("¿Dónde es?");

		bot.close();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).listeners(privacy.onEveryStart()).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.telegram.private-interval=50ms", "--vigia.redis.url=",
				"--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=vigia-e2e:",
				"--vigia.bot.dispatchers=" + DISPATCHER, "--vigia.bot.hotline=555-0100",
				"--vigia.bot.timezone=America/Chicago");

		FakeTelegram.Call next = exchange(7300401, telegram.location(7300401, "es", LAT, LON));
		assertThat(next.text()).contains("¿Cuándo lo vio?");
	}


	@Test
	@Order(Integer.MAX_VALUE)
	void noLogLineOrRedisKeyCarriesAnIdANameOrAnExactPlace() {
		for (long resident : List.of(7300101L, 7300102L, 7300103L, 7300201L, 7300202L, 7300203L, 7300211L, 7300212L,
				7300221L, 7300251L, 7300301L, 7300302L, 7300401L)) {
			privacy.resident(resident);
		}
		privacy.place(LAT, LON).place(LAT + 0.0008, LON + 0.0005).place(ELGIN_LAT, ELGIN_LON)
			.place(ELGIN_LAT + 0.0008, ELGIN_LON + 0.0005).place(ELGIN_LAT - 0.0006, ELGIN_LON - 0.0004)
			.place(JOLIET_LAT, JOLIET_LON).place(SAN_MARCOS_LAT, SAN_MARCOS_LON)
			.place(30.2672, -97.7431).place(30.5083, -97.6789);
		// observers and the dispatcher consented to their chat ids being stored, never to being logged
		privacy.neverLogged(OBSERVER_A, OBSERVER_B, DISPATCHER).secret(FakeTelegram.TOKEN);
		// stricter than the scan's defaults: no fake user's name at all, and no coordinate to even 2 decimals
		privacy.neverLogged(Pattern.compile("Resident\\d|41\\.87|87\\.62|42\\.03|88\\.28|41\\.52|88\\.08|29\\.88|97\\.94"
				+ "|30\\.26|97\\.74|30\\.50|97\\.67"));

		var scanned = privacy.assertClean(bot.getBean(org.springframework.data.redis.core.StringRedisTemplate.class),
				"vigia-e2e:");

		assertThat(scanned.logLines()).isPositive();
		assertThat(scanned.keys()).isPositive();
		TtlScan.assertEveryKeyExpires(bot.getBean(org.springframework.data.redis.core.StringRedisTemplate.class),
				"vigia-e2e:");
	}

}
