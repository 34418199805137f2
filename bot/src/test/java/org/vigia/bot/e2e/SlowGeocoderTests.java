package org.vigia.bot.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A geocoder that hangs holds up only the resident whose cross streets it is looking up (webhook mode, where
 * every update is handled as it comes; in long polling a getUpdates batch is confirmed only when all of it is
 * handled, so a lookup there holds the next batch for at most the geocoder's timeout).
 */
class SlowGeocoderTests {

	@TempDir
	Path data;

	@Test
	void aGeocoderThatHangsDoesNotDelayAnotherChatsReply() throws IOException {
		var release = new CountDownLatch(1);
		var waiting = new AtomicInteger();
		HttpServer geocoder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		geocoder.createContext("/", exchange -> {
			waiting.incrementAndGet();
			try (exchange) {
				release.await(60, TimeUnit.SECONDS);
				exchange.sendResponseHeaders(200, 2);
				exchange.getResponseBody().write("[]".getBytes());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		geocoder.setExecutor(Executors.newCachedThreadPool());
		geocoder.start();
		// one update worker: before, the other chat's update waited behind the lookup on the same thread
		try (var telegram = new FakeTelegram();
				var bot = TestBot.start(telegram, data, "vigia-slow-geocoder:", TestBot.withWebhook(
						"--vigia.bot.geocoder-url=http://127.0.0.1:" + geocoder.getAddress().getPort(),
						"--vigia.bot.geocoder-timeout=30s", "--vigia.telegram.workers=1"))) {
			long typing = 7_500_001;
			long other = 7_500_002;
			bot.post(telegram.text(typing, "en", "/report").put("update_id", telegram.nextUpdateId()));
			press(bot, telegram, typing, ":DETENTION");
			// the place question comes with a keyboard (share location, or type cross streets)
			Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> telegram.sentTo(typing).stream()
				.anyMatch(c -> c.buttons().contains("Type cross streets")));
			bot.post(telegram.text(typing, "en", "Type cross streets").put("update_id", telegram.nextUpdateId()));
			var streets = telegram.text(typing, "en", "Main St and 5th Ave").put("update_id", telegram.nextUpdateId());
			CompletableFuture.runAsync(() -> bot.post(streets));
			Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> waiting.get() == 1);

			bot.post(telegram.text(other, "en", "/help").put("update_id", telegram.nextUpdateId()));

			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.sentTo(other).isEmpty());
			assertThat(telegram.sentTo(other).get(0).text()).contains("How Vigía works");
			// the lookup is still hanging: the reply did not wait for it
			assertThat(release.getCount()).isOne();
		}
		finally {
			release.countDown();
			geocoder.stop(0);
		}
	}

	/** Waits for the chat's latest question and presses its button whose data ends with {@code suffix}. */
	private static void press(TestBot bot, FakeTelegram telegram, long chat, String suffix) {
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> button(telegram, chat, suffix) != null);
		bot.post(telegram.press(chat, "en", button(telegram, chat, suffix)).put("update_id", telegram.nextUpdateId()));
	}

	private static String button(FakeTelegram telegram, long chat, String suffix) {
		List<FakeTelegram.Call> sent = telegram.sentTo(chat);
		for (int i = sent.size() - 1; i >= 0; i--) {
			if (!sent.get(i).buttons().isEmpty()) {
				return sent.get(i).buttons().stream().filter(b -> b.endsWith(suffix)).findFirst().orElse(null);
			}
		}
		return null;
	}

}
