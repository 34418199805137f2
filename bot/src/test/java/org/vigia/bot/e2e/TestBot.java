package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;

/**
 * The bot as the end-to-end tests start it: in this JVM, on a free port, against a fake Bot API, with the
 * sample counties as neighborhoods and an embedded Redis under a test folder (or the Redis at a given
 * URL). {@link #arguments} are also what a test passes to the bot started as a separate process.
 */
final class TestBot implements AutoCloseable {

	static final String WEBHOOK_SECRET = "end-to-end-webhook-secret-0123456789";

	static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private TestBot(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * The command line of a bot on the sample counties: Telegram at the fake, Redis embedded under
	 * {@code data} unless {@code extra} names a URL, keys under {@code prefix}, dispatcher {@link Scenario#DISPATCHER}, and fast
	 * pacing (Telegram's limits are not what these tests are about unless they say so).
	 */
	static List<String> arguments(FakeTelegram telegram, Path data, String prefix, String... extra) {
		Path counties = data.resolve("counties.geojson");
		if (!Files.exists(counties)) {
			try (InputStream in = TestBot.class.getResourceAsStream("/geo/sample-counties.geojson")) {
				Files.createDirectories(data);
				Files.copy(in, counties);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		var args = new ArrayList<>(List.of("--server.port=0", "--vigia.telegram.token=" + FakeTelegram.TOKEN,
				"--vigia.telegram.api-url=" + telegram.url(), "--vigia.telegram.poll-timeout=2s",
				"--vigia.telegram.private-interval=20ms", "--vigia.telegram.per-second=500", "--vigia.redis.url=",
				"--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=" + prefix,
				"--vigia.bot.neighborhoods-file=" + counties, "--vigia.bot.dispatchers=" + Scenario.DISPATCHER,
				"--vigia.bot.hotline=555-0100", "--vigia.bot.timezone=America/Chicago"));
		// Spring Boot joins repeated options with commas: an extra option replaces the default one
		for (String option : extra) {
			String key = option.substring(0, option.indexOf('=') + 1);
			args.removeIf(a -> a.startsWith(key));
			args.add(option);
		}
		return args;
	}

	/** These options and webhook mode, behind the test address; updates are then {@link #post}ed. */
	static String[] withWebhook(String... extra) {
		var options = new ArrayList<>(List.of("--vigia.telegram.webhook-url=https://bot.example.org/telegram/webhook",
				"--vigia.telegram.webhook-secret=" + WEBHOOK_SECRET));
		options.addAll(List.of(extra));
		return options.toArray(String[]::new);
	}

	static TestBot start(FakeTelegram telegram, Path data, String prefix, String... extra) {
		return start(telegram, data, prefix, builder -> {
		}, extra);
	}

	/** As {@link #start(FakeTelegram, Path, String, String...)}, the application first given listeners or a clock. */
	static TestBot start(FakeTelegram telegram, Path data, String prefix, Consumer<SpringApplicationBuilder> before,
			String... extra) {
		var builder = new SpringApplicationBuilder(VigiaBotApplication.class);
		before.accept(builder);
		return new TestBot(builder.run(arguments(telegram, data, prefix, extra).toArray(String[]::new)));
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Sends an update to the webhook as Telegram would, and returns the HTTP status (after handling). */
	int post(ObjectNode update) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
			.POST(HttpRequest.BodyPublishers.ofString(update.toString()))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		context.close();
	}

}
