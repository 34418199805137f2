package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Report;
import org.vigia.store.Pseudonyms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is killed with SIGKILL in the middle of a surge of reports, and again while a confirmed alert is
 * being posted, and comes back on its append-only file. Every resident is either thanked (and the report
 * is there after the restart) or told to call the hotline; nobody is left without an answer, and the
 * alert is posted once. Every key left in Redis expires.
 */
class RedisFaultTests {

	static final long OBSERVER_A = 831, OBSERVER_B = 832, FIRST = 60_001;

	static final int RESIDENTS = 80;

	static final String PREFIX = "vigia-redisfault:", CHANNEL = "@vigia_sample_cook";

	static final double LAT = 41.8781, LON = -87.6298, AUSTIN_LAT = 30.2672, AUSTIN_LON = -97.7431;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestRedis redis;

	static TestBot bot;

	static Scenario scenario;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		redis = TestRedis.start(data.resolve("redis"));
		bot = TestBot.start(telegram, data, PREFIX, redis.options());
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		bot.close();
		redis.close();
		telegram.close();
	}

	static boolean thanked(long resident) {
		// "Thank you. Trained volunteers nearby…", or "Thank you, your report is saved. But…" where nobody is on duty
		return telegram.repliesTo(resident).stream().filter(Call::delivered).anyMatch(c -> c.text().startsWith("Thank you"));
	}

	static boolean toldToCallTheHotline(long resident) {
		return telegram.repliesTo(resident).stream().filter(Call::delivered)
			.anyMatch(c -> c.text().contains("could not save your report right now. Please call the hotline: 555-0100"));
	}

	@Test
	void redisKilledDuringASurgeLosesNoSavedReportLeavesNobodyUnansweredAndPostsOnce() {
		scenario.becomeObserver(OBSERVER_A, LAT + 0.004, LON + 0.002);
		scenario.becomeObserver(OBSERVER_B, LAT + 0.004, LON + 0.002);
		var incidents = redis.incidents(PREFIX);

		// a surge at two scenes; a third of the way through, Redis dies for three seconds
		for (long resident = FIRST; resident < FIRST + RESIDENTS; resident++) {
			boolean chicago = resident % 2 == 0;
			scenario.report(resident, "en", (chicago ? LAT : AUSTIN_LAT) + (resident % 7) * 0.0002, chicago ? LON : AUSTIN_LON);
		}
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> telegram.acknowledged() > RESIDENTS * 11 / 3);
		redis.kill();
		// down until the outage is felt: a resident is told to call the hotline
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> LongStream.range(FIRST, FIRST + RESIDENTS)
			.anyMatch(RedisFaultTests::toldToCallTheHotline));
		redis.restart();

		Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			for (long resident = FIRST; resident < FIRST + RESIDENTS; resident++) {
				assertThat(thanked(resident) || toldToCallTheHotline(resident)).as("resident %d has an answer", resident)
					.isTrue();
			}
		});
		long thanked = LongStream.range(FIRST, FIRST + RESIDENTS).filter(RedisFaultTests::thanked).count();
		long told = LongStream.range(FIRST, FIRST + RESIDENTS).filter(RedisFaultTests::toldToCallTheHotline).count();
		assertThat(told).as("Redis was down for some of them").isPositive();
		for (long resident = FIRST; resident < FIRST + RESIDENTS; resident++) {
			assertThat(telegram.deliveredTo(resident).stream().filter(c -> c.text().contains("could not save")))
				.as("told once, however many buttons they pressed in the outage").hasSizeLessThanOrEqualTo(1);
		}
		assertThat(thanked).as("and up for the others").isPositive();
		// the report of every resident who was thanked is in Redis after the restart (one of a resident told to
		// call may be there too: saved, then Redis failed before the answer)
		var reporters = new Pseudonyms(TestRedis.HASH_SECRET);
		var reports = redis.reports(PREFIX);
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Set<Pseudonym> stored = incidents.open().stream()
				.flatMap(i -> reports.findAll(i.reports()).stream())
				.map(Report::reporter)
				.collect(Collectors.toSet());
			for (long resident = FIRST; resident < FIRST + RESIDENTS; resident++) {
				if (thanked(resident)) {
					assertThat(stored).as("the report of thanked resident %d", resident).contains(reporters.of(Long.toString(resident)));
				}
			}
		});
		System.out.printf("FAULT redis killed in a surge | %d residents: %d thanked, %d told to call the hotline,"
				+ " %d reports stored%n", RESIDENTS, thanked, told,
				incidents.open().stream().mapToInt(i -> i.reports().size()).sum());

		// Redis dies again while the confirmed alert is on its way to the channel
		Incident chicago = incidents.open().stream().filter(i -> i.center().latitude() > 40).findFirst().orElseThrow();
		var post = telegram.holdSendsTo(CHANNEL);
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> telegram.deliveredTo(observer).stream()
				.anyMatch(c -> c.text().contains("Can you go and check?")));
			Call prompt = telegram.deliveredTo(observer).stream().filter(c -> c.text().contains("Can you go and check?"))
				.findFirst().orElseThrow();
			scenario.send(telegram.press(observer, "en", Scenario.action(prompt, "going")));
			// the question arrives as a new message; the prompt is edited too ("you are going"), in either order
			Awaitility.await().atMost(FakeTelegram.PATIENCE)
				.untilAsserted(() -> assertThat(scenario.sentTo(observer, "What did you see?")).hasSize(1));
			scenario.send(telegram.press(observer, "en",
					Scenario.action(scenario.sentTo(observer, "What did you see?").get(0), "ice")));
		}
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> post.waiting() > 0);
		redis.kill();
		post.release();
		// the post goes out while Redis is down; it is recorded once Redis is back, and never repeated
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> telegram.deliveredTo(CHANNEL).size() == 1);
		redis.restart();
		// PUBLISHED and recorded: no process can claim that post again, so what was sent is all there will be
		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(incidents.find(chicago.id()).orElseThrow().state()).isEqualTo(IncidentState.PUBLISHED);
			assertThat(redis.redis().opsForHash().hasKey(PREFIX + "post:" + chicago.id().value(), CHANNEL)).isTrue();
		});
		assertThat(telegram.sentTo(CHANNEL)).filteredOn(c -> c.status() != 0).hasSize(1);
		assertThat(telegram.deliveredTo(CHANNEL)).hasSize(1);
		TtlScan.assertEveryKeyExpires(redis.redis(), PREFIX);
	}

}
