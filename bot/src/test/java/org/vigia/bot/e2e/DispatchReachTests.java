package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisIncidentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quorum needs two observers, so one "I'm going" does not end the search (the simulator found scenes where the
 * first observer went and nobody else was ever asked). The bot on its default policy and a clock the test moves:
 * seven observers north of a scene (six within 3 km, one at 4.5 km); the five nearest are asked, one goes and the
 * other four stay silent. Three minutes later the silent four stop holding their places and the sixth is asked;
 * five minutes in, with still only one going, the search widens to 6 km and the seventh is asked. A silent
 * observer is never un-asked: their "I'm going" still counts, and with it the scene is confirmed.
 */
class DispatchReachTests {

	static final String PREFIX = "vigia-reach:";

	static final double LAT = 41.8781, LON = -87.6298;

	/** North of the scene: about 0.5, 1, 1.5, 2, 2.5, 2.8 and 4.5 km away. */
	static final long A = 7_420_001, B = 7_420_002, C = 7_420_003, D = 7_420_004, E = 7_420_005, F = 7_420_006,
			G = 7_420_007;

	static final double[] NORTH = { 0.0045, 0.009, 0.0135, 0.018, 0.0225, 0.025, 0.040 };

	static final long RESIDENT = 7_429_101;

	static final String ASK = "Can you go and check?";

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestClock clock;

	static TestBot bot;

	static Scenario scenario;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		clock = new TestClock(Instant.now());
		bot = TestBot.start(telegram, data, PREFIX, builder -> builder.initializers(clock.install()));
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
	void oneObserverGoingDoesNotStopTheSearchForASecond() {
		List<Long> observers = List.of(A, B, C, D, E, F, G);
		for (int i = 0; i < observers.size(); i++) {
			scenario.becomeObserver(observers.get(i), LAT + NORTH[i], LON);
		}
		scenario.report(RESIDENT, "en", LAT, LON);
		for (long asked : List.of(A, B, C, D, E)) {
			Scenario.await(() -> assertThat(scenario.sentTo(asked, ASK)).hasSize(1));
		}
		scenario.send(telegram.press(A, "en", Scenario.action(scenario.sentTo(A, ASK).get(0), "going")));
		Scenario.await(() -> assertThat(scenario.sentTo(A, "What did you see?")).hasSize(1));
		assertThat(scenario.sentTo(F, ASK)).isEmpty();

		// B to E stay silent: three minutes on, they no longer hold places, and the next nearest is asked
		clock.advance(Duration.ofMinutes(3));
		Scenario.await(() -> assertThat(scenario.sentTo(F, ASK)).hasSize(1));
		assertThat(scenario.sentTo(G, ASK)).isEmpty();

		// five minutes on, one going is not a quorum: the search widens to 6 km
		clock.advance(Duration.ofMinutes(2));
		Scenario.await(() -> assertThat(scenario.sentTo(G, ASK)).hasSize(1));

		// B was asked first and answers late: it counts
		scenario.send(telegram.press(B, "en", Scenario.action(scenario.sentTo(B, ASK).get(0), "going")));
		Scenario.await(() -> assertThat(scenario.sentTo(B, "What did you see?")).hasSize(1));
		for (long observer : List.of(A, B)) {
			scenario.send(telegram.press(observer, "en",
					Scenario.action(scenario.sentTo(observer, "What did you see?").get(0), "ice")));
		}
		var incidents = bot.bean(RedisIncidentStore.class);
		Scenario.await(() -> assertThat(incidents.open()).anySatisfy(i -> {
			assertThat(i.center().metersTo(org.vigia.core.geo.GeoPoint.of(LAT, LON))).isLessThan(100);
			assertThat(i.state()).isIn(IncidentState.CONFIRMED, IncidentState.PUBLISHED);
		}));
		assertThat(List.of(A, B, C, D, E, F, G)).allSatisfy(o -> assertThat(scenario.sentTo(o, ASK)).hasSize(1));
	}

}
