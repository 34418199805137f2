package org.vigia.bot.signal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.messaging.Address;
import org.vigia.store.EmbeddedRedis;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisInstances;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receive loop against a fake signal-cli over HTTP and a real Redis (embedded, or REDIS_URL): nothing sent
 * while the bot is stopped, reconnecting or killed is lost, and nothing is handled twice.
 */
class SignalReceiverTests {

	static final String PREFIX = "vigia-signal-rx:";

	static final String SECRET = "test-secret-of-at-least-16-chars";

	static final String ROSA = "0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e";

	static final String ANA = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

	static final SignalReceiver.Settings FAST = new SignalReceiver.Settings(Duration.ofMillis(200), 5,
			Duration.ofMillis(400));

	@TempDir
	static Path data;

	static RedisEndpoint endpoint;

	static LettuceConnectionFactory factory;

	static StringRedisTemplate redis;

	final RedisKeys keys = new RedisKeys(PREFIX);

	final Pseudonyms pseudonyms = new Pseudonyms(SECRET);

	final List<SignalMessage> handled = new CopyOnWriteArrayList<>();

	final List<SignalReceiver> receivers = new ArrayList<>();

	FakeSignalCli signal;

	SignalClient client;

	@BeforeAll
	static void connect() {
		endpoint = RedisEndpoint.from(new RedisSettings(System.getenv("REDIS_URL"), PREFIX, Duration.ofSeconds(1),
				Duration.ofSeconds(1), data, SECRET, Duration.ofSeconds(15), Duration.ofMillis(250), Duration.ofMinutes(15)));
		factory = endpoint.connectionFactory(Duration.ofSeconds(2), Duration.ofSeconds(1));
		factory.afterPropertiesSet();
		factory.start();
		redis = new StringRedisTemplate(factory);
		redis.afterPropertiesSet();
	}

	@AfterAll
	static void disconnect() {
		factory.destroy();
		endpoint.close();
	}

	@BeforeEach
	void start() throws Exception {
		var old = redis.keys(PREFIX + "*");
		if (!old.isEmpty()) {
			redis.delete(old);
		}
		signal = new FakeSignalCli();
		client = new SignalClient(signal.url(), FakeSignalCli.ACCOUNT, Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		receivers.forEach(SignalReceiver::close);
		signal.close();
	}

	/** A bot process: its own id and heartbeat, its inbox and receive loop, handling into {@link #handled}. */
	SignalReceiver process(StringRedisTemplate on) {
		var instances = new RedisInstances(on, keys, Duration.ofSeconds(15));
		instances.beat();
		var receiver = new SignalReceiver(client, new SignalInbox(on, keys, instances, pseudonyms), handled::add, FAST);
		receivers.add(receiver);
		receiver.start();
		return receiver;
	}

	List<String> texts() {
		return handled.stream().map(SignalMessage::text).toList();
	}

	/** The loop has asked signal-cli at least {@code more} more times: whatever was coming has come. */
	void awaitMoreReceives(int more) {
		int now = signal.calls("receive").size();
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.calls("receive").size() >= now + more);
	}

	@Test
	void whatWasSentWhileTheBotWasStoppedIsHandledOnceInOrder() {
		for (int i = 0; i < 7; i++) {
			signal.message(i % 2 == 0 ? ROSA : ANA, "m" + i);
		}

		process(redis);

		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 7);
		awaitMoreReceives(3);
		assertThat(texts()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
		assertThat(handled).extracting(m -> m.sender().id()).containsExactly(ROSA, ANA, ROSA, ANA, ROSA, ANA, ROSA);
	}

	@Test
	void aRestartLosesNothingAndRepeatsNothing() {
		var first = process(redis);
		for (int i = 0; i < 3; i++) {
			signal.message(ROSA, "before " + i);
		}
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 3);
		first.close();
		for (int i = 0; i < 3; i++) {
			signal.message(ROSA, "while stopped " + i);
		}
		assertThat(signal.waiting()).isEqualTo(3);

