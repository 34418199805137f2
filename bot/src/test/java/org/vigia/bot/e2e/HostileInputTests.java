package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage, forged and absurd updates of every kind: each gets a clear answer or a clean refusal, nothing
 * is stored half-way, and the bot keeps serving.
 */
class HostileInputTests {

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.telegram.private-interval=1ms",
				"--vigia.telegram.per-second=5000", "--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("redis"),
				"--vigia.redis.prefix=vigia-hostile:");
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	@Test
	void garbageOfEveryKindIsRefusedCleanlyAndTheBotKeepsServing() {
		var random = new Random(20261124);
		long user = 990_001;
		List<ObjectNode> hostile = new java.util.ArrayList<>();
		hostile.add(telegram.text(user, "es", "x".repeat(100_000)));
		hostile.add(telegram.text(user, "ar", "\u202Eتم الإبلاغ\u202C 🚨🚨🚨 \u0000"));
		hostile.add(telegram.text(user, "en", "/report@some_other_bot"));
		hostile.add(telegram.text(user, "en", "/join ../../etc/passwd"));
		hostile.add(telegram.text(user, "en", "/join " + "A".repeat(5000)));
		hostile.add(telegram.text(user, "en", "/invite"));
		hostile.add(telegram.text(user, "en", "/incidents"));
		hostile.add(telegram.location(user, "en", 1e300, 5));
		hostile.add(telegram.location(user, "en", 45, -999));
		hostile.add(telegram.liveLocation(user, "en", 41.87, -87.62));
		for (String data : List.of("", ":", "r", "r:", "r:abc:DETENTION", "r:99999999999:x", "r:0:" + "y".repeat(60),
				"o:AAAAAAAAAAAA:i", "o:../../x:g", "o::", "d:nosuch:c", "d:" + "z".repeat(40) + ":r", "j:y", "l:xx",
				"l:", "zzz:1:2", "\u0000\u0001")) {
			hostile.add(telegram.press(user, "en", data));
		}
		for (int i = 0; i < 100; i++) {
			byte[] bytes = new byte[random.nextInt(200)];
			random.nextBytes(bytes);
			hostile.add(telegram.press(user + 1 + i % 3, "en", new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)));
			hostile.add(telegram.text(user + 1 + i % 3, "en", new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
		}
		hostile.forEach(telegram::deliver);
		// the same updates again: replays are ignored
		hostile.forEach(u -> telegram.deliver(u.deepCopy()));

		int before = telegram.sentTo(user).size();
		telegram.deliver(telegram.text(user, "en", "/start"));
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sentTo(user).stream()
			.skip(before).anyMatch(c -> c.text().contains("Welcome to Vigía")));

		var redis = bot.getBean(StringRedisTemplate.class);
		assertThat(redis.keys("vigia-hostile:report:*")).isEmpty();
		assertThat(redis.keys("vigia-hostile:incident:*")).isEmpty();
		assertThat(redis.keys("vigia-hostile:observer:*")).isEmpty();
		assertThat(redis.keys("vigia-hostile:invite:*")).as("a non-dispatcher cannot make invite codes").isEmpty();
		assertThat(telegram.sentTo(user)).anyMatch(c -> c.text().contains("too long"));
		assertThat(telegram.sentTo(user)).anyMatch(c -> c.text().contains("for dispatchers"));
		assertThat(telegram.sentTo(user)).anyMatch(c -> c.text().contains("not valid or has expired"));
		assertThat(telegram.calls("answerCallbackQuery")).isNotEmpty();
		assertThat(telegram.calls("sendMessage")).noneMatch(c -> c.chat().startsWith("@"));
	}

}
