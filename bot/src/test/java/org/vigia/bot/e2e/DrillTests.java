package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisIncidentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill (issue 14, part 1) against the fake Bot API and a real Redis: a dispatcher starts one with /drill, the
 * practice scenes go through the real dispatch, "I'm going", verdicts and quorum; every message says it is a
 * drill, in the reader's language; the "alert" goes to the drill channel and never to the neighborhood's channel;
 * a real report beside a drill scene opens a real incident.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillTests {

	/** The middle of a small neighborhood (about 400 m square) in Chicago. */
	static final double LAT = 41.8852, LON = -87.6192;

	static final long ANA = 7_420_001, BETO = 7_420_002, RESIDENT = 7_420_101;

	static final String HOOD_CHANNEL = "@vigia_drill_hood", DRILL_CHANNEL = "@vigia_drills";

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	static Scenario scenario;

	static TestClock clock;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		double dLat = 0.0018, dLon = 0.0024;
		String square = String.format(Locale.ROOT, "[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]", LON - dLon, LAT - dLat,
				LON + dLon, LAT - dLat, LON + dLon, LAT + dLat, LON - dLon, LAT + dLat, LON - dLon, LAT - dLat);
		Path hoods = data.resolve("hoods.geojson");
		Files.writeString(hoods, """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Plaza Grande",
				"channel":"%s","language":"es"},"geometry":{"type":"Polygon","coordinates":[%s]}}]}
				""".formatted(HOOD_CHANNEL, square));
		clock = new TestClock(java.time.Instant.now());
		bot = TestBot.start(telegram, data, "vigia-drill:", builder -> builder.initializers(clock.install()),
				"--vigia.bot.neighborhoods-file=" + hoods,
				"--vigia.bot.drill-channel=" + DRILL_CHANNEL);
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

	static void join(long observer, String language, String name, double latitude, double longitude) {
		int before = telegram.deliveredTo(Scenario.DISPATCHER).size();
		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/invite"));
		await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSize(before + 1));
		Matcher code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(scenario.lastTo(Scenario.DISPATCHER).text());
		assertThat(code.find()).isTrue();
		scenario.send(telegram.text(observer, language, "/join " + code.group(1)));
		scenario.send(telegram.press(observer, language, "j:y"));
		await(() -> assertThat(scenario.lastTo(observer).buttons()).contains("j:name"));
		scenario.send(telegram.text(observer, language, name));
		await(() -> assertThat(scenario.lastTo(observer).text()).containsAnyOf("Welcome, " + name, "Bienvenido/a, " + name));
		scenario.send(telegram.text(observer, language, "/onduty"));
		scenario.send(telegram.location(observer, language, latitude, longitude));
		await(() -> assertThat(scenario.lastTo(observer).text()).containsAnyOf("You are on duty", "Está de turno"));
	}

	static List<Call> withButton(long observer, String action) {
		return telegram.deliveredTo(observer).stream()
			.filter(c -> c.buttons().stream().anyMatch(b -> b.startsWith("o:") && b.endsWith(":" + action)))
			.toList();
	}

	static String button(Call message, String action) {
		return message.buttons().stream().filter(b -> b.endsWith(":" + action)).findFirst().orElseThrow();
	}

	static List<Incident> drills() {
		return bot.bean(RedisIncidentStore.class).open().stream().filter(i -> i.id().drill()).toList();
	}

	@Test
	@Order(1)
	void onlyADispatcherCanStartADrill() {
		scenario.send(telegram.text(RESIDENT, "en", "/drill 2 0"));
		await(() -> assertThat(scenario.lastTo(RESIDENT).text()).isNotBlank());
		assertThat(scenario.lastTo(RESIDENT).text()).doesNotContain("Drill started");
		assertThat(drills()).isEmpty();
	}

	@Test
	@Order(2)
	void observersGetDrillMarkedPromptsInTheirLanguagesAndTheirConfirmationsPostOnlyToTheDrillChannel() {
		join(ANA, "en", "Ana R.", LAT - 0.0005, LON - 0.0005);
		join(BETO, "es", "Beto", LAT + 0.0005, LON + 0.0005);

		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/drill 2 0 Plaza Grande"));

		await(() -> assertThat(scenario.lastTo(Scenario.DISPATCHER).text()).contains("Drill started")
			.contains("2 practice scenes").contains("Plaza Grande"));
		await(() -> assertThat(withButton(ANA, "going")).hasSize(2));
		await(() -> assertThat(withButton(BETO, "going")).hasSize(2));
		assertThat(drills()).hasSize(2).allSatisfy(i -> assertThat(i.dispatch().asked()).hasSize(2));
		for (Call prompt : withButton(ANA, "going")) {
			assertThat(prompt.text()).startsWith("<b>🧪 DRILL — not real</b>").contains("Can you go and check?");
		}
		for (Call prompt : withButton(BETO, "going")) {
			assertThat(prompt.text()).startsWith("<b>🧪 SIMULACRO — no es real</b>").contains("¿Puede ir a verificar?");
		}

		for (long observer : List.of(ANA, BETO)) {
			String language = observer == ANA ? "en" : "es";
			List<Call> prompts = withButton(observer, "going");
			for (int n = 0; n < prompts.size(); n++) {
				scenario.send(telegram.press(observer, language, button(prompts.get(n), "going")));
				int expected = n + 1;
				await(() -> assertThat(withButton(observer, "ice")).hasSize(expected));
				Call question = withButton(observer, "ice").get(n);
				assertThat(question.text()).startsWith(observer == ANA ? "<b>🧪 DRILL — not real</b>"
						: "<b>🧪 SIMULACRO — no es real</b>");
				scenario.send(telegram.press(observer, language, button(question, "ice")));
			}
		}

		await(() -> assertThat(telegram.deliveredTo(DRILL_CHANNEL)).hasSize(2));
		for (Call post : telegram.deliveredTo(DRILL_CHANNEL)) {
			assertThat(post.text()).startsWith("<b>🧪 SIMULACRO — no es real</b>").contains("Plaza Grande");
		}
		await(() -> assertThat(bot.bean(RedisIncidentStore.class).open().stream().filter(i -> i.id().drill()))
			.hasSize(2).allSatisfy(i -> assertThat(i.state()).isEqualTo(IncidentState.PUBLISHED)));
		assertThat(telegram.sentTo(HOOD_CHANNEL)).as("never the neighborhood's channel").isEmpty();
	}

	@Test
	@Order(3)
	void aRealReportBesideADrillSceneOpensARealIncident() {
		Incident drill = drills().get(0);
		GeoPoint at = drill.center();
		int before = withButton(ANA, "going").size();

		// about 22 m from the practice scene, towards the middle of the neighborhood (so never outside it)
		scenario.report(RESIDENT, "en", at.latitude() + Math.signum(LAT - at.latitude()) * 0.0002, at.longitude());

		await(() -> assertThat(bot.bean(RedisIncidentStore.class).open().stream().filter(i -> !i.id().drill()))
			.singleElement().satisfies(i -> assertThat(i.center().metersTo(at)).isLessThan(50)));
		assertThat(bot.bean(RedisIncidentStore.class).find(drill.id()).orElseThrow().reports())
			.as("the drill scene took no real report").hasSize(1);
		await(() -> assertThat(withButton(ANA, "going")).hasSize(before + 1));
		assertThat(withButton(ANA, "going").get(before).text()).as("a real scene is not marked as a drill")
			.doesNotContain("DRILL");
	}

	@Test
	@Order(4)
	void theDrillReportShowsEachScenesTimesAndEachObserversAnswers() {
		int before = telegram.deliveredTo(Scenario.DISPATCHER).size();

		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/drill report"));

		await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSize(before + 2));
		String report = telegram.deliveredTo(Scenario.DISPATCHER).get(before).text();
		for (int scene = 1; scene <= 2; scene++) {
			assertThat(report).containsPattern("Scene " + scene + " \\(started \\d\\d:\\d\\d\\): first “I’m going” after 0 min \\d+ s, "
					+ "confirmed after 0 min \\d+ s, posted after 0 min \\d+ s\\.");
		}
		assertThat(report).contains("Ana R." + ": 2 prompts, 2 answered, usual time to answer 0 min ")
			.contains("Beto" + ": 2 prompts, 2 answered, usual time to answer 0 min ")
			.doesNotContain("drill-");
		String csv = org.vigia.bot.messages.Texts.plain(telegram.deliveredTo(Scenario.DISPATCHER).get(before + 1).text());
		assertThat(csv).contains("scene,started,seconds_to_first_going,seconds_to_quorum,seconds_to_post")
			.containsPattern("\\n1,[0-9T:Z-]+,\\d+,\\d+,\\d+\\n2,[0-9T:Z-]+,\\d+,\\d+,\\d+\\n")
			.contains("\"" + "Ana R." + "\",2,2,");
	}

	@Test
	@Order(5)
	void everyKeyADrillLeavesExpiresWithinTheRetentionOfOpenIncidents() {
		var redis = bot.bean(org.springframework.data.redis.core.StringRedisTemplate.class);
		var keys = new java.util.ArrayList<String>();
		try (var cursor = redis.scan(org.springframework.data.redis.core.ScanOptions.scanOptions().match("vigia-drill:*drill*")
			.count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		assertThat(keys).as("the scene list, the practice incidents and their reports")
			.anyMatch(k -> k.equals("vigia-drill:drill:scenes"))
			.anyMatch(k -> k.startsWith("vigia-drill:incident:drill-"))
			.anyMatch(k -> k.startsWith("vigia-drill:report:drill-"));
		for (String key : keys) {
			Long ttl = redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS);
			assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(java.time.Duration.ofHours(12).toMillis());
		}
	}

	@Test
	@Order(6)
	void aResidentWhoChecksARumorAtAConfirmedDrillSceneHearsNothingOfIt() {
		long asker = 7_420_102;
		GeoPoint at = drills().get(0).center();
		assertThat(drills()).as("confirmed and posted practice scenes").isNotEmpty()
			.allSatisfy(i -> assertThat(i.state()).isEqualTo(IncidentState.PUBLISHED));

		scenario.send(telegram.text(asker, "en", "/check"));
		await(() -> assertThat(scenario.lastTo(asker).text()).contains("Is a rumor true?"));
		scenario.send(telegram.location(asker, "en", at.latitude(), at.longitude()));

		await(() -> assertThat(scenario.lastTo(asker).text()).startsWith("Nothing has been verified near there"));
		assertThat(telegram.deliveredTo(asker)).noneMatch(c -> c.text().contains("DRILL") || c.text().contains("Checkpoint")
				|| c.text().contains("Plaza Grande"));
	}

	@Test
	@Order(7)
	void aDispatchersListOfOpenScenesMarksThePracticeOnes() {
		int before = telegram.deliveredTo(Scenario.DISPATCHER).size();

		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/incidents"));

		await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSize(before + 3));
		List<Call> items = telegram.deliveredTo(Scenario.DISPATCHER).subList(before, before + 3);
		assertThat(items.stream().filter(c -> c.text().startsWith("<b>🧪 DRILL — not real</b>"))).hasSize(2);
		assertThat(items.stream().filter(c -> !c.text().contains("DRILL"))).as("the real scene").hasSize(1);
	}

	@Test
	@Order(8)
	void aDrillOverTenMinutesStartsItsSecondSceneFiveMinutesLater() {
		int before = drills().size();
		int promptsBefore = withButton(ANA, "going").size();

		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/drill 2 10"));

		await(() -> assertThat(drills()).hasSize(before + 1));
		await(() -> assertThat(withButton(ANA, "going")).hasSize(promptsBefore + 1));
		clock.advance(java.time.Duration.ofMinutes(4));
		assertThat(drills()).as("not yet").hasSize(before + 1);

		clock.advance(java.time.Duration.ofMinutes(1));

		await(() -> assertThat(drills()).hasSize(before + 2));
		await(() -> assertThat(withButton(ANA, "going")).hasSize(promptsBefore + 2));
		assertThat(withButton(ANA, "going").get(promptsBefore + 1).text()).startsWith("<b>🧪 DRILL — not real</b>");
	}


	@Test
	@Order(9)
	void endingAPracticeSceneEditsItsDrillPostWhichStillSaysItIsADrill() {
		var published = bot.bean(RedisIncidentStore.class).open().stream()
			.filter(i -> i.id().drill() && i.state() == IncidentState.PUBLISHED).findFirst().orElseThrow();
		int edits = telegram.calls("editMessageText", DRILL_CHANNEL).size();

		bot.bean(org.vigia.bot.incident.Verification.class).dispatcherEnd(published.id(), "drill-over");

		await(() -> assertThat(telegram.calls("editMessageText", DRILL_CHANNEL)).hasSize(edits + 1));
		Call edit = telegram.calls("editMessageText", DRILL_CHANNEL).get(edits);
		assertThat(edit.text()).startsWith("<b>🧪 SIMULACRO — no es real</b>").contains("Plaza Grande");
		assertThat(telegram.sentTo(HOOD_CHANNEL)).as("never the neighborhood's channel").isEmpty();
	}

}
