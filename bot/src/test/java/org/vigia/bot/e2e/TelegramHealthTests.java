package org.vigia.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.bot.telegram.FakeTelegram;

/**
 * The {@code telegram} part of {@code /actuator/health} says whether the bot reaches Telegram's Bot API, not only
 * whether its polling loop runs: while the fake Bot API answers every call with a server error, and after it is
 * stopped (connections refused), it is OUT_OF_SERVICE with the reason, and UP again at the first answer. The
 * endpoint still answers 200 then, so Docker does not restart a bot that serves Signal meanwhile (and it does).
 */
class TelegramHealthTests {

	static final String PERSON = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static FakeSignalCli signal;

	static TestBot bot;

	static boolean telegramStopped;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		signal = new FakeSignalCli();
		bot = TestBot.start(telegram, data, "vigia-telegram-health:", "--vigia.signal.url=" + signal.url(),
				"--vigia.signal.account=" + FakeSignalCli.ACCOUNT, "--vigia.telegram.poll-backoff-cap=1s");
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		signal.close();
		if (!telegramStopped) {
			telegram.close();
		}
	}

	record Health(int code, JsonNode body) {

		String status(String component) {
			return component == null ? body.path("status").asString() : body.path("components").path(component)
				.path("status").asString();
		}

		String description(String component) {
			return body.path("components").path(component).path("description").asString("");
		}

	}

	static Health health() throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/actuator/health")).build();
		HttpResponse<String> answer = TestBot.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		return new Health(answer.statusCode(), JSON.readTree(answer.body()));
	}

	static void awaitHealth(java.util.function.Consumer<Health> assertion) {
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertion.accept(health()));
	}

	@Test
	void telegramIsOutOfServiceWhileItsBotApiFailsOrRefusesAndSignalKeepsServing() throws Exception {
		awaitHealth(h -> {
			assertThat(h.code()).isEqualTo(200);
			assertThat(h.status(null)).isEqualTo("UP");
			assertThat(h.status("telegram")).isEqualTo("UP");
			assertThat(h.status("signal")).isEqualTo("UP");
		});

		// every call, getUpdates too, answered with 500
		telegram.outage(FakeTelegram.Fault.SERVER_ERROR, true);
		awaitHealth(h -> {
			assertThat(h.status("telegram")).isEqualTo("OUT_OF_SERVICE");
			assertThat(h.description("telegram")).startsWith("Telegram's Bot API did not answer the last");
			assertThat(h.status("signal")).isEqualTo("UP");
			assertThat(h.status(null)).isEqualTo("OUT_OF_SERVICE");
			// not a reason to restart the bot: it still serves Signal
			assertThat(h.code()).isEqualTo(200);
		});
		int before = signal.sentTo(PERSON).size();
		signal.message(PERSON, "/rights");
		Scenario.await(() -> assertThat(signal.sentTo(PERSON)).hasSize(before + 1));

		telegram.endOutage();
		awaitHealth(h -> {
			assertThat(h.status("telegram")).isEqualTo("UP");
			assertThat(h.description("telegram")).isEmpty();
			assertThat(h.status(null)).isEqualTo("UP");
		});

		// the Bot API gone: connections refused
		telegram.close();
		telegramStopped = true;
		awaitHealth(h -> {
			assertThat(h.status("telegram")).isEqualTo("OUT_OF_SERVICE");
			assertThat(h.description("telegram")).contains("did not answer");
			assertThat(h.code()).isEqualTo(200);
		});
		signal.message(PERSON, "/help");
		Scenario.await(() -> assertThat(signal.sentTo(PERSON)).hasSize(before + 2));
	}

}
