package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded Redis (no REDIS_URL) ends with the bot that runs it. The bot is started as a user would
 * start it, killed with SIGKILL (its Redis lives on: nothing can stop it at that moment), started again
 * on the same data folder, and stopped cleanly: no redis-server the bots started is left, checked by
 * process id, and what the first bot stored is still there.
 */
class EmbeddedRedisLifecycleTests {

	static final long OBSERVER = 7_000_861;

	static final double LAT = 41.8781, LON = -87.6298;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static Scenario scenario;

	static final List<BotProcess> bots = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		// kills whatever a bot left behind, whether or not the test got that far
		bots.forEach(BotProcess::close);
		telegram.close();
	}

	static BotProcess bot() {
		var bot = BotProcess.start(data.resolve("bots"), "bot" + (bots.size() + 1),
				TestBot.arguments(telegram, data, "vigia-lifecycle:",
						// a machine busy with other builds must not make the bot give up on its Redis at start
						"--vigia.redis.command-timeout=2s", "--vigia.redis.connect-timeout=5s"));
		bots.add(bot);
		return bot;
	}

	/** The redis-server processes a bot started, while it runs. */
	static List<ProcessHandle> redisOf(BotProcess bot) {
		return bot.children()
			.stream()
			.filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
			.toList();
	}

	static void awaitGone(ProcessHandle process, String what) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(process.isAlive()).as(what + " (pid %d) is still running", process.pid()).isFalse());
	}

	@Test
	void theEmbeddedRedisAKilledBotLeftIsStoppedByTheNextBotAndNoneOutlivesACleanStop() {
		var first = bot();
		List<ProcessHandle> firstRedis = redisOf(first);
		assertThat(firstRedis).as("the bot runs its own Redis").hasSize(1);
		scenario.becomeObserver(OBSERVER, LAT, LON);

		first.kill();
		ProcessHandle orphan = firstRedis.get(0);
		assertThat(orphan.isAlive()).as("a SIGKILL leaves the bot's Redis running").isTrue();

		var second = bot();
		awaitGone(orphan, "the Redis left by the killed bot");
		List<ProcessHandle> secondRedis = redisOf(second);
		assertThat(secondRedis).as("the next bot runs a Redis of its own, not the orphan").hasSize(1);
		// the first bot's state came through: the observer it registered is still one
		scenario.send(telegram.text(OBSERVER, "en", "/offduty"));
		Scenario.await(() -> assertThat(scenario.lastTo(OBSERVER).text()).contains("You are off duty"));

		second.stop();
		awaitGone(secondRedis.get(0), "the Redis of the bot that stopped cleanly");
		assertThat(orphan.isAlive()).as("the orphan did not come back").isFalse();
	}

}
