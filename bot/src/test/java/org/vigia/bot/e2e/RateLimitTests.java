package org.vigia.bot.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident rate limit as a resident meets it: after three reports in five minutes, the fourth /report is
 * answered at once with when they may report again and the hotline, instead of nine questions first.
 */
class RateLimitTests {

	static final double LAT = 41.8781, LON = -87.6298;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	static Scenario scenario;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, "vigia-rate:");
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "en | 7400101 | You have sent several reports recently. You can send another from ",
			"es | 7400102 | Ya envió varios reportes hace poco. Podrá enviar otro a partir de las " })
	void aFourthReportWithinFiveMinutesIsRefusedWhenItStarts(String language, long resident, String refusal) {
		String thanks = language.equals("en") ? "Thank you" : "Gracias";
		for (int i = 0; i < 3; i++) {
			// as a person does: the next report once this one is thanked (a chat that queues more than 30
			// updates at once is a flood, and is told to slow down)
			int reported = i + 1;
			scenario.report(resident, language, LAT, LON + i * 0.0001);
			Scenario.await(() -> assertThat(scenario.deliveredTo(resident, thanks)).hasSize(reported));
		}
		scenario.send(telegram.text(resident, language, "/report"));

		Scenario.await(() -> assertThat(scenario.deliveredTo(resident, refusal.strip())).hasSize(1));
		var answer = scenario.deliveredTo(resident, refusal.strip()).get(0);
		assertThat(answer.text()).startsWith(refusal).contains("555-0100").matches("(?s).* \\d\\d:\\d\\d\\. .*");
		assertThat(answer.buttons()).as("no question comes with it").isEmpty();
		String firstQuestion = language.equals("en") ? "What is happening?" : "¿Qué está pasando?";
		assertThat(scenario.deliveredTo(resident, firstQuestion)).as("the first question of the three reports only")
			.hasSize(3);
	}

}
