package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.telegram.telegrambots.meta.api.methods.GetMe;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.Outbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bot (embedded Redis, real HTTP, long polling) against a fake Bot API, for the hostile-input tests: it
 * sends updates one at a time and waits until each is handled and answered, counts every hostile input by
 * category, and captures logs for a {@link PrivacyScan} from before the bot starts.
 *
 * <p>"Handled" is known without sleeping: with long polling the bot asks for the next offset only once a batch
 * is handled, so the fake's acknowledged count reaching the delivered count means the handler returned; then a
 * getMe queued on the chat's outbox lane comes back only after every reply queued before it was sent, so the
 * replies an update caused are counted for that update.
 */
final class HostileBot implements AutoCloseable {

	static final long DISPATCHER = 900_900;

	final FakeTelegram telegram;

	final ConfigurableApplicationContext context;

	final String prefix;

	final PrivacyScan privacy;

	private final Map<String, AtomicInteger> tally = new TreeMap<>();

	private int delivered;

	private org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory patient;

	/** A data folder this harness made and must delete (jqwik has no @TempDir), or null. */
	private Path owned;

	private HostileBot(FakeTelegram telegram, ConfigurableApplicationContext context, String prefix, PrivacyScan privacy) {
		this.telegram = telegram;
		this.context = context;
		this.prefix = prefix;
		this.privacy = privacy;
	}

	/** As {@link #start(Path, String, String...)}, in a temporary folder deleted by {@link #close()}. */
	static HostileBot start(String name, String... extra) throws IOException {
		Path data = Files.createTempDirectory("vigia-" + name);
		HostileBot bot = start(data, name, extra);
		bot.owned = data;
		return bot;
	}

	/** Starts a bot under {@code vigia-{name}:} with the sample counties and one dispatcher. */
	static HostileBot start(Path data, String name, String... extra) throws IOException {
		PrivacyScan privacy = PrivacyScan.start().secret(FakeTelegram.TOKEN).neverLogged(DISPATCHER);
		var telegram = new FakeTelegram();
		String prefix = "vigia-" + name + ":";
		var options = new ArrayList<>(List.of("--vigia.telegram.private-interval=1ms", "--vigia.telegram.per-second=5000",
				"--vigia.bot.dispatchers=" + DISPATCHER));
		options.addAll(List.of(extra));
		var args = TestBot.arguments(telegram, data, prefix, options.toArray(String[]::new));
		var context = new SpringApplicationBuilder(VigiaBotApplication.class).listeners(privacy.onEveryStart())
			.run(args.toArray(String[]::new));
		return new HostileBot(telegram, context, prefix, privacy);
	}

	StringRedisTemplate redis() {
		return context.getBean(StringRedisTemplate.class);
	}

