package org.vigia.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.bot.telegram.FakeTelegram;

/**
 * A bot with Signal settings and no Telegram token runs on Signal alone: it answers on Signal, never calls
 * Telegram, and its health names Signal only.
 */
class SignalOnlyTests {

	static final String PERSON = "5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f";

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static FakeSignalCli signal;

	static TestBot bot;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		signal = new FakeSignalCli();
		bot = TestBot.start(telegram, data, "vigia-signal-only:", "--vigia.telegram.token=",
				"--vigia.signal.url=" + signal.url(), "--vigia.signal.account=" + FakeSignalCli.ACCOUNT);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		signal.close();
		telegram.close();
	}

	@Test
	void aBotWithoutATelegramTokenAnswersOnSignalAndNeverCallsTelegram() throws Exception {
		signal.message(PERSON, "/rights");
		Scenario.await(() -> assertThat(signal.sentTo(PERSON)).hasSize(1));
		assertThat(signal.sentTo(PERSON).get(0).text()).isNotBlank();

		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/actuator/health")).build();
		HttpResponse<String> health = TestBot.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"signal\":{\"status\":\"UP\"}").doesNotContain("telegram");
		assertThat(telegram.calls()).isEmpty();
	}

}
