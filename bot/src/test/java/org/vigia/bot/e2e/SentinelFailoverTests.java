package org.vigia.bot.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.Incident;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Report;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisReportStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis in its high-availability set-up (a primary, a replica, three sentinels; REDIS_SENTINEL_MASTER and
 * REDIS_SENTINEL_NODES): the primary is killed with SIGKILL in the middle of a surge of reports. The sentinels
 * promote the replica, the bot follows them to it without a restart and serves again, and every resident who
 * was thanked has their report on the new primary: a resident is thanked only once a replica holds the report.
 * Before that, both data nodes are seen rewriting their append-only files on the bot's schedule (2 s here).
 */
class SentinelFailoverTests {

	static final long FIRST = 7_061_001;

	static final int RESIDENTS = 60, LATE = 10;

	static final String PREFIX = "vigia-sentinel:";

	static final double LAT = 41.8781, LON = -87.6298, AUSTIN_LAT = 30.2672, AUSTIN_LON = -97.7431;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestSentinels redis;

	static TestBot bot;

	static Scenario scenario;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		redis = TestSentinels.start(data.resolve("ha"));
		var options = new java.util.ArrayList<>(java.util.List.of(redis.options()));
		options.add("--vigia.redis.rewrite-every=2s");
		// a machine busy with other builds must not turn slow answers into outages: the outage here is the kill
		options.add("--vigia.redis.command-timeout=2s");
		bot = TestBot.start(telegram, data, PREFIX, options.toArray(String[]::new));
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		redis.close();
		telegram.close();
	}

	static boolean thanked(long resident) {
		// the thanks is an edit (of the summary, or of the message a press ahead of the bot came from)
		return telegram.repliesTo(resident).stream().anyMatch(c -> c.text().startsWith("Thank you"));
	}

	static boolean toldToCallTheHotline(long resident) {
		return telegram.repliesTo(resident).stream()
			.anyMatch(c -> !c.text().startsWith("Thank you") && c.text().contains("call the hotline: 555-0100"));
	}

	static void report(long resident) {
		boolean chicago = resident % 2 == 0;
		scenario.report(resident, "en", (chicago ? LAT : AUSTIN_LAT) + (resident % 7) * 0.0002,
				chicago ? LON : AUSTIN_LON);
	}

	@Test
	void bothDataNodesRewriteTheirFilesAndThePrimaryKilledInASurgeFailsOverLosingNoThankedReport() throws Exception {
		int replica = redis.replicaPort();
		// each data node keeps its own append-only file: the bot has the replica rewrite its file too, so that
		// deleted data leaves every disk (a rewrite is a fork; these servers fork for nothing else)
		for (int port : java.util.List.of(redis.primaryPort(), replica)) {
			long before = redis.forks(port);
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(redis.forks(port)).as("rewrites on port %d", port).isGreaterThan(before));
		}

		for (long resident = FIRST; resident < FIRST + RESIDENTS; resident++) {
			report(resident);
		}
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> telegram.acknowledged() > RESIDENTS * 11 / 3);
		redis.killPrimary();
		long killedAt = System.nanoTime();

		// the sentinels promote the replica
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> redis.primaryNow() == replica);
		double failover = (System.nanoTime() - killedAt) / 1e9;

		// every resident of the surge has an answer: thanked, or told to call the hotline while Redis was away
		Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			for (long resident = FIRST; resident < FIRST + RESIDENTS; resident++) {
				assertThat(thanked(resident) || toldToCallTheHotline(resident)).as("resident %d has an answer", resident)
					.isTrue();
			}
		});
		// the bot serves again, on the new primary, without a restart: residents who report now are thanked (one
		// whose report meets the moment before the bot has reconnected is told to call the hotline and sends it
		// again, as a person would)
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> health() == 200);
		int attempts = 0;
		for (long resident = FIRST + RESIDENTS; resident < FIRST + RESIDENTS + LATE; resident++) {
			attempts += reportUntilThanked(resident);
		}
		double serving = (System.nanoTime() - killedAt) / 1e9;

		// every thanked resident's report is on the new primary, placed in an incident
		Set<Pseudonym> stored = reportersOn(replica);
		var pseudonyms = new Pseudonyms(TestSentinels.hashSecret());
		long thanked = 0;
		for (long resident = FIRST; resident < FIRST + RESIDENTS + LATE; resident++) {
			if (thanked(resident)) {
				thanked++;
				assertThat(stored).as("the report of thanked resident %d survived the failover", resident)
					.contains(pseudonyms.of(Long.toString(resident)));
			}
		}
		long told = LongStream.range(FIRST, FIRST + RESIDENTS).filter(SentinelFailoverTests::toldToCallTheHotline).count();
		assertThat(thanked).as("some of the surge reported before the kill").isGreaterThan(LATE);
		System.out.printf("FAULT redis primary killed in a surge (sentinel) | %d residents: %d thanked, %d told to call"
				+ " the hotline, 0 thanked reports lost; failover in %.1f s, %d later residents all thanked %.1f s after"
				+ " the kill (%d reports sent again)%n", RESIDENTS + LATE, thanked, told, failover, LATE, serving,
				attempts - LATE);
	}

	/** Sends a whole report until the resident is thanked (at most four times); answers how many were sent. */
	static int reportUntilThanked(long resident) {
		for (int attempt = 1; attempt <= 4; attempt++) {
			report(resident);
			try {
				Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
					.until(() -> thanked(resident));
				return attempt;
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				// not thanked: send it again
			}
		}
		throw new AssertionError("resident " + resident + ", reporting after the failover, was never thanked; got "
				+ telegram.repliesTo(resident).stream().map(c -> c.text()).toList());
	}

	/** The reporters of every report placed in an open incident, read from this server. */
	static Set<Pseudonym> reportersOn(int port) {
		var config = new RedisStandaloneConfiguration("127.0.0.1", port);
		config.setPassword(TestSentinels.DATA_PASSWORD);
		var connection = new LettuceConnectionFactory(config);
		connection.afterPropertiesSet();
		connection.start();
		try {
			var template = new StringRedisTemplate(connection);
			var keys = new RedisKeys(PREFIX);
			var reports = new RedisReportStore(template, keys);
			var found = new HashSet<Pseudonym>();
			for (Incident incident : new RedisIncidentStore(template, keys).open()) {
				reports.findAll(incident.reports()).stream().map(Report::reporter).forEach(found::add);
			}
			return found;
		}
		finally {
			connection.destroy();
		}
	}

	static int health() {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return TestBot.HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

}
