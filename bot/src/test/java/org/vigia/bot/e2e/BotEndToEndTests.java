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
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BotEndToEndTests {

	/** Ids far from any number a log line prints (a duration, a port, a time), so the privacy scan stays strict. */
	static final long DISPATCHER = 7300900;

	static final long OBSERVER_A = 7300501;

	static final long OBSERVER_B = 7300502;

	/** Downtown Chicago, in Cook County, whose channel is @vigia_sample_cook (Spanish). */
	static final double LAT = 41.8781, LON = -87.6298;

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
		exchange(observer, telegram.press(observer, "es", "j:y"));
		assertThat(last(observer).text()).contains("Bienvenido/a");
		exchange(observer, telegram.text(observer, "es", "/onduty"));
		FakeTelegram.Call on = exchange(observer, telegram.location(observer, "es", LAT + 0.004, LON + 0.002));
		assertThat(on.text()).contains("Está de turno");
	}

	@Test
	@Order(1)
	void aResidentIsGreetedInTheirLanguage() {
		assertThat(exchange(7300101, telegram.text(7300101, "es-MX", "/start")).text()).contains("Bienvenido/a a Vigía")
			.contains("555-0100");
		assertThat(exchange(7300102, telegram.text(7300102, "en", "/start")).text()).contains("Welcome to Vigía");
		await(() -> assertThat(telegram.calls("setMyCommands")).hasSize(2));
		assertThat(telegram.calls("setMyCommands")).anySatisfy(c -> {
			assertThat(c.params().path("language_code").asText()).isEqualTo("es");
			assertThat(c.params().path("commands").get(0).path("description").asText()).isEqualTo("Reportar lo que ve");
		});
	}

	@Test
	@Order(2)
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
	@Order(3)
	void threeResidentsReportingOneSceneMakeOneIncident() {
		becomeObserver(OBSERVER_A);
		becomeObserver(OBSERVER_B);

		report(7300201, "es", LAT, LON);
		report(7300202, "en", LAT + 0.0008, LON + 0.0005);
		report(7300203, "es", LAT - 0.0006, LON - 0.0004);

		List<Incident> open = bot.getBean(RedisIncidentStore.class).open();
		assertThat(open).hasSize(1);
		assertThat(open.get(0).reports()).hasSize(3);
		assertThat(open.get(0).state()).isEqualTo(IncidentState.DISPATCHED);
		assertThat(last(7300202).text()).contains("do not repost");
	}

	@Test
	@Order(4)
	void aForgedOrForeignButtonPressChangesNothing() {
		await(() -> assertThat(telegram.sentTo(OBSERVER_A)).anyMatch(c -> c.text().contains("¿Puede ir a verificar?")));
		FakeTelegram.Call prompt = telegram.sentTo(OBSERVER_A).stream()
			.filter(c -> c.text().contains("¿Puede ir a verificar?")).findFirst().orElseThrow();
		String going = prompt.button("o:");
		Incident before = bot.getBean(RedisIncidentStore.class).open().get(0);

		telegram.deliver(telegram.press(999, "en", going));
		telegram.deliver(telegram.press(999, "en", "o:AAAAAAAAAAAA:i"));
		telegram.deliver(telegram.press(999, "en", "d:" + before.id() + ":c"));
		await(() -> assertThat(telegram.calls("answerCallbackQuery")
			.stream()
			.filter(c -> c.params().path("text").asText().length() > 0)).hasSizeGreaterThanOrEqualTo(3));

		Incident after = bot.getBean(RedisIncidentStore.class).find(before.id()).orElseThrow();
		assertThat(after.history()).isEqualTo(before.history());
		assertThat(after.dispatch()).isEqualTo(before.dispatch());
	}

	@Test
	@Order(5)
	void twoObserversConfirmingPublishExactlyOneAlertInTheRightChannel() {
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			await(() -> assertThat(telegram.sentTo(observer)).anyMatch(c -> c.text().contains("¿Puede ir a verificar?")));
			FakeTelegram.Call prompt = telegram.sentTo(observer).stream()
				.filter(c -> c.text().contains("¿Puede ir a verificar?")).findFirst().orElseThrow();
			assertThat(prompt.text()).doesNotContain("7300201").doesNotContain("Resident");
			String going = prompt.buttons().stream().filter(b -> b.endsWith(":g")).findFirst().orElseThrow();
			FakeTelegram.Call ask = exchange(observer, telegram.press(observer, "es", going));
			assertThat(ask.text()).contains("¿Qué vio?");
			String ice = ask.buttons().stream().filter(b -> b.endsWith(":i")).findFirst().orElseThrow();
			exchange(observer, telegram.press(observer, "es", ice));
			// pressing the same verdict again is not counted twice
			telegram.deliver(telegram.press(observer, "es", ice));
		}

		await(() -> assertThat(telegram.sentTo("@vigia_sample_cook")).hasSize(1));
		var observerStore = bot.getBean(org.vigia.store.RedisObserverStore.class);
		var a = observerStore.findByChat(OBSERVER_A).orElseThrow();
		assertThat(observerStore.verdicts(a.id())).as("the repeated press was not counted").isEqualTo(1);
		assertThat(observerStore.lastSeen(a.id())).isPresent();
		FakeTelegram.Call alert = telegram.sentTo("@vigia_sample_cook").get(0);
		assertThat(alert.text()).contains("VERIFICADO").contains("Cook County").contains("2 observador");
		await(() -> assertThat(bot.getBean(RedisIncidentStore.class).open().get(0).state())
			.isEqualTo(IncidentState.PUBLISHED));
		assertThat(telegram.calls("sendMessage")).filteredOn(c -> c.chat().startsWith("@")).hasSize(1);
		await(() -> assertThat(telegram.sentTo(7300201)).anyMatch(c -> c.text().contains("confirmaron")));
		assertThat(telegram.sentTo(7300202)).anyMatch(c -> c.text().contains("confirmed"));
	}

	@Test
	@Order(55)
	void whenAnObserverSaysTheAgentsLeftTheSamePostIsEdited() {
		await(() -> assertThat(telegram.sentTo(OBSERVER_A)).anyMatch(c -> c.text().contains("Cuando los agentes")));
		FakeTelegram.Call ask = telegram.sentTo(OBSERVER_A).stream().filter(c -> c.text().contains("Cuando los agentes"))
			.findFirst().orElseThrow();
		long posted = telegram.sentTo("@vigia_sample_cook").size();

		exchange(OBSERVER_A, telegram.press(OBSERVER_A, "es", ask.button("o:")));

		await(() -> assertThat(telegram.calls("editMessageText")).anyMatch(c -> c.chat().equals("@vigia_sample_cook")
				&& c.text().contains("Se reportó que los agentes se fueron")));
		assertThat(telegram.sentTo("@vigia_sample_cook")).hasSize((int) posted);
		assertThat(bot.getBean(RedisIncidentStore.class).open())
			.noneMatch(i -> i.center().metersTo(org.vigia.core.geo.GeoPoint.of(LAT, LON)) < 1000);
	}


	/** Moves both on-duty observers (a live location update) and has them answer the next prompt. */
	static void observersAnswer(double lat, double lon, String verdict) {
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			telegram.deliver(telegram.liveLocation(observer, "es", lat, lon));
		}
		await(() -> assertThat(bot.getBean(org.vigia.store.RedisObserverStore.class)
			.nearestOnDuty(org.vigia.core.geo.GeoPoint.of(lat, lon), 1000, 5)).hasSize(2));
	}

	static void verdictFromBoth(String verdict) {
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			int prompts = (int) telegram.sentTo(observer).stream().filter(c -> c.text().contains("¿Puede ir")).count();
			await(() -> assertThat(telegram.sentTo(observer).stream().filter(c -> c.text().contains("¿Puede ir")))
				.hasSizeGreaterThan(0));
			FakeTelegram.Call prompt = telegram.sentTo(observer).stream().filter(c -> c.text().contains("¿Puede ir"))
				.reduce((a, b) -> b).orElseThrow();
			String going = prompt.buttons().stream().filter(b -> b.endsWith(":g")).findFirst().orElseThrow();
			FakeTelegram.Call ask = exchange(observer, telegram.press(observer, "es", going));
			String data = ask.buttons().stream().filter(b -> b.endsWith(":" + verdict)).findFirst().orElseThrow();
			exchange(observer, telegram.press(observer, "es", data));
		}
	}

	static int promptsTo(long observer) {
		return (int) telegram.sentTo(observer).stream().filter(c -> c.text().contains("¿Puede ir")).count();
	}

	@Test
	@Order(6)
	void localPoliceVerdictsPostNothingAndTellTheResidentsWhoAsked() {
		double lat = 30.2672, lon = -97.7431;
		observersAnswer(lat, lon, "p");
		int before = promptsTo(OBSERVER_A);

		report(7300301, "es", lat, lon);
		await(() -> assertThat(promptsTo(OBSERVER_A)).isGreaterThan(before));
		await(() -> assertThat(promptsTo(OBSERVER_B)).isGreaterThan(before));
		verdictFromBoth("p");

		await(() -> assertThat(telegram.sentTo(7300301)).anyMatch(c -> c.text().contains("no</b> era control migratorio")));
		assertThat(telegram.sentTo("@vigia_sample_travis")).isEmpty();
		assertThat(telegram.calls("sendMessage")).filteredOn(c -> c.chat().startsWith("@")).hasSize(1);
	}

	@Test
	@Order(7)
	void aRateLimitedAlertIsPostedOnceAfterTheWait() {
		double lat = 30.5083, lon = -97.6789;
		observersAnswer(lat, lon, "i");
		int before = promptsTo(OBSERVER_A);
		telegram.rateLimitNextTo("@vigia_sample_williamson", 1, 2);

		report(7300302, "en", lat, lon);
		await(() -> assertThat(promptsTo(OBSERVER_A)).isGreaterThan(before));
		await(() -> assertThat(promptsTo(OBSERVER_B)).isGreaterThan(before));
		verdictFromBoth("i");

		await(() -> assertThat(telegram.sentTo("@vigia_sample_williamson")).hasSize(2));
		var attempts = telegram.sentTo("@vigia_sample_williamson");
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(
				Duration.ofMillis(1900));
		assertThat(attempts.get(1).text()).contains("VERIFIED").contains("Williamson County");
		await(() -> assertThat(telegram.sentTo(7300302)).anyMatch(c -> c.text().contains("confirmed")));
		assertThat(telegram.sentTo("@vigia_sample_williamson")).hasSize(2);
	}

	@Test
	@Order(8)
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
	@Order(9)
	void noLogLineOrRedisKeyCarriesAnIdANameOrAnExactPlace() {
		for (long resident : List.of(7300101L, 7300102L, 7300103L, 7300201L, 7300202L, 7300203L, 7300301L, 7300302L, 7300401L)) {
			privacy.resident(resident);
		}
		privacy.place(LAT, LON).place(LAT + 0.0008, LON + 0.0005).place(LAT - 0.0006, LON - 0.0004)
			.place(30.2672, -97.7431).place(30.5083, -97.6789);
		// observers and the dispatcher consented to their chat ids being stored, never to being logged
		privacy.neverLogged(OBSERVER_A, OBSERVER_B, DISPATCHER).secret(FakeTelegram.TOKEN);
		// stricter than the scan's defaults: no fake user's name at all, and no coordinate to even 2 decimals
		privacy.neverLogged(Pattern.compile("Resident\\d|41\\.87|87\\.62|30\\.26|97\\.74|30\\.50|97\\.67"));

		var scanned = privacy.assertClean(bot.getBean(org.springframework.data.redis.core.StringRedisTemplate.class),
				"vigia-e2e:");

		assertThat(scanned.logLines()).isPositive();
		assertThat(scanned.keys()).isPositive();
	}

}
