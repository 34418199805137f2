package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long polling against a Bot API that misbehaves: answers that are not JSON, cut off, of the wrong shape,
 * errors and requests that hang, and a batch with updates no version of the library can read. The bot
 * keeps polling, handles every readable update once, steps over the unreadable ones, and never quotes
 * them in its log.
 */
class PollingFaultTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, "vigia-polling:", "--vigia.telegram.poll-backoff-cap=1s");
		LOGS.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
	}

	@AfterAll
	static void stop() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
		bot.close();
		telegram.close();
	}

	static ObjectNode unreadable(long user, String field, String json) throws Exception {
		ObjectNode update = JSON.createObjectNode();
		update.set(field, JSON.readTree(json.replace("USER", Long.toString(user))));
		return update;
	}

	@Test
	void pollingSurvivesGarbageErrorsHangsAndUnreadableUpdates() throws Exception {
		telegram.deliver(telegram.text(301, "en", "/start"));
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> telegram.deliveredTo(301).size() == 1);

		// getUpdates answers: 500s, then hangs, then a proxy's page and a cut-off or misshapen body
		telegram.outage(FakeTelegram.Fault.SERVER_ERROR, true);
		telegram.deliver(telegram.text(302, "en", "/help"));
		Scenario.waitFor(Duration.ofSeconds(3));
		telegram.outage(FakeTelegram.Fault.HANG, true);
		Scenario.waitFor(Duration.ofSeconds(3));
		telegram.outage(FakeTelegram.Fault.PROXY_ERROR, true);
		Scenario.waitFor(Duration.ofSeconds(2));
		telegram.endOutage();
		for (String body : List.of("<html>502 Bad Gateway</html>", "{\"ok\":true,\"result\":[{\"update_id\":",
				"{\"ok\":true,\"result\":\"nonsense\"}", "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}",
				"", "null", "[]", "{\"ok\":true}")) {
			telegram.answerUpdatesWith(body, 1);
		}
		// a batch where some updates cannot be read, between readable ones; one of them is a replay
		var start = telegram.text(303, "es", "/start");
		telegram.deliver(start);
		telegram.deliver(unreadable(4242, "message", "42"));
		telegram.deliver(unreadable(4243, "callback_query",
				"{\"id\":{},\"from\":{\"id\":\"USER\",\"first_name\":\"Resident4243\"},\"data\":[1,2]}"));
		telegram.deliver(unreadable(4244, "message",
				"{\"message_id\":\"x\",\"date\":\"yesterday\",\"chat\":{\"id\":USER,\"type\":\"private\",\"first_name\":\"Resident4244\"},\"text\":{}}"));
		telegram.deliver(unreadable(4245, "message_reaction", "{\"chat\":{\"id\":USER,\"type\":\"private\"}}"));
		telegram.deliver(start.deepCopy());
		telegram.deliver(telegram.text(304, "en", "/rights"));

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(telegram.deliveredTo(302)).extracting(FakeTelegram.Call::text).singleElement()
				.asString().contains("How Vigía works");
			assertThat(telegram.deliveredTo(303)).extracting(FakeTelegram.Call::text).singleElement()
				.asString().contains("Bienvenido/a a Vigía");
			assertThat(telegram.deliveredTo(304)).extracting(FakeTelegram.Call::text).singleElement()
				.asString().contains("Know your rights");
		});
		// all nine updates (the replay included) are confirmed to Telegram, the unreadable ones too: polling
		// moved past them
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.acknowledged() == 9);
		assertThat(telegram.deliveredTo(4242)).isEmpty();
		assertThat(telegram.deliveredTo(4244)).isEmpty();
		List<String> lines = LOGS.list.stream().map(e -> e.getFormattedMessage()
				+ (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
		assertThat(lines).anyMatch(l -> l.contains("Skipped 3 of 7 updates that could not be read"));
		assertThat(lines).noneMatch(l -> l.matches("(?s).*(Resident|424[2-5]|\\b30[1-4]\\b).*"));
	}

}
