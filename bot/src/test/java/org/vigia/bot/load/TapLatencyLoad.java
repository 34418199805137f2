package org.vigia.bot.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load driver (not a test: its name does not end in {@code Tests}): how long a resident waits, from a tap to the
 * whole reply, while reporting at a person's pace.
 *
 * <p>Each resident sends a whole report (/report, the kind, a location, when, agents, vehicles, a uniform, done,
 * no photo, no note, send), reading {@value #READ_MILLIS} ms after the whole reply to each step before the next
 * tap. "The whole reply" ends with the next question (the first message or edit to the chat after the tap that
 * carries buttons or a keyboard), or with the thanks after "send"; its time is when that call reached the fake.
 * The bot runs in this JVM with its default pacing, against the fake Bot API enforcing
 * {@link FakeTelegram.Limits#TELEGRAM} (3 messages in any second to one chat, 20 a minute to a channel, 30 a
 * second in all), so a 429 shows where the bot's pacing is too eager.
 *
 * <p>Command (system properties {@code tap.residents}, {@code tap.concurrent}):
 *
 * <pre>
 * ./mvnw -q -B -pl bot -am test -Dtest=TapLatencyLoad -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class TapLatencyLoad {

	static final long READ_MILLIS = 600;

	static final double LAT = 41.8781, LON = -87.6298;

	/** The resident's taps after /report, by the value at the end of the button's data; "<location>" shares one. */
	static final List<String> TAPS = List.of("DETENTION", "<location>", "NOW", "4", "1", "ICE", "done", "skip", "skip",
			"send");

	@TempDir
	Path data;

	private final Map<Long, Waiter> waiting = new ConcurrentHashMap<>();

	private final List<Latency> latencies = Collections.synchronizedList(new ArrayList<>());

	/** The person reading the reply before the next tap. */
	private static final Executor READING = CompletableFuture.delayedExecutor(READ_MILLIS, TimeUnit.MILLISECONDS);

	private record Latency(int step, long millis) {
	}

	/** A resident waiting for the whole reply to a tap made at {@code since}. */
	private record Waiter(Instant since, boolean thanks, CompletableFuture<Call> reply) {
	}

	@Test
	void tapToWholeReply() throws Exception {
		int residents = Integer.getInteger("tap.residents", 40);
		int concurrent = Integer.getInteger("tap.concurrent", 8);
		try (var telegram = new FakeTelegram()) {
			telegram.enforceLimits(FakeTelegram.Limits.TELEGRAM);
			telegram.listen(this::arrived);
			try (ConfigurableApplicationContext bot = start(telegram)) {
				// `concurrent` residents at a time, each reporting from start to end, the next one then
				var lanes = new ArrayList<CompletableFuture<Void>>();
				for (int lane = 0; lane < concurrent; lane++) {
					CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
					for (int i = lane; i < residents; i += concurrent) {
						long chat = 8_100_000L + i;
						chain = chain.thenCompose(ignored -> report(telegram, chat));
					}
					lanes.add(chain);
				}
				CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
				report(residents, concurrent, telegram);
			}
		}
	}

	/** One resident's whole report, each tap after reading the reply to the one before. */
	private CompletableFuture<Void> report(FakeTelegram telegram, long chat) {
		CompletableFuture<Void> steps = tap(telegram, chat, 0, () -> telegram.text(chat, "en", "/report"), false);
		for (int i = 0; i < TAPS.size(); i++) {
			String value = TAPS.get(i);
			int step = i + 1;
			steps = steps.thenComposeAsync(ignored -> tap(telegram, chat, step, () -> update(telegram, chat, value),
					value.equals("send")), READING);
		}
		return steps;
	}

	private static ObjectNode update(FakeTelegram telegram, long chat, String value) {
		if (value.equals("<location>")) {
			return telegram.location(chat, "en", LAT + (chat % 100) * 1e-4, LON);
		}
		String data = lastQuestion(telegram, chat).buttons().stream().filter(b -> b.endsWith(":" + value)).findFirst()
			.orElseThrow(() -> new AssertionError("no button " + value + " in " + lastQuestion(telegram, chat).buttons()));
		return telegram.press(chat, "en", data);
	}

	/** Taps and completes with the whole reply, recording how long it took. */
	private CompletableFuture<Void> tap(FakeTelegram telegram, long chat, int step, Supplier<ObjectNode> update,
			boolean thanks) {
		var waiter = new Waiter(Instant.now(), thanks, new CompletableFuture<>());
		waiting.put(chat, waiter);
		telegram.deliver(update.get());
		return waiter.reply().orTimeout(60, TimeUnit.SECONDS).thenAccept(reply -> latencies.add(new Latency(step,
				Duration.between(waiter.since(), reply.at()).toMillis())));
	}

	private void arrived(Call call) {
		if (!call.delivered() || !(call.method().startsWith("send") || call.method().startsWith("edit"))) {
			return;
		}
		long chat;
		try {
			chat = Long.parseLong(call.chat());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Waiter waiter = waiting.get(chat);
		if (waiter == null || call.at().isBefore(waiter.since())) {
			return;
		}
		boolean complete = waiter.thanks() ? call.text().contains("Thank you") : !call.buttons().isEmpty();
		if (complete) {
			waiter.reply().complete(call);
		}
	}

	private static Call lastQuestion(FakeTelegram telegram, long chat) {
		List<Call> sent = telegram.calls().stream().filter(c -> c.delivered() && c.chat().equals(Long.toString(chat))
				&& !c.buttons().isEmpty()).toList();
		assertThat(sent).as("questions to %d", chat).isNotEmpty();
		return sent.get(sent.size() - 1);
	}

	private ConfigurableApplicationContext start(FakeTelegram telegram) throws IOException {
		Path counties = data.resolve("counties.geojson");
		try (InputStream in = TapLatencyLoad.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			Files.copy(in, counties);
		}
		// default pacing: what Telegram's limits are about
		return new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=5s", "--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("redis"),
				"--vigia.redis.prefix=vigia-tap:", "--vigia.bot.neighborhoods-file=" + counties,
				"--vigia.bot.hotline=555-0100", "--vigia.bot.timezone=America/Chicago", "--logging.level.root=WARN");
	}

	private void report(int residents, int concurrent, FakeTelegram telegram) {
		var sorted = new ArrayList<>(latencies.stream().map(Latency::millis).sorted().toList());
		System.out.printf("TAP residents=%d concurrent=%d read=%d ms taps=%d | tap -> whole reply: p50 %d ms, p90 %d ms,"
				+ " p99 %d ms, max %d ms | 429 answers %d | messages %d, edits %d%n", residents, concurrent, READ_MILLIS,
				sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted.get(sorted.size() - 1), telegram.limitViolations(), telegram.calls("sendMessage").size(),
				telegram.calls("editMessageText").size());
		for (int step = 0; step <= TAPS.size(); step++) {
			int s = step;
			var times = latencies.stream().filter(l -> l.step() == s).map(Latency::millis).sorted().toList();
			System.out.printf("TAP step %2d %-10s p50 %4d ms, p90 %4d ms, max %4d ms%n", step,
					step == 0 ? "/report" : TAPS.get(step - 1), percentile(times, 50), percentile(times, 90),
					times.get(times.size() - 1));
		}
		assertThat(sorted).hasSize(residents * (TAPS.size() + 1));
	}

	private static long percentile(List<Long> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

}
