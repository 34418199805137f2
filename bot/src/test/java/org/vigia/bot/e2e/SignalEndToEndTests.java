package org.vigia.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.messaging.StyledText;
import org.vigia.store.RedisIncidentStore;

/**
 * The bot with both messengers (issue 12): Telegram at the fake Bot API, Signal at the fake signal-cli, each over
 * HTTP, on a real Redis. People on Signal answer numbered menus by number, letter, word or quote, send places as
 * map links or typed coordinates, and are answered on Signal; their reports merge with Telegram residents'. A
 * forged envelope changes nothing, messages sent while the bot is down are handled once it is back, and no log
 * line or Redis key holds a Signal service id, phone number or profile name. Ordered only so that the restart
 * and the privacy scan come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalEndToEndTests {

	static final String PREFIX = "vigia-signal-e2e:";

	/** Signal residents (service ids). */
	static final String ROSA = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", ANA = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
			LUIS = "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e", FORGER = "77777777-0000-4000-8000-000000000077";

	/** Telegram residents. */
	static final long TELEGRAM_A = 7_520_001, TELEGRAM_B = 7_520_002;

	/** Pilsen, in Cook County (sample counties). */
	static final double LAT = 41.8523, LON = -87.6601;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static FakeSignalCli signal;

	static PrivacyScan privacy;

	static TestBot bot;

	/** Cook County's Signal group (announcement-only, the bot an admin), beside its Telegram channel. */
	static final String COOK_GROUP = Base64.getEncoder().encodeToString("cook county alerts, signal group".getBytes(StandardCharsets.US_ASCII));

	/** A Telegram observer, on duty in Chicago's Loop. */
	static final long OBSERVER_A = 7_520_101;

	/** An observer on Signal, on duty there at a place she sent. */
	static final String OLGA = "6e7f8091-a2b3-4c4d-9e5f-6a7b8c9d0e1f";

	/** A dispatcher on Signal (DISPATCHER_SIGNAL_IDS). */
	static final String DORA = "d0a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a7b";

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		signal = new FakeSignalCli();
		signal.group(COOK_GROUP, "Vigía Cook", true);
		privacy = PrivacyScan.start();
		// the sample counties, Cook County with a Signal group beside its channel
		try (InputStream in = SignalEndToEndTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			String counties = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String cook = "\"channel\":\"@vigia_sample_cook\"";
			assertThat(counties).contains(cook);
			Files.createDirectories(data);
			Files.writeString(data.resolve("counties.geojson"),
					counties.replace(cook, cook + ",\"signal_group\":\"" + COOK_GROUP + "\""));
		}
		bot = startBot();
	}

	static TestBot startBot() {
		return TestBot.start(telegram, data, PREFIX, builder -> builder.listeners(privacy.onEveryStart()),
				"--vigia.signal.url=" + signal.url(), "--vigia.signal.account=" + FakeSignalCli.ACCOUNT,
				"--vigia.bot.signal-dispatchers=" + DORA.toUpperCase(java.util.Locale.ROOT));
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		privacy.close();
		signal.close();
		telegram.close();
	}

	/** Sends a text as this person and returns the bot's next message to them. */
	static FakeSignalCli.Call say(String person, String text) {
		int before = signal.sentTo(person).size();
		signal.message(person, text);
		return next(person, before);
	}

	/** Sends a text quoting the bot's message sent at {@code quoted}, and returns the bot's next message. */
	static FakeSignalCli.Call quote(String person, long quoted, String text) {
		int before = signal.sentTo(person).size();
		ObjectNode item = signal.item(person, signal.nextTimestamp());
		ObjectNode message = (ObjectNode) item.get("envelope").get("dataMessage");
		message.put("message", text);
		message.putObject("quote").put("id", quoted).put("authorNumber", FakeSignalCli.ACCOUNT).put("text", "…");
		signal.deliver(item);
		return next(person, before);
	}

	static FakeSignalCli.Call next(String person, int before) {
		Scenario.await(() -> assertThat(signal.sentTo(person)).hasSizeGreaterThan(before));
		return signal.sentTo(person).get(before);
	}

	/** The open incidents within a kilometre of a place. */
	static List<Incident> near(double lat, double lon) {
		return bot.bean(RedisIncidentStore.class).open().stream()
			.filter(i -> i.center().metersTo(GeoPoint.of(lat, lon)) < 1000)
			.toList();
	}

	@Test
	@Order(1)
	void aSignalResidentReportsWithNumbersLettersWordsAQuoteAndAMapLink() {
		var prompt = say(ROSA, "/report");
		assertThat(prompt.text()).startsWith("What is happening?").contains("\n1 Someone being detained\n2 Checkpoint\n")
			.endsWith("Reply with the number, or with the words of the option you choose.");

		// nonsense is no answer: the question stays, and a word of an option then answers it
		var nonsense = say(ROSA, "purple elephant");
		assertThat(nonsense.text()).startsWith("Please answer with the number or the words of one of the options below.")
			.contains("What is happening?").doesNotContain("Where is it?");
		var where = say(ROSA, "checkpoint");
		assertThat(where.text()).startsWith("Where is it?").contains("On Signal: share the place from your maps app");

		var when = say(ROSA, "https://maps.google.com/?q=" + LAT + "," + LON);
		assertThat(when.text()).startsWith("When did you see it?").contains("\nA Right now\n");

		// a quote of the question answers it, by letter
		var agents = quote(ROSA, when.timestamp(), "a");
		assertThat(agents.text()).startsWith("About how many agents?");
		// in a lettered menu, a number picks the option whose own numbers hold it: 4 is "3–5"
		var vehicles = say(ROSA, "4");
		assertThat(vehicles.text()).startsWith("How many vehicles?");
		var uniforms = say(ROSA, "1");
		assertThat(uniforms.text()).startsWith("Uniforms or markings?");
		assertThat(say(ROSA, "Done").text()).startsWith("Photo (optional).");
		assertThat(say(ROSA, "skip").text()).startsWith("Anything else? (optional)");
		var summary = say(ROSA, "1");
		assertThat(summary.text()).startsWith("Please check your report").contains("What: Checkpoint")
			.contains("When: Right now").contains("Agents: 3–5").contains("Vehicles: 1");
		var thanks = say(ROSA, "2");
		assertThat(thanks.text()).startsWith("Thank you");

		List<Incident> here = near(LAT, LON);
		assertThat(here).hasSize(1);
		assertThat(here.get(0).reports()).hasSize(1);
		// the conversation is over: a number now chooses nothing
		assertThat(say(ROSA, "1").text()).startsWith("I did not understand that.");
	}

	@Test
	@Order(2)
	void aResidentOnSignalAndTwoOnTelegramReportingOneSceneMakeOneIncident() {
		double lat = 41.8800, lon = -87.6300;
		var scenario = Scenario.polling(telegram);
		scenario.report(TELEGRAM_A, "en", lat + 0.0008, lon + 0.0005);
		scenario.report(TELEGRAM_B, "es", lat - 0.0006, lon - 0.0004);
		say(ANA, "/report");
		say(ANA, "2");
		say(ANA, lat + ", " + lon);
		for (String answer : List.of("a", "b", "a", "done", "skip", "skip")) {
			say(ANA, answer);
		}
		// "send" is in two options ("Send report", "Send and tell me…"): no guess, the person is asked again
		assertThat(say(ANA, "send").text()).doesNotStartWith("Thank you");
		assertThat(say(ANA, "send report").text()).startsWith("Thank you");

		Scenario.await(() -> {
			List<Incident> here = near(lat, lon);
			assertThat(here).hasSize(1);
			assertThat(here.get(0).reports()).hasSize(3);
		});
		// each was answered on their own messenger
		assertThat(scenario.deliveredTo(TELEGRAM_A, "Thank you")).hasSize(1);
		assertThat(scenario.deliveredTo(TELEGRAM_B, "Gracias")).hasSize(1);
		assertThat(signal.sentTo(ANA).stream().filter(c -> c.text().startsWith("Thank you"))).hasSize(1);
	}

	@Test
	@Order(3)
	void aSpanishSpeakerOnSignalChoosesSpanishAndIsAskedInSpanish() {
		var languages = say(LUIS, "/language");
		assertThat(languages.text()).contains("\n1 English\n2 Español");
		assertThat(say(LUIS, "español").text()).isNotBlank();
		var prompt = say(LUIS, "/report");
		assertThat(prompt.text()).startsWith("¿Qué está pasando?")
			.endsWith("Responda con el número o con las palabras de la opción que elige.");
		var where = say(LUIS, "retén");
		assertThat(where.text()).startsWith("¿Dónde es?").contains("En Signal: comparta el lugar");
		assertThat(say(LUIS, "/cancel").text()).isNotBlank();
		assertThat(say(LUIS, "/check").text()).startsWith("¿Es cierto un rumor?\nEnvíe el lugar")
			.contains("En Signal: comparta el lugar");
		assertThat(say(LUIS, "/cancel").text()).isNotBlank();
	}

	@Test
	@Order(4)
	void aForgedEnvelopeChangesNothing() {
		int sent = signal.sent().size();
		// for another account, and without the sender's service id
		ObjectNode foreign = signal.item(FORGER, signal.nextTimestamp());
		foreign.put("account", "+15550199999");
		((ObjectNode) foreign.get("envelope").get("dataMessage")).put("message", "/report");
		signal.deliverToBot(foreign);
		ObjectNode anonymous = signal.item(FORGER, signal.nextTimestamp());
		((ObjectNode) anonymous.get("envelope")).remove("sourceUuid");
		((ObjectNode) anonymous.get("envelope").get("dataMessage")).put("message", "/report");
		signal.deliverToBot(anonymous);
		// a real message after them: once it is answered, the forged ones were read (and dropped)
		assertThat(say(ROSA, "/help").text()).isNotBlank();

		assertThat(signal.sentTo(FORGER)).isEmpty();
		assertThat(signal.sent()).hasSize(sent + 1);
	}

	@Test
	@Order(5)
	void observersOnSignalAndTelegramConfirmingPostOnceInTheChannelAndOnceInTheSignalGroupAndTheSignalResidentIsTold() {
		double lat = 41.9100, lon = -87.6800;
		var scenario = Scenario.polling(telegram);
		scenario.becomeObserver(OBSERVER_A, lat + 0.002, lon);
		// an observer on Signal joins with an invite, consents, types her name, and goes on duty at a place she sent
		int invites = telegram.deliveredTo(Scenario.DISPATCHER).size();
		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/invite"));
		Scenario.await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSize(invites + 1));
		var code = java.util.regex.Pattern.compile("<code>([A-Z0-9]+)</code>")
			.matcher(scenario.lastTo(Scenario.DISPATCHER).text());
		assertThat(code.find()).isTrue();
		assertThat(say(OLGA, "/join " + code.group(1)).text()).startsWith("Before you join").contains("\n1 I agree\n");
		assertThat(say(OLGA, "agree").text()).startsWith("Which name should dispatchers see?");
		assertThat(say(OLGA, "Olga").text()).startsWith("Welcome, Olga.");
		say(OLGA, "/onduty");
		assertThat(say(OLGA, "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + (lon + 0.002)).text())
			.startsWith("You are on duty.");
		say(ANA, "/report");
		say(ANA, "1");
		say(ANA, "geo:" + lat + "," + lon);
		for (String answer : List.of("a", "b", "a", "ice", "done", "skip", "skip")) {
			say(ANA, answer);
		}
		assertThat(say(ANA, "send and tell me").text()).startsWith("Thank you");

		Scenario.await(() -> assertThat(going(OBSERVER_A)).isPresent());
		int questions = questionsTo(OBSERVER_A).size();
		telegram.deliver(telegram.press(OBSERVER_A, "en", going(OBSERVER_A).orElseThrow()));
		Scenario.await(() -> assertThat(questionsTo(OBSERVER_A)).hasSizeGreaterThan(questions));
		String ice = questionsTo(OBSERVER_A).get(questions).buttons().stream().filter(b -> b.endsWith(":ice"))
			.findFirst().orElseThrow();
		telegram.deliver(telegram.press(OBSERVER_A, "en", ice));

		// on Signal: the prompt as a numbered menu; she answers it by quoting it, then the verdict by its words
		Scenario.await(() -> assertThat(prompts(OLGA)).isNotEmpty());
		var prompt = prompts(OLGA).get(0);
		assertThat(prompt.text()).contains("\n1 I’m going\n2 Can’t go");
		int before = signal.sentTo(OLGA).size();
		quote(OLGA, prompt.timestamp(), "1");
		Scenario.await(() -> assertThat(signal.sentTo(OLGA).subList(before, signal.sentTo(OLGA).size()).stream()
			.filter(c -> c.text().startsWith("What did you see?"))).hasSize(1));
		var verdict = signal.sentTo(OLGA).stream().filter(c -> c.text().startsWith("What did you see?")).findFirst()
			.orElseThrow();
		assertThat(verdict.text()).contains("ICE / immigration confirmed");
		assertThat(say(OLGA, "nonsense words").text()).isNotBlank();
		quote(OLGA, verdict.timestamp(), "immigration confirmed");
		Scenario.await(() -> assertThat(signal.sentTo(OLGA).stream()
			.filter(c -> c.text().startsWith("Thank you. Your answer was recorded."))).hasSize(1));

		Scenario.await(() -> assertThat(telegram.sentTo("@vigia_sample_cook")).hasSize(1));
		Scenario.await(() -> assertThat(signal.sentTo(COOK_GROUP)).isNotEmpty());
		String alert = telegram.sentTo("@vigia_sample_cook").get(0).text();
		// one post in the group, in the channel's language, with its pin as a maps link quoting it
		List<FakeSignalCli.Call> posts = signal.sentTo(COOK_GROUP).stream()
			.filter(c -> !c.params().has("quoteTimestamp")).toList();
		assertThat(posts).hasSize(1);
		assertThat(posts.get(0).text()).isEqualTo(StyledText.fromMarkup(alert).plainText()).startsWith("🔴 VERIFICADO");
		Scenario.await(() -> assertThat(signal.sentTo(COOK_GROUP).stream()
			.filter(c -> c.params().path("quoteTimestamp").asLong() == posts.get(0).timestamp())
			.filter(c -> c.text().contains("https://www.google.com/maps/search/?api=1&query="))).hasSize(1));
		assertThat(posts.get(0).params().path("textStyles").toString()).contains("BOLD");
		// the resident on Signal who asked is told what volunteers found, once, on Signal
		Scenario.await(() -> assertThat(signal.sentTo(ANA).stream()
			.filter(c -> c.text().startsWith("Update on your report: trained volunteers confirmed"))).hasSize(1));
		// and nothing more is posted however long the bot keeps sweeping
		assertThat(telegram.sentTo("@vigia_sample_cook")).hasSize(1);
		assertThat(signal.sentTo(COOK_GROUP).stream().filter(c -> !c.params().has("quoteTimestamp"))).hasSize(1);
	}

	/** The "can you go and check?" prompts sent (not edited) to a person on Signal. */
	static List<FakeSignalCli.Call> prompts(String person) {
		return signal.sentTo(person).stream().filter(c -> !c.params().has("editTimestamp"))
			.filter(c -> c.text().startsWith("Can you go and check?")).toList();
	}

	static java.util.Optional<String> going(long observer) {
		return telegram.deliveredTo(observer).stream().flatMap(c -> c.buttons().stream())
			.filter(b -> b.startsWith("o:") && b.endsWith(":going")).reduce((a, b) -> b);
	}

	static List<FakeTelegram.Call> questionsTo(long observer) {
		return telegram.deliveredTo(observer).stream()
			.filter(c -> c.buttons().stream().anyMatch(b -> b.endsWith(":police"))).toList();
	}

	@Test
	@Order(6)
	void whenSignalDemandsACaptchaDispatchersAreToldAndTheirSolutionReleasesTheHeldMessagesInOrder() {
		int toDispatcher = telegram.deliveredTo(Scenario.DISPATCHER).size();
		signal.demandProof("5fad97ac-7d06-4e44-b18a-b950b20148ff", 86_400);
		int before = signal.sentTo(LUIS).size();
		signal.message(LUIS, "/rights");
		signal.message(LUIS, "/help");

		Scenario.await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSizeGreaterThan(toDispatcher));
		assertThat(telegram.deliveredTo(Scenario.DISPATCHER).get(toDispatcher).text())
			.startsWith("⚠️ <b>Signal has stopped the bot’s messages</b>").contains("messages are waiting");
		assertThat(signal.sentTo(LUIS)).hasSize(before);

		// someone who is not a dispatcher cannot submit one
		var scenario = Scenario.polling(telegram);
		scenario.send(telegram.text(TELEGRAM_A, "en", FakeSignalCli.SOLVED_CAPTCHA));
		Scenario.await(() -> assertThat(scenario.lastTo(TELEGRAM_A).text()).isEqualTo("This command is for dispatchers."));
		assertThat(signal.calls("submitRateLimitChallenge")).isEmpty();

		scenario.send(telegram.text(Scenario.DISPATCHER, "en", FakeSignalCli.SOLVED_CAPTCHA));
		Scenario.await(() -> assertThat(scenario.lastTo(Scenario.DISPATCHER).text())
			.startsWith("Signal accepted the captcha"));
		Scenario.await(() -> assertThat(signal.sentTo(LUIS)).hasSize(before + 2));
		// in the order they were asked for, each once (Luis chose Spanish)
		assertThat(signal.sentTo(LUIS).get(before).text()).isEqualTo(
				StyledText.fromMarkup(bot.bean(org.vigia.bot.messages.Texts.class).render("rights.card", "es", "555-0100"))
					.plainText());
		assertThat(signal.calls("submitRateLimitChallenge")).hasSize(1);
	}

	@Test
	@Order(7)
	void healthShowsEachTransport() throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/actuator/health")).build();
		HttpResponse<String> health = TestBot.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"signal\":{\"status\":\"UP\"}").contains("\"telegram\":{\"status\":\"UP\"}");
	}

	@Test
	@Order(8)
	void messagesSentOnSignalWhileTheBotIsDownAreHandledWhenItIsBack() {
		say(ROSA, "/report");
		assertThat(say(ROSA, "2").text()).startsWith("Where is it?");
		int before = signal.sentTo(ROSA).size();

		bot.close();
		bot = null;
		signal.message(ROSA, LAT + ", " + LON);
		signal.message(ROSA, "now");
		bot = startBot();

		Scenario.await(() -> assertThat(signal.sentTo(ROSA)).hasSizeGreaterThanOrEqualTo(before + 2));
		assertThat(signal.sentTo(ROSA).get(before).text()).startsWith("When did you see it?");
		assertThat(signal.sentTo(ROSA).get(before + 1).text()).startsWith("About how many agents?");
		assertThat(say(ROSA, "/cancel").text()).isNotBlank();
	}

	@Test
	@Order(9)
	void nothingSentOnSignalSpeaksOfButtonsTappingOrTelegramsAttachMenu() {
		List<FakeSignalCli.Call> toPeople = signal.sent().stream().filter(c -> !c.to().equals(COOK_GROUP)).toList();
		assertThat(toPeople).hasSizeGreaterThan(50);
		for (FakeSignalCli.Call message : toPeople) {
			assertThat(message.text()).as(message.text()).doesNotContainIgnoringCase("button").doesNotContainIgnoringCase("botón")
				.doesNotContain("Tap ").doesNotContain("Toque").doesNotContain("📎");
		}
	}

	@Test
	@Order(10)
	void anAdminsCaptchaFromTheConsoleReleasesTheHeldMessagesAndTheSolutionIsNotKept() {
		var redis = bot.bean(StringRedisTemplate.class);
		signal.demandProof("8c1e22d0-4b6f-4c0e-9d0a-2f3b4c5d6e7f", 86_400);
		int before = signal.sentTo(LUIS).size();
		signal.message(LUIS, "/rights");
		Scenario.await(() -> assertThat(bot.bean(org.vigia.bot.signal.SignalOutbox.class).challenge())
			.hasValueSatisfying(c -> assertThat(c.held()).isPositive()));
		assertThat(signal.sentTo(LUIS)).hasSize(before);
		// the console's banner: the flag is up while messages are held
		var flag = bot.bean(org.vigia.store.SignalCaptchaFlag.class);
		Scenario.await(() -> assertThat(flag.find()).hasValueSatisfying(h -> assertThat(h.held()).isPositive()));

		// something that is not a solution is refused and submits nothing
		int submitted = signal.calls("submitRateLimitChallenge").size();
		consoleCommand(java.util.Map.of("id", "captcha-e2e-0001", "type", "signal-captcha", "captcha", "hello",
				"reason", "held alerts", "actor", "admin"));
		Scenario.await(() -> assertThat(answerTo("captcha-e2e-0001")).containsEntry("type", "command-failed")
			.containsEntry("detail", "not a signalcaptcha:// link"));
		assertThat(signal.calls("submitRateLimitChallenge")).hasSize(submitted);
		assertThat(signal.sentTo(LUIS)).hasSize(before);

		consoleCommand(java.util.Map.of("id", "captcha-e2e-0002", "type", "signal-captcha", "captcha",
				FakeSignalCli.SOLVED_CAPTCHA, "reason", "held alerts", "actor", "admin"));
		Scenario.await(() -> assertThat(answerTo("captcha-e2e-0002")).containsEntry("type", "command-done")
			.containsEntry("state", "ACCEPTED").containsEntry("detail", "captcha accepted: held messages are being sent"));
		Scenario.await(() -> assertThat(signal.sentTo(LUIS)).hasSize(before + 1));
		assertThat(signal.calls("submitRateLimitChallenge")).hasSize(submitted + 1);
		Scenario.await(() -> assertThat(flag.find()).isEmpty());
		// the solution is gone from the command stream, and no event repeats it
		Scenario.await(() -> assertThat(redis.opsForStream().range(PREFIX + "commands",
				org.springframework.data.domain.Range.unbounded()))
			.noneMatch(e -> e.getValue().containsValue(FakeSignalCli.SOLVED_CAPTCHA)));
		assertThat(redis.opsForStream().range(PREFIX + "events", org.springframework.data.domain.Range.unbounded()))
			.noneMatch(e -> e.getValue().toString().contains("registration.solved"));

		// with nothing held, a solution is answered as not needed
		consoleCommand(java.util.Map.of("id", "captcha-e2e-0003", "type", "signal-captcha", "captcha",
				FakeSignalCli.SOLVED_CAPTCHA, "reason", "again", "actor", "admin"));
		Scenario.await(() -> assertThat(answerTo("captcha-e2e-0003")).containsEntry("type", "command-done")
			.containsEntry("state", "NOT_NEEDED").containsEntry("detail", "no captcha is needed now"));
	}

	static void consoleCommand(java.util.Map<String, String> fields) {
		org.vigia.store.RedisStreams.append(bot.bean(StringRedisTemplate.class), PREFIX + "commands", fields,
				org.vigia.store.RedisCommandStream.MAX_ENTRIES, org.vigia.store.RedisCommandStream.KEEP);
	}

	/** The console's event answering the command with this id, or an empty map. */
	static java.util.Map<Object, Object> answerTo(String command) {
		return bot.bean(StringRedisTemplate.class).opsForStream()
			.range(PREFIX + "events", org.springframework.data.domain.Range.unbounded()).stream()
			.map(e -> e.getValue()).filter(v -> command.equals(v.get("command"))).findFirst()
			.orElse(java.util.Map.of());
	}

	@Test
	@Order(11)
	void aDispatcherOnSignalListsIncidentsAndInvitesWhileAResidentCannot() {
		String incidents = say(DORA, "/incidents").text();
		assertThat(incidents).isNotEqualTo("This command is for dispatchers.").isNotBlank();
		int before = signal.sentTo(DORA).size();
		signal.message(DORA, "/invite");
		Scenario.await(() -> assertThat(signal.sentTo(DORA).subList(before, signal.sentTo(DORA).size()).stream()
			.filter(c -> c.text().startsWith("New observer invite code (single use):"))).hasSize(1));
		String invite = signal.sentTo(DORA).subList(before, signal.sentTo(DORA).size()).stream()
			.filter(c -> c.text().startsWith("New observer invite code (single use):")).findFirst().orElseThrow().text();
		var code = Pattern.compile("\\n([A-Z0-9]{6,})\\n").matcher(invite);
		assertThat(code.find()).as("a code on a line of its own: %s", invite).isTrue();
		// the code works: a new observer on Signal joins with it
		String newcomer = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
		assertThat(say(newcomer, "/join " + code.group(1)).text()).startsWith("Before you join");

		assertThat(say(ROSA, "/invite").text()).isEqualTo("This command is for dispatchers.");
		assertThat(say(ROSA, "/incidents").text()).isEqualTo("This command is for dispatchers.");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void noLogLineOrRedisKeyCarriesASignalIdANumberOrAName() {
		for (String person : List.of(ROSA, ANA, LUIS, FORGER)) {
			privacy.signalPerson(person);
		}
		// an observer on Signal consented to her service id being stored (to reach her), never to being logged
		privacy.neverLogged(Pattern.compile(Pattern.quote(OLGA))).phone(FakeSignalCli.numberOf(OLGA));
		privacy.neverLogged(Pattern.compile("(?i)" + Pattern.quote(DORA)));
		privacy.resident(TELEGRAM_A).resident(TELEGRAM_B).neverLogged(OBSERVER_A, Scenario.DISPATCHER);
		privacy.place(LAT, LON).place(41.8800, -87.6300).place(41.9100, -87.6800).secret(FakeTelegram.TOKEN).secret(FakeSignalCli.SOLVED_CAPTCHA).neverLogged(Pattern.compile("41\\.85|87\\.66|41\\.88|87\\.63|41\\.91|87\\.68"));
		var redis = bot.bean(StringRedisTemplate.class);

		var scanned = privacy.assertClean(redis, PREFIX);

		assertThat(scanned.logLines()).isPositive();
		assertThat(scanned.keys()).isPositive();
		TtlScan.assertEveryKeyExpires(redis, PREFIX);
	}

}
