package org.vigia.bot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load driver for the outbox (BENCHMARKS.md, "Telegram sender"): 200 alerts for 20 channels and 500
 * direct messages to 500 chats, queued at once, against a fake Bot API that answers 429 beyond Telegram's
 * limits. Not a test (its name does not end in Tests, so {@code verify} skips it). Run:
 *
 * <pre>
 * ./mvnw -q -pl bot -am test -Dtest=OutboxLoad -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class OutboxLoad {

	@Test
	void drainAlertsAndDirectMessages() throws Exception {
		try (var telegram = new FakeTelegram()) {
			telegram.enforceLimits();
			var http = TelegramConfig.http(50);
			int port = URI.create(telegram.url()).getPort();
			var client = new OkHttpTelegramClient(http, FakeTelegram.TOKEN, new TelegramUrl("http", "127.0.0.1", port, false));
			try (var outbox = new Outbox(client, Outbox.Limits.TELEGRAM)) {
				var all = new ArrayList<CompletableFuture<?>>();
				long start = System.nanoTime();
				for (int i = 0; i < 200; i++) {
					String channel = "@channel_" + (i % 20);
					all.add(outbox.call(channel, SendMessage.builder().chatId(channel).text("alert " + i).build(),
							Outbox.Priority.URGENT));
				}
				for (int i = 0; i < 500; i++) {
					String chat = Long.toString(10_000 + i);
					all.add(outbox.call(chat, SendMessage.builder().chatId(chat).text("message " + i).build(),
							Outbox.Priority.NORMAL));
				}
				CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
				double seconds = (System.nanoTime() - start) / 1e9;
				// the fastest Telegram allows: 700 messages at 30/s, and 10 posts per channel 3 s apart
				double floor = Math.max(700 / 30.0, 9 * 3.0);
				System.out.printf("OutboxLoad: 700 messages drained in %.2f s; lower bound %.2f s; share of allowed rate %.1f %%;"
						+ " 429 answers %d; sendMessage calls %d%n", seconds, floor, 100 * floor / seconds,
						telegram.limitViolations(), telegram.calls("sendMessage").size());
				assertThat(telegram.sentTo("@channel_0")).hasSizeGreaterThanOrEqualTo(10);
			}
			finally {
				http.dispatcher().executorService().shutdown();
				http.connectionPool().evictAll();
			}
		}
	}

}