	/**
	 * A connection of the test's own with a patient timeout, for writes of many megabytes (a GeoJSON bomb) that
	 * can take longer than the bot's 500 ms on a busy machine.
	 */
	StringRedisTemplate patientRedis() {
		if (patient == null) {
			patient = context.getBean(org.vigia.store.RedisEndpoint.class).connectionFactory(Duration.ofSeconds(30),
					Duration.ofSeconds(5));
			patient.afterPropertiesSet();
			patient.start();
		}
		var template = new StringRedisTemplate(patient);
		template.afterPropertiesSet();
		return template;
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** Counts hostile inputs that did not go through {@link #send} (webhook bodies, stream entries). */
	void count(String category, int inputs) {
		synchronized (tally) {
			tally.computeIfAbsent(category, c -> new AtomicInteger()).addAndGet(inputs);
		}
	}

	/** Delivers one update, counted under {@code category}, and returns the calls the bot made for it. */
	List<FakeTelegram.Call> send(String category, ObjectNode update) {
		count(category, 1);
		return send(update);
	}

	/**
	 * Delivers one update and waits until it is handled and every reply it caused is out; returns the calls the
	 * bot made meanwhile.
	 */
	List<FakeTelegram.Call> send(ObjectNode update) {
		int before = telegram.calls().size();
		telegram.deliver(update);
		delivered++;
		settle(chatOf(update));
		List<FakeTelegram.Call> all = telegram.calls();
		return all.subList(Math.min(before, all.size()), all.size());
	}

	/**
	 * Waits until every delivered update is handled, then until the outbox has sent everything queued for this
	 * chat: a getMe queued behind them on the chat's lane comes back last (0: no chat to wait for).
	 */
	void settle(long chat) {
		Awaitility.await().atMost(FakeTelegram.PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
			.until(() -> telegram.acknowledged() >= delivered);
		if (chat != 0) {
			context.getBean(Outbox.class).call(Long.toString(chat), GetMe.builder().build(), Outbox.Priority.NORMAL)
				.orTimeout(FakeTelegram.PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
		}
	}

	static long chatOf(ObjectNode update) {
		if (update.has("callback_query")) {
			return update.path("callback_query").path("from").path("id").asLong();
		}
		JsonNode message = update.has("message") ? update.get("message") : update.path("edited_message");
		return "private".equals(message.path("chat").path("type").asText()) ? message.path("chat").path("id").asLong() : 0;
	}

	/** Whether the calls answer this update: a message to its private chat, or the answer to its button press. */
	static boolean answers(ObjectNode update, List<FakeTelegram.Call> calls) {
		if (update.has("callback_query")) {
			String id = update.path("callback_query").path("id").asText();
			return calls.stream().anyMatch(c -> c.method().equalsIgnoreCase("answerCallbackQuery")
					&& c.params().path("callback_query_id").asText().equals(id));
		}
		String chat = update.path("message").path("chat").path("id").asText();
		return calls.stream().anyMatch(c -> replies(c) && c.chat().equals(chat));
	}

	/** The texts sent to a chat among these calls, as new messages or as edits of one. */
	static List<String> texts(List<FakeTelegram.Call> calls, long chat) {
		return calls.stream().filter(c -> replies(c) && c.chat().equals(Long.toString(chat)))
			.map(FakeTelegram.Call::text).toList();
	}

	private static boolean replies(FakeTelegram.Call call) {
		return call.method().equalsIgnoreCase("sendMessage") || call.method().equalsIgnoreCase("editMessageText");
	}

	/** Fails if any update made a handler throw (the intake logs it as "Handling a … update failed"). */
	void assertNoHandlerFailed() {
		assertThat(privacy.lines()).as("handler failures").noneMatch(line -> line.contains("update failed"));
	}

	/** Whether the bot still answers: /start gets the welcome. */
	void assertServing(long user) {
		var calls = send(telegram.text(user, "en", "/start"));
		assertThat(texts(calls, user)).anyMatch(t -> t.contains("Welcome to Vigía"));
	}

	/** Makes {@code user} a registered observer through an invite from the dispatcher; on duty if a place is given. */
	void observer(long user, double... onDutyAt) {
		privacy.neverLogged(user);
		var invite = send(telegram.text(DISPATCHER, "en", "/invite"));
		Matcher code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(texts(invite, DISPATCHER).get(0));
		assertThat(code.find()).isTrue();
		send(telegram.text(user, "es", "/join " + code.group(1)));
		assertThat(texts(send(telegram.press(user, "es", "j:y")), user)).anyMatch(t -> t.contains("¿Qué nombre"));
		assertThat(texts(send(telegram.press(user, "es", "j:name")), user)).anyMatch(t -> t.contains("Bienvenido/a"));
		if (onDutyAt.length == 2) {
			send(telegram.text(user, "es", "/onduty"));
			assertThat(texts(send(telegram.location(user, "es", onDutyAt[0], onDutyAt[1])), user))
				.anyMatch(t -> t.contains("Está de turno"));
		}
	}

	/** The hostile inputs sent, by category, one line each. */
	String tally(String test) {
		var out = new StringBuilder();
		synchronized (tally) {
			int total = tally.values().stream().mapToInt(AtomicInteger::get).sum();
			tally.forEach((category, n) -> out.append("HOSTILE ").append(test).append(" | ").append(category)
				.append(": ").append(n).append('\n'));
			out.append("HOSTILE ").append(test).append(" | total: ").append(total);
		}
		return out.toString();
	}

	@Override
	public void close() {
		privacy.close();
		if (patient != null) {
			patient.destroy();
		}
		context.close();
		telegram.close();
		if (owned != null) {
			try (var files = Files.walk(owned)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

}