		process(redis);

		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 6);
		awaitMoreReceives(3);
		assertThat(texts()).containsExactly("before 0", "before 1", "before 2", "while stopped 0", "while stopped 1",
				"while stopped 2");
	}

	@Test
	void whatWasSentWhileSignalCliWasUnreachableIsHandledOnceItAnswersAgain() {
		process(redis);
		signal.message(ROSA, "first");
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 1);
		signal.outage(FakeSignalCli.Fault.SERVER_ERROR);
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.refused() >= 1);
		signal.message(ROSA, "during the outage");
		int refused = signal.refused();
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.refused() >= refused + 2);
		assertThat(signal.waiting()).isEqualTo(1);

		signal.endOutage();

		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 2);
		awaitMoreReceives(2);
		assertThat(texts()).containsExactly("first", "during the outage");
	}

	@Test
	void aMessageHandedOverTwiceIsHandledOnce() {
		var item = signal.item(ROSA, signal.nextTimestamp());
		((ObjectNode) item.get("envelope").get("dataMessage")).put("message", "once");
		signal.deliver(item);
		signal.deliver(item);
		var receiver = process(redis);
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> receiver.duplicates() >= 1);

		// signal-cli hands it over again later (it retries what it had not finished before a restart)
		signal.deliver(item);
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> receiver.duplicates() >= 2);
		awaitMoreReceives(2);

		assertThat(texts()).containsExactly("once");
	}

	@Test
	void messagesAKilledProcessTookAreHandledByTheNextOneOnlyOnceItIsGone() {
		var killed = new RedisInstances(redis, keys, Duration.ofSeconds(15));
		killed.beat();
		var itsInbox = new SignalInbox(redis, keys, killed, pseudonyms);
		itsInbox.add(List.of(message(ROSA, 1_760_000_001_000L, "taken, never finished"),
				message(ANA, 1_760_000_002_000L, "also taken")));
		assertThat(itsInbox.take(10)).hasSize(2);

		process(redis);
		awaitMoreReceives(3);
		assertThat(handled).as("its owner still has a heartbeat").isEmpty();

		killed.leave();

		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 2);
		awaitMoreReceives(2);
		assertThat(texts()).containsExactly("taken, never finished", "also taken");
		assertThat(itsInbox.waiting()).isZero();
	}

	@Test
	void forgedEnvelopesAreDroppedAndLeaveNothingBehind() {
		var otherAccount = signal.item(ROSA, signal.nextTimestamp());
		otherAccount.put("account", "+15550100999");
		var noSender = signal.item(ANA, signal.nextTimestamp());
		((ObjectNode) noSender.get("envelope")).remove("sourceUuid");
		var numberAsSender = signal.item(ANA, signal.nextTimestamp());
		((ObjectNode) numberAsSender.get("envelope")).put("sourceUuid", "+13125550142");
		signal.deliverToBot(otherAccount);
		signal.deliverToBot(noSender);
		signal.deliverToBot(numberAsSender);
		signal.message(ROSA, "genuine");
		var receiver = process(redis);

		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 1 && receiver.dropped() >= 3);
		awaitMoreReceives(2);

		assertThat(texts()).containsExactly("genuine");
		assertThat(redis.keys(PREFIX + "signal:seen:*")).hasSize(1);
	}

	@Test
	void aMessageTheHandlerFailsOnIsNotRetriedAndTheOthersGoOn() {
		var attempted = new CopyOnWriteArrayList<String>();
		var instances = new RedisInstances(redis, keys, Duration.ofSeconds(15));
		instances.beat();
		var receiver = new SignalReceiver(client, new SignalInbox(redis, keys, instances, pseudonyms), m -> {
			attempted.add(m.text());
			if (m.text().equals("boom")) {
				throw new IllegalStateException("a bug in a desk");
			}
		}, FAST);
		receivers.add(receiver);
		signal.message(ROSA, "a");
		signal.message(ROSA, "boom");
		signal.message(ROSA, "b");

		receiver.start();

		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> attempted.size() >= 3);
		awaitMoreReceives(3);
		assertThat(attempted).containsExactly("a", "boom", "b");
	}

	@Test
	void whileSomethingElseReceivesFromSignalCliTheLoopWaitsAndThenGoesOn() throws Exception {
		var http = HttpClient.newHttpClient();
		var events = http.send(HttpRequest.newBuilder(URI.create(signal.url() + "/api/v1/events")).build(),
				HttpResponse.BodyHandlers.ofInputStream()).body();
		process(redis);
		Awaitility.await().atMost(FakeSignalCli.PATIENCE)
			.until(() -> signal.calls("receive").stream().anyMatch(c -> !c.succeeded()));

		events.close();
		// what reaches signal-cli while a stream is connected goes to that stream only: wait until it is gone
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.eventStreams() == 0);
		signal.message(ROSA, "after the stream closed");

		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 1);
		assertThat(texts()).containsExactly("after the stream closed");
	}

	@Test
	void whatWasReceivedAsRedisDiedIsKeptWhenItIsBackAndHandledOnce(@TempDir Path own) {
		try (var server = EmbeddedRedis.start(own); var logs = new Logs()) {
			var ownEndpoint = RedisEndpoint.from(new RedisSettings("redis://127.0.0.1:" + server.port(), PREFIX,
					Duration.ofSeconds(1), Duration.ofSeconds(1), own, SECRET, Duration.ofSeconds(15), Duration.ofMillis(250),
					Duration.ofMinutes(15)));
			var connection = ownEndpoint.connectionFactory(Duration.ofSeconds(1), Duration.ofSeconds(1));
			connection.afterPropertiesSet();
			connection.start();
			try {
				var template = new StringRedisTemplate(connection);
				template.afterPropertiesSet();
				process(template);
				signal.message(ROSA, "before");
				Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 1);

				signal.holdReceives();
				signal.message(ROSA, "in flight as Redis dies");
				Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.heldByReceive() == 1);
				server.stop();
				signal.releaseReceives();
				signal.message(ROSA, "while Redis is down");
				// the loop logs its first pause and every tenth: ten tries without Redis, and not one receive
				Awaitility.await().atMost(FakeSignalCli.PATIENCE)
					.until(() -> logs.lines().stream().filter(l -> l.contains("receiving paused (Redis")).count() >= 2);
				assertThat(texts()).containsExactly("before");
				assertThat(signal.waiting()).as("nothing more is pulled while what came cannot be kept").isEqualTo(1);

				server.start();

				Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 3);
				awaitMoreReceives(2);
				assertThat(texts()).containsExactly("before", "in flight as Redis dies", "while Redis is down");
			}
			finally {
				receivers.forEach(SignalReceiver::close);
				receivers.clear();
				connection.destroy();
			}
		}
	}

	@Test
	void nothingThatIdentifiesAPersonReachesTheLogsOrStaysInRedis() {
		try (var logs = new Logs()) {
			var item = signal.message(ROSA, "ICE at 18th and Ashland");
			signal.deliver(item);
			var forged = signal.item(ANA, signal.nextTimestamp());
			forged.put("account", "+15550100999");
			signal.deliverToBot(forged);
			signal.message(ANA, "boom");
			var instances = new RedisInstances(redis, keys, Duration.ofSeconds(15));
			instances.beat();
			var receiver = new SignalReceiver(client, new SignalInbox(redis, keys, instances, pseudonyms), m -> {
				handled.add(m);
				if (m.text().equals("boom")) {
					throw new IllegalStateException("failed for " + m.sender());
				}
			}, FAST);
			receivers.add(receiver);
			receiver.start();
			Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> handled.size() >= 2 && receiver.dropped() >= 1);
			awaitMoreReceives(2);
			receiver.close();

			var identifying = List.of(ROSA, ANA, FakeSignalCli.numberOf(ROSA), FakeSignalCli.numberOf(ANA),
					FakeSignalCli.NAME, "18th and Ashland", "+15550100999");
			assertThat(logs.lines()).isNotEmpty();
			for (String line : logs.lines()) {
				assertThat(line).doesNotContain(identifying);
			}
			for (String key : redis.keys(PREFIX + "*")) {
				assertThat(key).doesNotContain(identifying);
				String type = redis.type(key).code();
				String value = type.equals("string") ? redis.opsForValue().get(key)
						: type.equals("stream") ? String.valueOf(redis.opsForStream().range(key,
								org.springframework.data.domain.Range.unbounded())) : "";
				assertThat(value).doesNotContain(identifying);
				assertThat(redis.getExpire(key)).as("a TTL on " + key).isPositive();
			}
		}
	}

	static SignalMessage message(String sender, long timestamp, String text) {
		return new SignalMessage(Address.signalPerson(sender), timestamp, null, text, null, List.of(), false);
	}

}
