package org.vigia.bot.config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.vigia.store.RedisConversationStore;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.StoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away under a running bot: callers get a {@link StoreUnavailableException} at once
 * instead of hanging, health says DOWN, and when Redis is back the bot reconnects by itself. This test
 * needs a server it can stop, so it always uses the embedded one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisOutageTests {

	static final Path DATA = tempDir();

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("vigia.redis.url", () -> "");
		registry.add("vigia.redis.data-dir", DATA::toString);
		registry.add("vigia.redis.prefix", () -> "vigia-outage:");
		// this test is about Redis: the bot does not connect to Telegram
		registry.add("vigia.telegram.token", () -> "123:not-used");
		registry.add("vigia.telegram.connect", () -> "false");
	}

	@LocalServerPort
	int port;

	@Autowired
	RedisEndpoint endpoint;

	@Autowired
	RedisConversationStore conversations;

	@Test
	void answersStoreUnavailableAndHealthDownUntilRedisIsBack() throws Exception {
		conversations.save(42L, "{\"step\":\"WHAT\"}");
		assertThat(health()).isEqualTo(200);

		endpoint.embedded().stop();
		try {
			assertThatThrownBy(() -> conversations.load(42L)).isInstanceOf(StoreUnavailableException.class)
				.hasMessageNotContaining("42");
			await().atMost(Duration.ofSeconds(20)).until(() -> health() == 503);
		}
		finally {
			endpoint.embedded().start();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> health() == 200);
		assertThat(conversations.load(42L)).contains("{\"step\":\"WHAT\"}");
	}

	private int health() throws IOException, InterruptedException {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("vigia-outage");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
