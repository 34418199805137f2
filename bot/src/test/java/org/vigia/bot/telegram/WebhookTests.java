package org.vigia.bot.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook mode: Telegram's secret token is checked on every request before anything is handled. */
class WebhookTests {

	static final String SECRET = "webhook-secret-for-tests-0123456789";

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.webhook-url=https://bot.example.org/telegram/webhook",
				"--vigia.telegram.webhook-secret=" + SECRET, "--vigia.telegram.private-interval=50ms",
				"--vigia.redis.url=", "--vigia.redis.data-dir=" + data, "--vigia.redis.prefix=vigia-webhook:");
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	static HttpResponse<String> post(String secret, String body) throws Exception {
		int port = ((WebServerApplicationContext) bot).getWebServer().getPort();
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (secret != null) {
			request.header("X-Telegram-Bot-Api-Secret-Token", secret);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theWebhookIsRegisteredWithItsSecret() {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.calls("setWebhook").isEmpty());
		assertThat(telegram.calls("setWebhook")).singleElement().satisfies(call -> {
			assertThat(call.params().path("url").asText()).isEqualTo("https://bot.example.org/telegram/webhook");
			assertThat(call.params().path("secret_token").asText()).isEqualTo(SECRET);
		});
	}

	@Test
	void aRequestWithoutTheSecretOrWithAnotherIsRefusedAndNotHandled() throws Exception {
		String start = telegram.text(7001, "en", "/start").put("update_id", 55001).toString();

		assertThat(post(null, start).statusCode()).isEqualTo(401);
		assertThat(post("wrong-secret-wrong-secret-wrong", start).statusCode()).isEqualTo(401);
		assertThat(post(SECRET + "x", start).statusCode()).isEqualTo(401);

		// a later, valid request is answered: the refused ones above left nothing behind
		assertThat(post(SECRET, telegram.text(7001, "en", "/help").put("update_id", 55002).toString()).statusCode())
			.isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.sentTo(7001).isEmpty());
		assertThat(telegram.sentTo(7001)).singleElement().satisfies(c -> assertThat(c.text()).contains("How Vigía works"));
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		assertThat(post(SECRET, "{\"update_id\": ").statusCode()).isEqualTo(400);
		assertThat(post(SECRET, "[1,2,3]").statusCode()).isEqualTo(400);
		assertThat(post(SECRET, "{}").statusCode()).isEqualTo(400);
	}

	@Test
	void aRetriedDeliveryIsHandledOnce() throws Exception {
		String update = telegram.text(7002, "es", "/rights").put("update_id", 55100).toString();

		assertThat(post(SECRET, update).statusCode()).isEqualTo(200);
		assertThat(post(SECRET, update).statusCode()).isEqualTo(200);
		assertThat(post(SECRET, telegram.text(7002, "es", "/help").put("update_id", 55101).toString()).statusCode())
			.isEqualTo(200);

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sentTo(7002).size() >= 2);
		assertThat(telegram.sentTo(7002)).hasSize(2);
		assertThat(telegram.sentTo(7002).get(0).text()).contains("Conozca sus derechos");
	}

}
