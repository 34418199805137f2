package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage, forged and absurd updates of every kind, malformed answers from the Bot API and replayed batches: each
 * update gets a clear answer or a clean refusal, nothing is stored half-way, the bot keeps serving, and nothing
 * that identifies the residents reaches a log line or Redis.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTests {

	static final long USER = 990_001;

	@TempDir
	static Path data;

	static HostileBot bot;

	@BeforeAll
	static void start() throws IOException {
		bot = HostileBot.start(data, "hostile");
		for (long user = USER; user <= USER + 3; user++) {
			bot.privacy.resident(user);
		}
		bot.privacy.place(41.8781, -87.6298);
	}

	@AfterAll
	static void stop() {
		System.out.println(bot.tally("HostileInputTests"));
		bot.close();
	}

	/** Sends the update and checks that it was answered (edited messages are ignored, never answered). */
	static void hostile(String category, ObjectNode update) {
		var calls = bot.send(category, update);
		if (!update.has("edited_message")) {
			assertThat(HostileBot.answers(update, calls)).as(category + ": " + update).isTrue();
		}
	}

	@Test
	@Order(1)
	void garbageOfEveryKindIsRefusedCleanlyAndTheBotKeepsServing() {
		var telegram = bot.telegram;
		var random = new Random(20261124);
		hostile("text: 100 KB", telegram.text(USER, "es", "x".repeat(100_000)));
		hostile("text: right-to-left, emoji, NUL", telegram.text(USER, "ar", "\u202Eتم الإبلاغ\u202C 🚨🚨🚨 \u0000"));
		for (String command : List.of("/report@some_other_bot", "/join ../../etc/passwd", "/join " + "A".repeat(5000),
				"/invite", "/incidents", "/JOIN", "/" + "r".repeat(4000), "/start\u0000/invite")) {
			hostile("text: commands for others, dispatchers only, or absurd", telegram.text(USER, "en", command));
		}
		for (double[] place : new double[][] { { 1e300, 5 }, { 45, -999 }, { Double.NaN, 0 },
				{ Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }, { -90.0001, 180.0001 } }) {
			hostile("place: absurd coordinates", telegram.location(USER, "en", place[0], place[1]));
			hostile("place: absurd coordinates", telegram.liveLocation(USER, "en", place[0], place[1]));
		}
		hostile("place: a live location from a resident", telegram.liveLocation(USER, "en", 41.87, -87.62));
		for (String data : List.of("", ":", "r", "r:", "r:abc:DETENTION", "r:99999999999:x", "r:0:" + "y".repeat(60),
				"o:AAAAAAAAAAAA:i", "o:../../x:g", "o::", "d:nosuch:c", "d:" + "z".repeat(40) + ":r", "j:y", "l:xx",
				"l:", "zzz:1:2", "\u0000\u0001")) {
			hostile("press: forged callback data from a stranger", telegram.press(USER, "en", data));
		}
		for (int i = 0; i < 100; i++) {
			byte[] bytes = new byte[random.nextInt(200)];
			random.nextBytes(bytes);
			long user = USER + 1 + i % 3;
			hostile("press: random bytes", telegram.press(user, "en", new String(bytes, StandardCharsets.ISO_8859_1)));
			hostile("text: random bytes", telegram.text(user, "en", new String(bytes, StandardCharsets.UTF_8)));
		}

		bot.assertServing(USER);
		var redis = bot.redis();
		assertThat(redis.keys(bot.prefix + "report:*")).isEmpty();
		assertThat(redis.keys(bot.prefix + "incident:*")).isEmpty();
		assertThat(redis.keys(bot.prefix + "observer:*")).isEmpty();
		assertThat(redis.keys(bot.prefix + "invite:*")).as("a non-dispatcher cannot make invite codes").isEmpty();
		assertThat(telegram.sentTo(USER)).anyMatch(c -> c.text().contains("too long"));
		assertThat(telegram.sentTo(USER)).anyMatch(c -> c.text().contains("for dispatchers"));
		assertThat(telegram.sentTo(USER)).anyMatch(c -> c.text().contains("not valid or has expired"));
		assertThat(telegram.calls("sendMessage")).noneMatch(c -> c.chat().startsWith("@"));
	}

	@Test
	@Order(2)
	void malformedAnswersFromTheBotApiAreSurvived() {
		var bodies = List.of("<html><body><h1>502 Bad Gateway</h1></body></html>", "{\"ok\":true,\"result\":[",
				"{\"ok\":true,\"result\":\"not a list\"}", "{\"ok\":true,\"result\":[{\"update_id\":\"x\"}]}",
				// a resident's id, name and exact place in a field of the wrong type: the error must not log them
				"{\"ok\":true,\"result\":[{\"update_id\":7,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":" + USER
						+ ",\"type\":\"private\",\"first_name\":\"Resident" + USER + "\"},\"location\":{\"latitude\":"
						+ "\"41.87812345 near Resident" + USER + "\",\"longitude\":-87.6298}}}]}");
		bodies.forEach(body -> bot.telegram.answerUpdatesWith(body, 1));
		bot.count("Bot API: malformed getUpdates answers", bodies.size());

		// the first /start ends the long poll waiting now; the second is fetched after every malformed answer
		bot.assertServing(USER + 1);
		bot.assertServing(USER + 1);
	}

	@Test
	@Order(3)
	void aReplayedBatchIsNotHandledAgain() {
		var first = new ArrayList<ObjectNode>();
		for (int i = 0; i < 20; i++) {
			first.add(bot.telegram.text(USER + 2, "en", "/rights"));
			bot.send(first.get(i));
		}
		long rights = bot.telegram.sentTo(USER + 2).stream().filter(c -> c.text().contains("Know your rights")).count();

		bot.telegram.answerUpdatesWith("{\"ok\":true,\"result\":" + first + "}", 1);
		bot.count("replayed updates (a whole batch again)", first.size());
		bot.assertServing(USER + 2);
		bot.assertServing(USER + 2);

		assertThat(bot.telegram.sentTo(USER + 2).stream().filter(c -> c.text().contains("Know your rights")))
			.hasSize((int) rights);
	}

	@Test
	@Order(99)
	void noLogLineOrRedisKeyIdentifiesAResidentAndNoHandlerThrew() {
		bot.assertNoHandlerFailed();
		var scanned = bot.privacy.assertClean(bot.redis(), bot.prefix);

		assertThat(scanned.logLines()).isPositive();
		System.out.println("HOSTILE HostileInputTests | privacy scan: " + scanned);
	}

}
