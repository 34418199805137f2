package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.photo.TestPhotos;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.IncidentState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot is killed with SIGKILL three times, each time in the middle of something: while it asks the
 * observers to go and check, while it posts the confirmed alert, and while it handles a resident's photo.
 * Each time it is started again on the same Redis, and what was cut off is finished, once: every observer
 * gets one prompt, the channel one post, the resident one answer to the photo.
 */
class CrashRecoveryTests {

	static final long OBSERVER_A = 7_000_821, OBSERVER_B = 7_000_822, RESIDENT = 7_007_101, PHOTOGRAPHER = 7_007_102;

	static final String PREFIX = "vigia-crash:", CHANNEL = "@vigia_sample_cook";

	/** Downtown Chicago (Cook County), where the observers are; and downtown Austin. */
	static final double LAT = 41.8781, LON = -87.6298, AUSTIN_LAT = 30.2672, AUSTIN_LON = -97.7431;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestRedis redis;

	static final List<BotProcess> bots = new ArrayList<>();

	static Scenario scenario;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		// Redis belongs to the test, so that it outlives the bots it kills
		redis = TestRedis.start(data.resolve("redis"));
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		bots.forEach(BotProcess::close);
		redis.close();
		telegram.close();
	}

	static BotProcess bot() {
		var options = new java.util.ArrayList<>(List.of(redis.options()));
		options.addAll(List.of("--vigia.redis.instance-ttl=3s", "--vigia.bot.recovery-interval=2s",
				"--vigia.bot.recovery-grace=1s", "--vigia.telegram.request-timeout=3s"));
		var bot = BotProcess.start(data.resolve("bots"), "bot" + (bots.size() + 1),
				TestBot.arguments(telegram, data, PREFIX, options.toArray(String[]::new)));
		bots.add(bot);
		return bot;
	}

	/** A restart and a heartbeat's expiry take longer than an answer. */
	static void await(Runnable assertion) {
		Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
	}

	@Test
	void killedInTheMiddleOfDispatchPublishingAndAPhotoItFinishesEachOnceAfterARestart() throws Exception {
		var bot = bot();
		scenario.becomeObserver(OBSERVER_A, LAT + 0.004, LON + 0.002);
		scenario.becomeObserver(OBSERVER_B, LAT + 0.004, LON + 0.002);

		// 1. killed while the prompts to both observers are on their way
		var promptA = telegram.holdSendsTo(Long.toString(OBSERVER_A));
		var promptB = telegram.holdSendsTo(Long.toString(OBSERVER_B));
		scenario.report(RESIDENT, "en", LAT, LON);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> promptA.waiting() > 0 && promptB.waiting() > 0);
		// the resident's own answers are not what this is about (a reply still queued in memory when the
		// process dies is lost; prompts and posts are not, as this test shows)
		await(() -> assertThat(scenario.deliveredTo(RESIDENT, "do not repost")).hasSize(1));
		bot.kill();
		promptA.release();
		promptB.release();
		assertThat(scenario.sentTo(OBSERVER_A, "Can you go and check?")).isEmpty();

		bot = bot();
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			await(() -> assertThat(scenario.sentTo(observer, "Can you go and check?")).hasSize(1));
			var prompt = scenario.sentTo(observer, "Can you go and check?").get(0);
			scenario.send(telegram.press(observer, "en", Scenario.action(prompt, "going")));
			await(() -> assertThat(scenario.sentTo(observer, "What did you see?")).hasSize(1));
		}

		// 2. killed while the confirmed alert is on its way to the channel
		var post = telegram.holdSendsTo(CHANNEL);
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			var ask = scenario.sentTo(observer, "What did you see?").get(0);
			scenario.send(telegram.press(observer, "en", Scenario.action(ask, "ice")));
		}
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> post.waiting() > 0);
		bot.kill();
		post.release();
		assertThat(telegram.deliveredTo(CHANNEL)).isEmpty();

		bot = bot();
		await(() -> assertThat(telegram.deliveredTo(CHANNEL)).hasSize(1));
		var incidents = redis.incidents(PREFIX);
		await(() -> assertThat(incidents.open()).singleElement()
			.satisfies(i -> assertThat(i.state()).isEqualTo(IncidentState.PUBLISHED)));

		// 3. killed while it fetches a resident's photo: Telegram delivers the update again, and it is handled
		scenario.reportUpToThePhoto(PHOTOGRAPHER, "en", AUSTIN_LAT, AUSTIN_LON);
		await(() -> assertThat(scenario.lastTo(PHOTOGRAPHER).text()).contains("Photo (optional)"));
		var file = telegram.hold((method, params) -> method.equals("getfile"));
		byte[] photo = TestPhotos.jpeg(64, 48);
		telegram.deliver(telegram.photo(PHOTOGRAPHER, "en", photo, photo.length));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> file.waiting() > 0);
		bot.kill();
		file.release();

		bot = bot();
		await(() -> assertThat(scenario.deliveredTo(PHOTOGRAPHER, "Photo received")).hasSize(1));

		// nothing can be done twice any more: the post and the four prompts are recorded as delivered (a recorded
		// delivery is never claimed again), and every update was confirmed to Telegram (none comes again)
		String incident = incidents.open().get(0).id().value();
		await(() -> {
			assertThat(redis.redis().opsForHash().keys(PREFIX + "post:" + incident)).containsExactly(CHANNEL);
			var prompts = redis.redis().<String, String>opsForHash().keys(PREFIX + "prompt:" + incident);
			assertThat(prompts).filteredOn(p -> p.startsWith("ask:")).hasSize(2);
			assertThat(prompts).filteredOn(p -> p.startsWith("verdict:")).hasSize(2);
			assertThat(telegram.acknowledged()).isEqualTo(telegram.queued());
		});
		assertThat(telegram.deliveredTo(CHANNEL)).hasSize(1);
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			assertThat(scenario.sentTo(observer, "Can you go and check?")).hasSize(1);
			assertThat(scenario.sentTo(observer, "What did you see?")).hasSize(1);
		}
		assertThat(scenario.deliveredTo(PHOTOGRAPHER, "Photo received")).hasSize(1);
		assertThat(scenario.deliveredTo(RESIDENT, "do not repost")).hasSize(1);
		var leaks = Pattern.compile("\\b(" + RESIDENT + "|" + PHOTOGRAPHER + "|" + OBSERVER_A + "|" + OBSERVER_B + "|"
				+ Scenario.DISPATCHER + ")\\b|Resident\\d|resident_\\d|41\\.87|87\\.6[23]|30\\.26|97\\.74|"
				+ Pattern.quote(FakeTelegram.TOKEN));
		for (BotProcess each : bots) {
			assertThat(leaks.matcher(each.output()).find()).as("a log line names someone, a place or the token").isFalse();
		}
		TtlScan.assertEveryKeyExpires(redis.redis(), PREFIX);
	}

}
