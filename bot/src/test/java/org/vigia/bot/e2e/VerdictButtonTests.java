package org.vigia.bot.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.VerdictKind;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisObserverStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 §2, from the observers' side: only the buttons a person was shown act. Every action code (the named
 * ones, the old letters and garbage) is pressed on every token each observer holds at each step (their own
 * and another observer's, offered or not, before and after use), and every press that is not exactly a button
 * on the person's screen is answered and changes nothing. An expired or used button says so and changes nothing;
 * a verdict whose compare-and-set loses every try (as under sustained contention: another writer always came
 * first, and the store gives up) is answered "it did not count", changes nothing, and counts when pressed again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerdictButtonTests {

	static final double LAT = 41.8781, LON = -87.6298;

	static final long ONE = 850_001, TWO = 850_002, THREE = 850_003, RESIDENT = 850_100;

	/** Every action code tried on every token: the names, the old letters, near misses and garbage. */
	static final List<String> CODES = List.of("going", "cant", "ice", "police", "other", "nothing", "left", "g", "c",
			"i", "p", "a", "n", "x", "", "GOING", "Ice", "ice ", " going", "ice:ice", "going:", "confirm", "not-ice",
			"end", "../x", "left\u0000", "nothing".repeat(8));

	static HostileBot bot;

	static Incident incident;

	static int presses;

	/** What must not change when a press is refused. */
	record Snapshot(Incident incident, long oneVerdicts, long twoVerdicts, long posts) {
	}

	@BeforeAll
	static void start() throws IOException {
		bot = HostileBot.start("buttons");
		bot.privacy.place(LAT, LON).resident(RESIDENT);
		bot.observer(ONE, LAT + 0.003, LON);
		bot.observer(TWO, LAT - 0.003, LON);
		bot.observer(THREE, LAT, LON + 0.003);
		var report = new ReportDriver(bot, LAT, LON);
		report.to(RESIDENT, 1);
		report.finish(RESIDENT);
		incident = bot.bean(RedisIncidentStore.class).open().get(0);
	}

	@AfterAll
	static void stop() {
		if (bot == null) {
			return;
		}
		try {
			System.out.println(bot.tally("VerdictButtonTests"));
			bot.assertNoHandlerFailed();
		}
		finally {
			bot.close();
		}
	}

	static Snapshot snapshot() {
		var observers = bot.bean(RedisObserverStore.class);
		return new Snapshot(bot.bean(RedisIncidentStore.class).find(incident.id()).orElseThrow(),
				observers.verdicts(observers.findByChat(Long.toString(ONE)).orElseThrow().id()),
				observers.verdicts(observers.findByChat(Long.toString(TWO)).orElseThrow().id()),
				bot.telegram.calls("sendMessage").stream().filter(c -> c.chat().startsWith("@")).count());
	}

	/** The token of the latest message to this observer that has this button. */
	static String token(long observer, String action) {
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> bot.telegram.deliveredTo(observer).stream()
			.anyMatch(c -> c.buttons().stream().anyMatch(b -> b.startsWith("o:") && b.endsWith(":" + action))));
		String data = bot.telegram.deliveredTo(observer).stream()
			.flatMap(c -> c.buttons().stream())
			.filter(b -> b.startsWith("o:") && b.endsWith(":" + action))
			.reduce((a, b) -> b)
			.orElseThrow();
		return data.split(":")[1];
	}

	/** Presses and returns the text of the answer to that press (every press is answered). */
	static String press(long user, String token, String code) {
		var update = bot.telegram.press(user, "es", "o:" + token + ":" + code);
		String id = update.path("callback_query").path("id").asText();
		var calls = bot.send("press on an observer's token", update);
		presses++;
		assertThat(HostileBot.answers(update, calls)).as("answered: " + code).isTrue();
		return calls.stream()
			.filter(c -> c.method().equalsIgnoreCase("answerCallbackQuery")
					&& c.params().path("callback_query_id").asText().equals(id))
			.findFirst().orElseThrow().params().path("text").asText();
	}

	/** Every code but the offered ones, by this user on this token: each answered, none changing anything. */
	static void nothingButOffered(long user, String token, Set<String> offered, String expectedAnswer) {
		Snapshot before = snapshot();
		var tried = new ArrayList<String>();
		for (String code : CODES) {
			if (offered.contains(code)) {
				continue;
			}
			assertThat(press(user, token, code)).as(code).isEqualTo(expectedAnswer);
			tried.add(code);
		}
		assertThat(snapshot()).as("after " + tried).isEqualTo(before);
	}

	@Test
	@Order(1)
	void onAPromptOnlyGoingAndCantActAndOnlyForItsObserver() {
		String ask = token(ONE, "going");
		String others = token(TWO, "going");

		nothingButOffered(ONE, ask, Set.of("going", "cant"), "Ese botón ya no está activo.");
		nothingButOffered(ONE, others, Set.of(), "Ese botón no es para usted.");
		nothingButOffered(TWO, ask, Set.of(), "Ese botón no es para usted.");

		assertThat(snapshot().incident().verdicts()).isEmpty();
		assertThat(snapshot().incident().dispatch().going()).isEmpty();
	}

	@Test
	@Order(2)
	void goingUsesUpThePromptAndTheVerdictButtonsOfferOnlyVerdicts() {
		String ask = token(ONE, "going");

		assertThat(press(ONE, ask, "going")).isEqualTo("Gracias. Ahora le enviamos el pin del mapa y la pregunta.");

		String verdict = token(ONE, "police");
		nothingButOffered(ONE, ask, Set.of(), "Ese botón ya no está activo.");
		nothingButOffered(ONE, verdict, Set.of("ice", "police", "other", "nothing"), "Ese botón ya no está activo.");
		nothingButOffered(TWO, verdict, Set.of(), "Ese botón no es para usted.");
	}

	@Test
	@Order(3)
	void aUsedVerdictButtonSaysSoAndChangesNothing() {
		String verdict = token(ONE, "police");

		assertThat(press(ONE, verdict, "police")).isEqualTo("Gracias. Su respuesta quedó registrada.");
		assertThat(snapshot().incident().verdicts()).singleElement()
			.satisfies(v -> assertThat(v.kind()).isEqualTo(VerdictKind.LOCAL_POLICE));

		nothingButOffered(ONE, verdict, Set.of(), "Ese botón ya no está activo.");
	}

	@Test
	@Order(4)
	void anExpiredButtonSaysSoAndChangesNothing() {
		String ask = token(THREE, "going");
		var key = bot.prefix + "btn:" + ask;
		assertThat(bot.redis().hasKey(key)).isTrue();
		// its lifetime ends (Redis expires it, as it would after the unverified deadline and an hour)
		bot.redis().expire(key, Duration.ofMillis(1));
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> !bot.redis().hasKey(key));

		nothingButOffered(THREE, ask, Set.of(), "Ese botón ya no está activo.");
		assertThat(press(THREE, ask, "going")).isEqualTo("Ese botón ya no está activo.");
		assertThat(snapshot().incident().dispatch().going()).doesNotContain(
				bot.bean(RedisObserverStore.class).findByChat(Long.toString(THREE)).orElseThrow().id());
	}

	@Test
	@Order(5)
	void aVerdictLostToSustainedContentionIsToldItDidNotCountAndCountsWhenPressedAgain() throws Exception {
		assertThat(press(TWO, token(TWO, "going"), "going")).startsWith("Gracias.");
		String verdict = token(TWO, "ice");
		Snapshot before = snapshot();
		String key = bot.prefix + "incident:" + incident.id().value();
		String counter = String.valueOf(bot.redis().opsForHash().get(key, "w"));
		// as if another writer always came first: the incident's write counter is written in digits that Java
		// reads as the same number but the compare-and-set script never matches, so every one of its tries loses
		bot.redis().opsForHash().put(key, "w", otherDigits(counter));
		String answer;
		try {
			answer = press(TWO, verdict, "ice");
		}
		finally {
			bot.redis().opsForHash().put(key, "w", counter);
		}

		assertThat(answer).isEqualTo(
				"No pudimos guardar su respuesta en este momento, así que no contó. Toque el botón otra vez, por favor.");
		Snapshot after = snapshot();
		assertThat(after.incident().verdicts()).isEqualTo(before.incident().verdicts());
		assertThat(after.twoVerdicts()).isEqualTo(before.twoVerdicts());

		assertThat(press(TWO, verdict, "ice")).isEqualTo("Gracias. Su respuesta quedó registrada.");
		assertThat(snapshot().incident().verdicts()).hasSize(2);
		assertThat(snapshot().twoVerdicts()).isEqualTo(before.twoVerdicts() + 1);
		System.out.println("HOSTILE VerdictButtonTests | button presses tried: " + presses);
	}

	/** The same number in Arabic-Indic digits ("٤٢" for "42"). */
	static String otherDigits(String number) {
		var out = new StringBuilder();
		number.chars().forEach(c -> out.append((char) ('\u0660' + (c - '0'))));
		return out.toString();
	}

}
