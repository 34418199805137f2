package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisObserverStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A false-report flood: 500 new accounts report one fake scene at once and no observer confirms it.
 * Nothing may reach a channel, dispatchers must be warned, and a genuine report elsewhere must still get
 * its observer.
 */
class FloodTests {

	static final long DISPATCHER = 7_000_900;

	static final long OBSERVER = 7_000_601;

	static final int FLOODERS = 500;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	/** A resident reporting a genuine scene in the middle of the flood. */
	static final long GENUINE = 4_200_042;

	static PrivacyScan privacy;

	@BeforeAll
	static void start() throws IOException {
		privacy = PrivacyScan.start();
		telegram = new FakeTelegram();
		Path counties = data.resolve("counties.geojson");
		try (InputStream in = FloodTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			Files.copy(in, counties);
		}
		// Telegram's pacing is not what this test is about: let the outbox send as fast as the fake answers
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).listeners(privacy.onEveryStart()).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.telegram.private-interval=1ms",
				"--vigia.telegram.per-second=5000", "--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("redis"),
				"--vigia.redis.prefix=vigia-flood:", "--vigia.bot.neighborhoods-file=" + counties,
				"--vigia.bot.dispatchers=" + DISPATCHER, "--vigia.bot.hotline=555-0100");
	}

	@AfterAll
	static void stop() {
		privacy.close();
		bot.close();
		telegram.close();
	}

	/**
	 * A whole report without waiting for answers: one chat's updates are handled in order, and the turn
	 * numbers of this path are known (start 0, kind 1, where 2 … confirm 8).
	 */
	static void report(long resident, double lat, double lon) {
		telegram.deliver(telegram.text(resident, "es", "/report"));
		telegram.deliver(telegram.press(resident, "es", "r:0:CHECKPOINT"));
		telegram.deliver(telegram.location(resident, "es", lat, lon));
		for (String answer : List.of("2:NOW", "3:4", "4:1", "5:done", "6:skip", "7:skip", "8:send")) {
			telegram.deliver(telegram.press(resident, "es", "r:" + answer));
		}
	}

	@Test
	void aFloodOfFakeReportsPostsNothingWarnsDispatchersAndGenuineReportsStillFlow() {
		// an observer on duty in Austin, where the genuine report will come from
		telegram.deliver(telegram.text(DISPATCHER, "en", "/invite"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.sentTo(DISPATCHER).isEmpty());
		var code = java.util.regex.Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(telegram.sentTo(DISPATCHER).get(0).text());
		assertThat(code.find()).isTrue();
		telegram.deliver(telegram.text(OBSERVER, "es", "/join " + code.group(1)));
		telegram.deliver(telegram.press(OBSERVER, "es", "j:y"));
		telegram.deliver(telegram.press(OBSERVER, "es", "j:name"));
		telegram.deliver(telegram.text(OBSERVER, "es", "/onduty"));
		telegram.deliver(telegram.location(OBSERVER, "es", 30.27, -97.74));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bot.getBean(RedisObserverStore.class)
			.nearestOnDuty(GeoPoint.of(30.2672, -97.7431), 2000, 5).size() == 1);

		for (int i = 0; i < FLOODERS; i++) {
			report(700_000 + i, 41.8781 + (i % 7) * 0.0002, -87.6298 + (i % 5) * 0.0002);
			if (i == FLOODERS / 2) {
				report(GENUINE, 30.2672, -97.7431);
			}
		}

		RedisIncidentStore incidents = bot.getBean(RedisIncidentStore.class);
		Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> incidents
			.open().stream().mapToInt(i -> i.reports().size()).sum() == FLOODERS + 1);

		List<Incident> open = incidents.open();
		Incident fake = open.stream().filter(i -> i.reports().size() == FLOODERS).findFirst().orElseThrow();
		assertThat(fake.state()).isIn(IncidentState.NEW, IncidentState.DISPATCHED);
		assertThat(telegram.calls("sendMessage")).noneMatch(c -> c.chat().startsWith("@"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(DISPATCHER).stream()
			.filter(c -> c.text().contains("Surge")).count() == 4);
		assertThat(telegram.sentTo(DISPATCHER).stream().filter(c -> c.text().contains("Surge")).map(c -> c.text()))
			.anyMatch(t -> t.contains("500 reports of one scene"));

		Incident genuine = open.stream().filter(i -> i.reports().size() == 1).findFirst().orElseThrow();
		assertThat(genuine.center().metersTo(GeoPoint.of(30.2672, -97.7431))).isLessThan(10);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(OBSERVER).stream()
			.anyMatch(c -> c.text().contains("¿Puede ir a verificar?")));
		assertThat(telegram.repliesTo(GENUINE)).anyMatch(c -> c.text().contains("Gracias"));

		// and after all that, nothing identifies a flooder or the genuine reporter
		for (int i = 0; i < FLOODERS; i++) {
			privacy.resident(700_000 + i);
		}
		for (int i = 0; i < 35; i++) {
			privacy.place(41.8781 + (i % 7) * 0.0002, -87.6298 + (i / 7) * 0.0002);
		}
		privacy.resident(GENUINE).place(30.2672, -97.7431).neverLogged(OBSERVER, DISPATCHER).secret(FakeTelegram.TOKEN);
		var scanned = privacy.assertClean(bot.getBean(org.springframework.data.redis.core.StringRedisTemplate.class),
				"vigia-flood:");
		System.out.println("HOSTILE FloodTests | privacy scan: " + scanned);
	}

}
