package org.vigia.bot.e2e;

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
import java.util.Random;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisIncidentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bot instances on one Redis, in webhook mode behind one address: every update goes to either of
 * them at random, and every update is also delivered a second time to the other one (a retry). One
 * incident per scene, one post per channel, one answer per update.
 */
class TwoInstancesTests {

	static final String SECRET = "two-instances-secret-0123456789";

	static final long DISPATCHER = 900;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final Random RANDOM = new Random(7);

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		Path counties = data.resolve("counties.geojson");
		try (InputStream in = TwoInstancesTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			Files.copy(in, counties);
		}
		first = instance(counties);
		// the second instance finds the first one's embedded Redis in the shared data folder and joins it
		second = instance(counties);
	}

	static ConfigurableApplicationContext instance(Path counties) {
		return new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.webhook-url=https://bot.example.org/telegram/webhook",
				"--vigia.telegram.webhook-secret=" + SECRET, "--vigia.telegram.private-interval=20ms",
				"--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=vigia-two:",
				"--vigia.bot.neighborhoods-file=" + counties, "--vigia.bot.dispatchers=" + DISPATCHER);
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
		telegram.close();
	}

	static int port(ConfigurableApplicationContext bot) {
		return ((WebServerApplicationContext) bot).getWebServer().getPort();
	}

	static void post(ConfigurableApplicationContext bot, ObjectNode update) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(bot) + "/telegram/webhook"))
				.header("Content-Type", "application/json")
				.header("X-Telegram-Bot-Api-Secret-Token", SECRET)
				.POST(HttpRequest.BodyPublishers.ofString(update.toString()))
				.build();
			assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sends an update to a random instance, then once more to the other, and waits for one answer. */
	static FakeTelegram.Call exchange(long chat, ObjectNode update) {
		update.put("update_id", 500_000 + RANDOM.nextInt(400_000_000));
		int before = telegram.repliesTo(chat).size();
		boolean firstFirst = RANDOM.nextBoolean();
		post(firstFirst ? first : second, update);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.repliesTo(chat).size() > before);
		post(firstFirst ? second : first, update.deepCopy());
		return telegram.repliesTo(chat).get(before);
	}

	/** The latest message of this chat, as the person sees it now (with its edits). */
	static FakeTelegram.Call last(long chat) {
		var shown = telegram.shownTo(chat);
		return shown.get(shown.size() - 1);
	}

	static void answer(long chat, String value) {
		String data = last(chat).buttons().stream().filter(b -> b.endsWith(":" + value)).findFirst().orElseThrow();
		exchange(chat, telegram.press(chat, "es", data));
	}

	/** Every step goes to one instance and then again to the other. */
	static void becomeObserver(long observer, double latitude, double longitude) {
		var invite = Pattern.compile("<code>([A-Z0-9]+)</code>")
			.matcher(exchange(DISPATCHER, telegram.text(DISPATCHER, "en", "/invite")).text());
		assertThat(invite.find()).isTrue();
		exchange(observer, telegram.text(observer, "es", "/join " + invite.group(1)));
		exchange(observer, telegram.press(observer, "es", "j:y"));
		exchange(observer, telegram.press(observer, "es", "j:name"));
		exchange(observer, telegram.text(observer, "es", "/onduty"));
		exchange(observer, telegram.location(observer, "es", latitude, longitude));
	}

	@Test
	void oneIncidentPerSceneAndOnePostPerChannelWhateverInstanceGetsTheUpdates() {
		for (long observer : List.of(801L, 802L)) {
			becomeObserver(observer, 41.88, -87.63);
		}
		for (long resident : List.of(301L, 302L, 303L)) {
			exchange(resident, telegram.text(resident, "es", "/report"));
			answer(resident, "DETENTION");
			exchange(resident, telegram.location(resident, "es", 41.8781 + resident * 0.00001, -87.6298));
			for (String value : List.of("NOW", "4", "1", "done", "skip", "skip")) {
				answer(resident, value);
			}
			int before = telegram.repliesTo(resident).size();
			post(first, telegram.press(resident, "es", last(resident).button("r:").replaceAll(":[^:]+$", ":send"))
				.put("update_id", 900_000_000 + (int) resident));
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.repliesTo(resident).size() >= before + 1);
		}

		for (long observer : List.of(801L, 802L)) {
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(observer).stream()
				.anyMatch(c -> c.text().contains("¿Puede ir")));
			var prompt = telegram.sentTo(observer).stream().filter(c -> c.text().contains("¿Puede ir")).findFirst().orElseThrow();
			int before = telegram.repliesTo(observer).size();
			exchange(observer, telegram.press(observer, "es",
					prompt.buttons().stream().filter(b -> b.endsWith(":going")).findFirst().orElseThrow()));
			// "I'm going" is answered twice (the prompt's edit and the question of what they saw), in either order
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.repliesTo(observer).stream().skip(before)
				.anyMatch(c -> c.buttons().stream().anyMatch(b -> b.endsWith(":ice"))));
			var ask = telegram.repliesTo(observer).stream().skip(before)
				.filter(c -> c.buttons().stream().anyMatch(b -> b.endsWith(":ice"))).findFirst().orElseThrow();
			// a verdict is acknowledged on its button only: sent to one instance, then again to the other
			var ice = telegram.press(observer, "es",
					ask.buttons().stream().filter(b -> b.endsWith(":ice")).findFirst().orElseThrow());
			ice.put("update_id", 500_000 + RANDOM.nextInt(400_000_000));
			String id = ice.path("callback_query").path("id").asText();
			post(first, ice);
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.calls("answerCallbackQuery").stream()
				.anyMatch(c -> c.params().path("callback_query_id").asText().equals(id)));
			post(second, ice.deepCopy());
		}

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo("@vigia_sample_cook").size() == 1);
		var incidents = chicago(first);
		assertThat(incidents).hasSize(1);
		assertThat(incidents.get(0).reports()).hasSize(3);
		assertThat(incidents.get(0).verdicts()).hasSize(2);
		assertThat(chicago(second)).hasSize(1);
		settled(incidents.get(0), "@vigia_sample_cook");
		assertThat(telegram.calls("sendMessage")).filteredOn(c -> c.chat().equals("@vigia_sample_cook")).hasSize(1);
		TtlScan.assertEveryKeyExpires(first.getBean(StringRedisTemplate.class), "vigia-two:");
	}

	static List<Incident> chicago(ConfigurableApplicationContext bot) {
		return bot.getBean(RedisIncidentStore.class).open().stream().filter(i -> i.center().latitude() > 40).toList();
	}

	/**
	 * Waits until nothing about this alert can happen again: the incident is PUBLISHED and the channel's post is
	 * recorded as delivered (a recorded post is never claimed again, by either instance).
	 */
	static void settled(Incident incident, String channel) {
		var redis = first.getBean(StringRedisTemplate.class);
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(first.getBean(RedisIncidentStore.class).find(incident.id()).orElseThrow().state())
				.isEqualTo(IncidentState.PUBLISHED);
			assertThat(redis.opsForHash().hasKey("vigia-two:post:" + incident.id().value(), channel)).isTrue();
		});
	}


	/** Posts an update to both instances at the same moment, as a webhook retry racing the first delivery. */
	static void both(ObjectNode update) {
		update.put("update_id", 500_000 + RANDOM_IDS.incrementAndGet());
		var copy = update.deepCopy();
		var other = java.util.concurrent.CompletableFuture.runAsync(() -> post(second, copy));
		post(first, update);
		other.join();
	}

	static final java.util.concurrent.atomic.AtomicInteger RANDOM_IDS = new java.util.concurrent.atomic.AtomicInteger(
			300_000_000);

	@Test
	void aSurgeDeliveredToBothInstancesAtOnceMakesOneIncidentPerSceneAndOnePostPerChannel() throws Exception {
		// two more scenes, in Austin and in Round Rock, each with two observers on duty
		double[][] scenes = { { 30.2672, -97.7431 }, { 30.5083, -97.6789 } };
		long observer = 841;
		for (double[] scene : scenes) {
			for (int i = 0; i < 2; i++, observer++) {
				becomeObserver(observer, scene[0] + 0.003, scene[1]);
			}
		}
		// sixty residents at once, every update delivered to both instances at the same moment
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
		for (long resident = 61_000; resident < 61_060; resident++) {
			long r = resident;
			double[] scene = scenes[(int) (r % 2)];
			done.add(pool.submit(() -> {
				both(telegram.text(r, "es", "/report"));
				both(telegram.press(r, "es", "r:0:CHECKPOINT"));
				both(telegram.location(r, "es", scene[0] + (r % 5) * 0.0003, scene[1]));
				for (String answer : List.of("2:NOW", "3:4", "4:1", "5:done", "6:skip", "7:skip", "8:send")) {
					both(telegram.press(r, "es", "r:" + answer));
				}
			}));
		}
		for (var each : done) {
			each.get();
		}
		pool.shutdown();

		var store = first.getBean(RedisIncidentStore.class);
		var surge = store.open().stream().filter(i -> i.center().latitude() < 31).toList();
		assertThat(surge).hasSize(2).allSatisfy(i -> assertThat(i.reports()).hasSize(30));
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (long resident = 61_000; resident < 61_060; resident++) {
				var replies = telegram.repliesTo(resident).stream().filter(FakeTelegram.Call::delivered).toList();
				assertThat(replies.stream().filter(c -> c.text().startsWith("Gracias"))).hasSize(1);
				// nine questions, then the thanks in place of the summary: each once, though every update came twice
				assertThat(telegram.deliveredTo(resident)).hasSize(9);
				assertThat(replies).hasSize(10);
			}
		});
		for (long o = 841; o < 845; o++) {
			long each = o;
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.deliveredTo(each).stream()
				.anyMatch(c -> c.text().contains("¿Puede ir")));
			var prompt = telegram.deliveredTo(o).stream().filter(c -> c.text().contains("¿Puede ir")).findFirst().orElseThrow();
			both(telegram.press(o, "es", prompt.button("o:").replaceAll(":[a-z-]+$", ":going")));
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.deliveredTo(each).stream()
				.anyMatch(c -> c.text().contains("¿Qué vio?")));
			var ask = telegram.deliveredTo(o).stream().filter(c -> c.text().contains("¿Qué vio?")).findFirst().orElseThrow();
			both(telegram.press(o, "es", ask.button("o:").replaceAll(":[a-z-]+$", ":ice")));
		}
		for (String channel : List.of("@vigia_sample_travis", "@vigia_sample_williamson")) {
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> telegram.deliveredTo(channel).size() == 1);
		}
		settled(surge.stream().filter(i -> i.center().latitude() < 30.4).findFirst().orElseThrow(), "@vigia_sample_travis");
		settled(surge.stream().filter(i -> i.center().latitude() > 30.4).findFirst().orElseThrow(),
				"@vigia_sample_williamson");
		assertThat(telegram.deliveredTo("@vigia_sample_travis")).hasSize(1);
		assertThat(telegram.deliveredTo("@vigia_sample_williamson")).hasSize(1);
		for (long o = 841; o < 845; o++) {
			assertThat(telegram.deliveredTo(o).stream().filter(c -> c.text().contains("¿Puede ir"))).hasSize(1);
		}
		TtlScan.assertEveryKeyExpires(first.getBean(StringRedisTemplate.class), "vigia-two:");
	}

}
