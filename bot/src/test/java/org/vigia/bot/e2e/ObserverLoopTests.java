package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.photo.TestPhotos;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisObserverStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification loop from the side of the people in it (issue 10), in English and Spanish, against the fake
 * Bot API with the sample counties and the sample places file: an observer's prompt says where the scene is in
 * words and how far from them; after "I'm going" they get a map pin and the residents' photo; the prompt is
 * edited as reports arrive, when another observer answers, on a surge, when the alert is posted and when it is
 * closed; the channel alert names the place, with a pin under it; observers who checked later dispute the
 * confirmation, dispatchers are warned at once and the post says so. Every text they were sent is then read as
 * the person who got it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObserverLoopTests {

	/** About 400 m north-east of Millennium Park, in Cook County (a Spanish channel). */
	static final double LAT = 41.8852, LON = -87.6192;

	/** Observers: A (English, 400 m south-west of the scene), B (Spanish, 420 m north), C (English, 350 m east). */
	static final long A = 7_410_001, B = 7_410_002, C = 7_410_003, D = 7_410_004, E = 7_410_005;

	static final long RESIDENT_EN = 7_410_101, RESIDENT_ES = 7_410_102;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	static Scenario scenario;

	static byte[] photo = TestPhotos.jpeg(96, 64);

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		Path places = data.resolve("places.geojson");
		try (InputStream in = ObserverLoopTests.class.getResourceAsStream("/geo/sample-places.geojson")) {
			Files.copy(in, places);
		}
		bot = TestBot.start(telegram, data, "vigia-loop:", "--vigia.bot.places-file=" + places);
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	static void await(Runnable assertion) {
		Scenario.await(assertion);
	}

	/** Joins with a name typed (after one that breaks the rules), and goes on duty here. */
	static void join(long observer, String language, String name, double latitude, double longitude) {
		int before = telegram.deliveredTo(Scenario.DISPATCHER).size();
		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/invite"));
		await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSize(before + 1));
		Matcher code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(scenario.lastTo(Scenario.DISPATCHER).text());
		assertThat(code.find()).isTrue();
		scenario.send(telegram.text(observer, language, "/join " + code.group(1)));
		scenario.send(telegram.press(observer, language, "j:y"));
		await(() -> assertThat(scenario.lastTo(observer).buttons()).contains("j:name"));
		scenario.send(telegram.text(observer, language, "<a href=\"https://t.me/x\">me</a>"));
		await(() -> assertThat(scenario.lastTo(observer).text()).containsAnyOf("cannot be used", "No podemos usar"));
		scenario.send(telegram.text(observer, language, "  " + name + "  "));
		await(() -> assertThat(scenario.lastTo(observer).text()).containsAnyOf("Welcome, " + name, "Bienvenido/a, " + name));
		scenario.send(telegram.text(observer, language, "/onduty"));
		scenario.send(telegram.location(observer, language, latitude, longitude));
		await(() -> assertThat(scenario.lastTo(observer).text()).containsAnyOf("You are on duty", "Está de turno"));
	}

	/** The observer's latest "can you go and check?" (a message sent with a "going" button). */
	static Call prompt(long observer) {
		return nth(observer, "going", 1);
	}

	/** The observer's latest "what did you see?". */
	static Call verdictPrompt(long observer) {
		return nth(observer, "police", 1);
	}

	/** Waits for at least {@code n} messages sent to the observer with this button; returns the latest. */
	static Call nth(long observer, String action, int n) {
		await(() -> assertThat(telegram.deliveredTo(observer).stream().filter(c -> hasButton(c, action))).hasSizeGreaterThanOrEqualTo(n));
		return telegram.deliveredTo(observer).stream().filter(c -> hasButton(c, action)).reduce((x, y) -> y).orElseThrow();
	}

	static int count(long observer, String action) {
		return (int) telegram.deliveredTo(observer).stream().filter(c -> hasButton(c, action)).count();
	}

	static boolean hasButton(Call call, String action) {
		return call.buttons().stream().anyMatch(b -> b.startsWith("o:") && b.endsWith(":" + action));
	}

	/** The latest text of a message: its last edit, or as sent. */
	static Call latest(long chat, Call message) {
		List<Call> edits = telegram.edits(Long.toString(chat), telegram.messageId(message));
		return edits.isEmpty() ? message : edits.get(edits.size() - 1);
	}

	/** Presses a button and returns the answer to that press (the pop-up). */
	static Call press(long chat, String language, String data) {
		var update = telegram.press(chat, language, data);
		String id = update.path("callback_query").path("id").asText();
		scenario.send(update);
		await(() -> assertThat(answersTo(id)).hasSize(1));
		return answersTo(id).get(0);
	}

	static List<Call> answersTo(String callbackId) {
		return telegram.calls("answerCallbackQuery").stream()
			.filter(c -> c.params().path("callback_query_id").asText().equals(callbackId)).toList();
	}

	static String button(Call message, String action) {
		return message.buttons().stream().filter(b -> b.endsWith(":" + action)).findFirst().orElseThrow();
	}

	static Incident incidentNear(double lat, double lon) {
		return bot.bean(RedisIncidentStore.class).open().stream()
			.filter(i -> i.center().metersTo(GeoPoint.of(lat, lon)) < 500).findFirst().orElseThrow();
	}

	@Test
	@Order(1)
	void anObserverChoosesTheNameDispatchersSee() {
		join(A, "en", "Ana R.", 41.8830, -87.6230);
		join(B, "es", "Beto", 41.8890, -87.6192);
		join(C, "en", "Cleo", 41.8852, -87.6150);
		join(D, "es", "Dalia", 41.8870, -87.6200);
		join(E, "en", "Eli", 41.8840, -87.6180);

		var observers = bot.bean(RedisObserverStore.class);
		assertThat(observers.findByChat(Long.toString(A)).orElseThrow().alias()).isEqualTo("Ana R.");
		assertThat(observers.findByChat(Long.toString(B)).orElseThrow().alias()).isEqualTo("Beto");
	}

	@Test
	@Order(2)
	void thePromptSaysWhereInWordsAndHowFarAndInWhichDirectionFromTheObserver() {
		scenario.reportUpToThePhoto(RESIDENT_EN, "en", LAT, LON);
		telegram.deliver(telegram.photo(RESIDENT_EN, "en", photo, photo.length));
		await(() -> assertThat(scenario.lastTo(RESIDENT_EN).text()).contains("Anything else"));
		scenario.send(telegram.press(RESIDENT_EN, "en", button(scenario.lastTo(RESIDENT_EN), "skip")));
		await(() -> assertThat(scenario.lastTo(RESIDENT_EN).buttons()).anyMatch(b -> b.endsWith(":send")));
		scenario.send(telegram.press(RESIDENT_EN, "en", button(scenario.lastTo(RESIDENT_EN), "send")));

		String english = prompt(A).text();
		assertThat(english).contains("Can you go and check?")
			.contains("Residents report a checkpoint about 400 m north-east of Millennium Park (about 400 m north-east of you).")
			.contains("1 report · 3–5 agents · 1 vehicle")
			.contains("Seen at ");
		assertThat(prompt(C).text()).contains("(about 350 m west of you)");
		assertThat(prompt(B).text()).contains("¿Puede ir a verificar?")
			.contains("Residentes reportan un retén a unos 400 m al noreste de Millennium Park (a unos 400 m al sur de usted).")
			.contains("1 reporte · de 3 a 5 agentes · 1 vehículo");
		assertThat(button(prompt(A), "going")).hasSizeLessThanOrEqualTo(64);
	}

	@Test
	@Order(3)
	void thePromptIsEditedAsMoreReportsOfTheSceneArrive() {
		Call promptA = prompt(A);
		Call promptB = prompt(B);

		// a resident who asks to hear what volunteers find
		scenario.reportUpToThePhoto(RESIDENT_ES, "es", LAT + 0.0003, LON - 0.0002);
		for (String answer : List.of("6:skip", "7:skip", "8:sendf")) {
			scenario.send(telegram.press(RESIDENT_ES, "es", "r:" + answer));
		}

		await(() -> assertThat(latest(A, promptA).text()).contains("2 reports").contains("First seen at"));
		await(() -> assertThat(latest(B, promptB).text()).contains("2 reportes"));
		assertThat(latest(A, promptA).buttons()).as("still asking").anyMatch(b -> b.endsWith(":going"));
		assertThat(telegram.deliveredTo(A).stream().filter(c -> hasButton(c, "going"))).as("edited, not sent again")
			.hasSize(1);
	}

	@Test
	@Order(4)
	void afterImGoingTheObserverGetsAMapPinTheResidentsPhotoAndOneAcknowledgement() {
		int messagesBefore = telegram.deliveredTo(A).size();

		Call answer = press(A, "en", button(prompt(A), "going"));

		assertThat(answer.params().path("text").asText()).isEqualTo("Thank you. The map pin and the question follow.");
		Call question = verdictPrompt(A);
		assertThat(question.text()).contains("What did you see?").contains("2 reports");
		await(() -> assertThat(telegram.calls("sendVenue", Long.toString(A))).hasSize(1));
		JsonNode pin = telegram.calls("sendVenue", Long.toString(A)).get(0).params();
		assertThat(GeoPoint.of(pin.path("latitude").asDouble(), pin.path("longitude").asDouble())
			.metersTo(GeoPoint.of(LAT, LON))).isLessThan(50);
		assertThat(pin.path("title").asText()).isEqualTo("400 m north-east of Millennium Park");
		assertThat(pin.path("address").asText()).isEqualTo("Cook County");
		await(() -> assertThat(telegram.calls("sendPhoto", Long.toString(A))).hasSize(1));
		Call sentPhoto = telegram.calls("sendPhoto", Long.toString(A)).get(0);
		assertThat(sentPhoto.params().path("caption").asText()).contains("location and device data removed");
		byte[] bytes = sentPhoto.file("photo");
		assertThat(Arrays.copyOf(bytes, 2)).as("a JPEG").containsExactly(0xFF, 0xD8);
		assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).as("no EXIF").doesNotContain("Exif");
		// the "going" press is acknowledged once: the pop-up; the only new messages are the question (pin and
		// photo are not text messages), and the first prompt is edited to point to them
		assertThat(telegram.deliveredTo(A)).hasSize(messagesBefore + 1);
		await(() -> assertThat(latest(A, prompt(A)).text()).startsWith("✅ You are going to check a checkpoint"));
		assertThat(latest(A, prompt(A)).buttons()).isEmpty();
	}

	@Test
	@Order(5)
	void anotherObserversVerdictEditsThePromptAndEachVerdictIsThankedOnce() {
		press(B, "es", button(prompt(B), "going"));
		Call questionB = verdictPrompt(B);
		assertThat(questionB.text()).contains("¿Qué vio?").contains("Residentes reportan un retén");
		int messagesBefore = telegram.deliveredTo(B).size();

		Call answer = press(B, "es", button(questionB, "police"));

		assertThat(answer.params().path("text").asText()).isEqualTo("Gracias. Su respuesta quedó registrada.");
		await(() -> assertThat(latest(A, verdictPrompt(A)).text()).contains("Answers so far: 1 × local police"));
		await(() -> assertThat(latest(B, questionB).text()).contains("Su respuesta: policía local."));
		assertThat(latest(B, questionB).buttons()).as("answered: no more verdict buttons").isEmpty();
		assertThat(telegram.deliveredTo(B)).as("thanked once, on the button").hasSize(messagesBefore);
		assertThat(press(B, "es", button(questionB, "ice")).params().path("text").asText())
			.as("a used button").isEqualTo("Ese botón ya no está activo.");
	}

	@Test
	@Order(6)
	void whenTwoObserversConfirmTheAlertNamesThePlaceWithAPinAndThePromptsSaySo() {
		press(A, "en", button(verdictPrompt(A), "ice"));
		press(C, "en", button(prompt(C), "going"));
		press(C, "en", button(verdictPrompt(C), "ice"));

		await(() -> assertThat(telegram.deliveredTo("@vigia_sample_cook")).hasSize(1));
		Call alert = telegram.deliveredTo("@vigia_sample_cook").get(0);
		assertThat(alert.text()).contains("VERIFICADO").contains("Cook County")
			.contains("📍 A 400 m al noreste de Millennium Park").contains("👁 Retén").contains("🕒 Desde las ")
			.contains("Verificado por 2 observadores capacitados");
		await(() -> assertThat(telegram.calls("sendVenue", "@vigia_sample_cook")).hasSize(1));
		JsonNode pin = telegram.calls("sendVenue", "@vigia_sample_cook").get(0).params();
		assertThat(pin.path("title").asText()).isEqualTo("A 400 m al noreste de Millennium Park");
		assertThat(pin.path("reply_parameters").path("message_id").asLong()).isEqualTo(telegram.messageId(alert));
		await(() -> assertThat(incidentNear(LAT, LON).state()).isEqualTo(IncidentState.PUBLISHED));
		await(() -> assertThat(latest(A, verdictPrompt(A)).text()).contains("the alert was posted in the channel")
			.contains("Your answer: immigration agents confirmed."));
		assertThat(latest(A, verdictPrompt(A)).buttons()).singleElement().satisfies(b -> assertThat(b).endsWith(":left"));
		await(() -> assertThat(latest(E, prompt(E)).text()).contains("the alert was posted in the channel"));
	}

	@Test
	@Order(7)
	void observersWhoCheckLaterAndDisagreeDisputeTheAlertDispatchersAreWarnedAndThePostSaysSo() {
		int warningsBefore = (int) telegram.deliveredTo(Scenario.DISPATCHER).stream()
			.filter(c -> c.text().contains("Disputed alert")).count();
		press(D, "es", button(prompt(D), "going"));
		press(D, "es", button(verdictPrompt(D), "nothing"));
		assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).noneMatch(c -> c.text().contains("Disputed alert"));
		press(E, "en", button(prompt(E), "going"));
		press(E, "en", button(verdictPrompt(E), "police"));

		await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER).stream()
			.filter(c -> c.text().contains("Disputed alert"))).hasSize(warningsBefore + 1));
		Call warning = telegram.deliveredTo(Scenario.DISPATCHER).stream().filter(c -> c.text().contains("Disputed alert"))
			.reduce((x, y) -> y).orElseThrow();
		assertThat(warning.text()).contains("a checkpoint about 400 m north-east of Millennium Park was confirmed at")
			.contains("1 × local police, 1 × nothing there");
		assertThat(warning.buttons()).anyMatch(b -> b.endsWith(":not-ice")).anyMatch(b -> b.endsWith(":end"));
		Call alert = telegram.deliveredTo("@vigia_sample_cook").get(0);
		await(() -> assertThat(latestInChannel(alert).text()).contains("En duda"));
		assertThat(incidentNear(LAT, LON).state()).as("the confirmation stands until a dispatcher decides")
			.isEqualTo(IncidentState.PUBLISHED);
		await(() -> assertThat(latest(A, verdictPrompt(A)).text()).contains("Disputed"));
	}

	/** The latest text of a message of the Cook County channel. */
	static Call latestInChannel(Call message) {
		List<Call> edits = telegram.edits("@vigia_sample_cook", telegram.messageId(message));
		return edits.isEmpty() ? message : edits.get(edits.size() - 1);
	}

	@Test
	@Order(8)
	void dispatchersReadEachSceneInWordsWithWhoIsGoingAndWhatTheirDecisionDid() {
		int before = telegram.deliveredTo(Scenario.DISPATCHER).size();
		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/incidents"));
		await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSizeGreaterThan(before));
		Call item = telegram.deliveredTo(Scenario.DISPATCHER).get(before);
		assertThat(item.text()).contains("<b>Checkpoint</b> · 400 m north-east of Millennium Park")
			.contains("2 reports · alert disputed · 5 observers asked · 5 on the way")
			.contains("On the way: Ana R., Beto, Cleo, Dalia, Eli");

		press(Scenario.DISPATCHER, "en", button(item, "not-ice"));

		await(() -> assertThat(scenario.lastTo(Scenario.DISPATCHER).text()).isEqualTo(
				"Done: you marked a checkpoint about 400 m north-east of Millennium Park as not immigration enforcement."));
		Call alert = telegram.deliveredTo("@vigia_sample_cook").get(0);
		await(() -> assertThat(latestInChannel(alert).text()).contains("Corrección"));
		await(() -> assertThat(latest(E, verdictPrompt(E)).text()).contains("Closed: volunteers found it was not"));
		assertThat(latest(E, verdictPrompt(E)).buttons()).isEmpty();
		await(() -> assertThat(telegram.deliveredTo(RESIDENT_ES)).anyMatch(c -> c.text().startsWith("Novedad sobre su reporte")));
	}

	@Test
	@Order(9)
	void anInviteSaysWhenItExpiresWithItsDayAndDate() {
		scenario.send(telegram.text(Scenario.DISPATCHER, "es", "/invite"));
		var expires = java.time.ZonedDateTime.now(java.time.ZoneId.of("America/Chicago")).plusHours(48);
		var spanish = java.util.Locale.forLanguageTag("es");
		String day = java.time.format.DateTimeFormatter.ofPattern("EEEE d", spanish).format(expires) + " de "
				+ java.time.format.DateTimeFormatter.ofPattern("MMMM", spanish).format(expires);
		await(() -> assertThat(scenario.lastTo(Scenario.DISPATCHER).text()).contains("Vence el " + day + " a las ")
			.contains("dentro de 48 horas"));
	}

	@Test
	@Order(10)
	void aSurgeAtAnUnverifiedSceneIsShownInThePromptAndWarnsDispatchers() {
		double lat = 30.2700, lon = -97.7430;
		for (long observer : List.of(B, D)) {
			telegram.deliver(telegram.liveLocation(observer, "es", lat + 0.003, lon));
		}
		await(() -> assertThat(bot.bean(RedisObserverStore.class).nearestOnDuty(GeoPoint.of(lat, lon), 1000, 5))
			.hasSize(2));
		int before = count(D, "going");
		scenario.report(7_410_200, "es", lat, lon);
		Call first = nth(D, "going", before + 1);
		assertThat(first.text()).contains("1 reporte").contains("Texas State Capitol");

		for (long resident = 7_410_201; resident < 7_410_210; resident++) {
			scenario.report(resident, "es", lat + (resident % 3) * 0.0002, lon);
		}

		await(() -> assertThat(latest(D, first).text()).contains("⚠️ 10 reportes en")
			.contains("puede ser una avalancha de reportes falsos"));
		await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER))
			.anyMatch(c -> c.text().contains("Surge") && c.text().contains("10 reports of one scene (a checkpoint")));
	}

	@Test
	@Order(11)
	void anEnglishChannelsAlertNamesThePlaceWithAPin() {
		double lat = 30.5120, lon = -97.6781;
		for (long observer : List.of(A, C)) {
			telegram.deliver(telegram.liveLocation(observer, "en", lat - 0.004, lon));
		}
		await(() -> assertThat(bot.bean(RedisObserverStore.class).nearestOnDuty(GeoPoint.of(lat, lon), 1000, 5))
			.hasSize(2));
		var asked = new java.util.HashMap<Long, Integer>();
		var going = new java.util.HashMap<Long, Integer>();
		for (long observer : List.of(A, C)) {
			asked.put(observer, count(observer, "going"));
			going.put(observer, count(observer, "police"));
		}
		scenario.report(7_410_300, "en", lat, lon);
		for (long observer : List.of(A, C)) {
			press(observer, "en", button(nth(observer, "going", asked.get(observer) + 1), "going"));
			press(observer, "en", button(nth(observer, "police", going.get(observer) + 1), "ice"));
		}

		await(() -> assertThat(telegram.deliveredTo("@vigia_sample_williamson")).hasSize(1));
		assertThat(telegram.deliveredTo("@vigia_sample_williamson").get(0).text()).contains("VERIFIED")
			.contains("📍 400 m north of Round Rock City Hall").contains("👁 Checkpoint").contains("🕒 Since ")
			.contains("Verified by 2 trained observers");
		await(() -> assertThat(telegram.calls("sendVenue", "@vigia_sample_williamson")).singleElement()
			.satisfies(c -> assertThat(c.params().path("title").asText()).isEqualTo("400 m north of Round Rock City Hall")));
	}

	@Test
	@Order(12)
	void everyTextObserversDispatchersAndChannelsGotReadsAsWordsNoConstantNoIdNoBrokenMarkup() {
		var people = new java.util.HashSet<String>(List.of("@vigia_sample_cook", "@vigia_sample_williamson",
				Long.toString(Scenario.DISPATCHER)));
		for (long o : List.of(A, B, C, D, E)) {
			people.add(Long.toString(o));
		}
		var secrets = new java.util.HashSet<String>();
		var observers = bot.bean(RedisObserverStore.class);
		for (long o : List.of(A, B, C, D, E)) {
			secrets.add(observers.findByChat(Long.toString(o)).orElseThrow().id().value());
		}
		var html = new ArrayList<String>();
		var plain = new ArrayList<String>();
		for (Call call : telegram.calls()) {
			JsonNode p = call.params();
			p.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> {
				String[] data = b.path("callback_data").asText().split(":");
				if (data.length == 3 && (data[0].equals("o") || data[0].equals("d"))) {
					secrets.add(data[1]);
				}
			}));
			boolean outcome = call.chat().equals(Long.toString(RESIDENT_ES)) && call.text().startsWith("Novedad");
			boolean toPeople = people.contains(call.chat()) || outcome
					|| call.method().equalsIgnoreCase("answerCallbackQuery");
			if (!toPeople || !call.delivered()) {
				continue;
			}
			for (String field : List.of("text", "caption")) {
				if (p.hasNonNull(field)) {
					html.add(p.path(field).asText());
				}
			}
			for (String field : List.of("title", "address")) {
				if (p.hasNonNull(field)) {
					plain.add(p.path(field).asText());
				}
			}
			p.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> plain.add(b.path("text").asText())));
		}
		assertThat(html).hasSizeGreaterThan(100);
		// what they read, for a person to review (the build log keeps it)
		for (long chat : List.of(A, B, Scenario.DISPATCHER)) {
			telegram.deliveredTo(chat).stream().filter(c -> c.text().contains("·")).limit(2)
				.forEach(c -> System.out.println("TRANSCRIPT " + chat + " | " + c.text().replace("\n", " ⏎ ")));
		}
		telegram.deliveredTo("@vigia_sample_cook").forEach(c -> System.out.println("TRANSCRIPT channel | "
				+ latestInChannel(c).text().replace("\n", " ⏎ ")));
		assertThat(plain).hasSizeGreaterThan(50);
		var all = new ArrayList<>(html);
		all.addAll(plain);
		for (String text : all) {
			assertThat(text).as("a program constant").doesNotContainPattern("[A-Z]{3,}_[A-Z_]+")
				.as("a placeholder").doesNotContain("{0}").doesNotContain("{1}").doesNotContain("null");
			for (String secret : secrets) {
				assertThat(text).as("an internal id or token").doesNotContain(secret);
			}
		}
		for (String text : html) {
			org.vigia.bot.TelegramHtml.assertWellFormed(text);
		}
		for (String text : plain) {
			assertThat(text).as("markup in a plain text").doesNotContain("<b>").doesNotContain("&amp;").doesNotContain("&lt;");
		}
	}


}
