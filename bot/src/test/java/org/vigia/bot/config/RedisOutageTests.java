package org.vigia.bot.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.store.RedisConversationStore;
import org.vigia.store.RedisEndpoint;
import org.vigia.core.support.StoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away under a running bot: callers get a {@link StoreUnavailableException} at once
 * instead of hanging, a resident who sends a report then is told to call the hotline, health says DOWN,
 * and when Redis is back the bot reconnects by itself. This test needs a server it can stop, so it always
 * uses the embedded one.
 */
class RedisOutageTests {

	static final long RESIDENT = 7_000_555_001L;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	static int port;

	static RedisEndpoint endpoint;

	static RedisConversationStore conversations;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		Path counties = data.resolve("counties.geojson");
		try (InputStream in = RedisOutageTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			Files.copy(in, counties);
		}
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0", "--vigia.redis.url=",
				"--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=vigia-outage:",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.telegram.private-interval=20ms",
				"--vigia.bot.hotline=555-0100", "--vigia.bot.neighborhoods-file=" + counties);
		port = ((WebServerApplicationContext) bot).getWebServer().getPort();
		endpoint = bot.getBean(RedisEndpoint.class);
		conversations = bot.getBean(RedisConversationStore.class);
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	@Test
	void answersStoreUnavailableAndHealthDownUntilRedisIsBack() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> health() == 200);
		conversations.save("42", "{\"step\":\"WHAT\"}");

		endpoint.embedded().stop();
		try {
			assertThatThrownBy(() -> conversations.load("42")).isInstanceOf(StoreUnavailableException.class)
				.hasMessageNotContaining("42");
			await().atMost(Duration.ofSeconds(20)).until(() -> health() == 503);
		}
		finally {
			endpoint.embedded().start();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> health() == 200);
		assertThat(conversations.load("42")).contains("{\"step\":\"WHAT\"}");
	}

	@Test
	void aResidentWhoSendsAReportDuringTheOutageIsToldToCallTheHotline() {
		// a report up to its last step, answered while Redis is up
		telegram.deliver(telegram.text(RESIDENT, "en", "/report"));
		telegram.deliver(telegram.press(RESIDENT, "en", "r:0:CHECKPOINT"));
		telegram.deliver(telegram.location(RESIDENT, "en", 41.8781, -87.6298));
		for (String answer : List.of("2:NOW", "3:4", "4:1", "5:done", "6:skip", "7:skip")) {
			telegram.deliver(telegram.press(RESIDENT, "en", "r:" + answer));
		}
		await().atMost(FakeTelegram.PATIENCE).until(() -> telegram.deliveredTo(RESIDENT).size() == 9);

		endpoint.embedded().stop();
		try {
			telegram.deliver(telegram.press(RESIDENT, "en", "r:8:send"));
			await().atMost(FakeTelegram.PATIENCE).until(() -> telegram.deliveredTo(RESIDENT).size() == 10);
		}
		finally {
			endpoint.embedded().start();
		}
		assertThat(telegram.deliveredTo(RESIDENT).get(9).text())
			.isEqualTo("We could not save your report right now. Please call the hotline: 555-0100");
		assertThat(telegram.deliveredTo(RESIDENT)).noneMatch(c -> c.text().startsWith("Thank you"));
		// and the bot is back with Redis
		await().atMost(Duration.ofSeconds(30)).until(() -> health() == 200);
	}

	private int health() throws IOException, InterruptedException {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
