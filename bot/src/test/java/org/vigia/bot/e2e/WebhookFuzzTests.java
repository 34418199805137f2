package org.vigia.bot.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever is POSTed to the webhook: random bytes, random JSON, real updates with any field replaced by any
 * value, deep nesting, bodies of megabytes declared or streamed, and the same updates again in any order. Each
 * gets 200, 400, 401 or 413 (never a server error), a body is never read before the secret is checked nor beyond
 * its cap, every update is handled once, no handler throws, and the bot keeps answering.
 */
class WebhookFuzzTests {

	static final String SECRET = "webhook-fuzz-secret-0123456789";

	static final long RESIDENT = 850_001;

	static final String PHONE = "+1 312 555 0100";

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static HostileBot bot;

	@BeforeContainer
	static void start() throws IOException {
		bot = HostileBot.start("webhook", "--vigia.telegram.webhook-url=https://bot.example.org/telegram/webhook",
				"--vigia.telegram.webhook-secret=" + SECRET);
		bot.privacy.resident(RESIDENT).phone(PHONE).place(41.8781, -87.6298);
	}

	@AfterContainer
	static void stop() {
		try {
			System.out.println(bot.tally("WebhookFuzzTests"));
			bot.assertNoHandlerFailed();
			System.out.println("HOSTILE WebhookFuzzTests | privacy scan: " + bot.privacy.assertClean(bot.redis(), bot.prefix));
		}
		finally {
			bot.close();
		}
	}

	static int port() {
		return ((WebServerApplicationContext) bot.context).getWebServer().getPort();
	}

	static int post(String secret, byte[] body) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null) {
			request.header("X-Telegram-Bot-Api-Secret-Token", secret);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Posts /help for the resident and waits for its answer: everything posted for them before is handled. */
	static void probe() {
		int before = bot.telegram.sentTo(RESIDENT).size();
		var help = bot.telegram.text(RESIDENT, "en", "/help").put("update_id", bot.telegram.nextUpdateId());
		assertThat(post(SECRET, help.toString().getBytes())).isEqualTo(200);
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> bot.telegram.sentTo(RESIDENT).stream()
			.skip(before).anyMatch(c -> c.text().contains("How Vigía works")));
	}

	@Property(tries = 400)
	void anyBodyGetsAClientAnswerAndTheBotKeepsServing(@ForAll("bodies") Tuple.Tuple2<String, byte[]> body) {
		bot.count("webhook: " + body.get1(), 1);

		int status = post(SECRET, body.get2());

		assertThat(status).as(body.get1()).isIn(200, 400, 413);
	}

	@Example
	void theSameUpdatesAgainInAnyOrderAreHandledOnceEach() {
		probe();
		int before = bot.telegram.sentTo(RESIDENT).size();
		var updates = new ArrayList<String>();
		for (int i = 0; i < 30; i++) {
			updates.add(bot.telegram.text(RESIDENT, "en", "/rights").put("update_id", 2_000_000 - i * 7).toString());
		}
		var deliveries = new ArrayList<String>(updates);
		deliveries.addAll(updates);
		deliveries.addAll(updates.subList(0, 10));
		Collections.shuffle(deliveries, new Random(20261125));

		deliveries.forEach(u -> assertThat(post(SECRET, u.getBytes())).isEqualTo(200));
		bot.count("webhook: replayed and out-of-order update ids", deliveries.size());
		probe();

		assertThat(bot.telegram.sentTo(RESIDENT).stream().skip(before).filter(c -> c.text().contains("Know your rights")))
			.hasSize(updates.size());
	}

	@Example
	void aBodyIsNeitherReadWithoutTheSecretNorBeyondTheCap() throws IOException {
		int fifty = 50 * 1024 * 1024;
		// the answers come while not one byte of the declared 50 MB has been sent
		assertThat(RawPost.declaring(port(), null, fifty)).isEqualTo(401);
		assertThat(RawPost.declaring(port(), "wrong-secret-wrong-secret", fifty)).isEqualTo(401);
		assertThat(RawPost.declaring(port(), SECRET, fifty)).isEqualTo(413);
		assertThat(RawPost.chunked(port(), SECRET, 2 * 1024 * 1024)).isEqualTo(413);
		assertThat(post(SECRET, ("{\"update_id\":5,\"message\":{\"text\":\"" + "x".repeat(1024 * 1024) + "\"}}")
			.getBytes())).isEqualTo(413);
		bot.count("webhook: bodies of 1 to 50 MB, declared or chunked, with and without the secret", 5);
		probe();
	}

	@Example
	void afterEverythingTheBotStillAnswers() {
		probe();
	}

	@Provide
	Arbitrary<Tuple.Tuple2<String, byte[]>> bodies() {
		Arbitrary<Tuple.Tuple2<String, byte[]>> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048)
			.map(b -> Tuple.of("random bytes", b));
		Arbitrary<Tuple.Tuple2<String, byte[]>> json = RandomJson.values(3).map(j -> Tuple.of("random JSON",
				j.toString().getBytes()));
		Arbitrary<Tuple.Tuple2<String, byte[]>> mutated = Combinators.combine(realUpdates(),
				Arbitraries.of(RandomJson.FIELDS), RandomJson.values(2))
			.as((update, field, value) -> Tuple.of("a real update with a field replaced",
					RandomJson.replace(update, field, value).toString().getBytes()));
		Arbitrary<Tuple.Tuple2<String, byte[]>> deep = Arbitraries.integers().between(1_000, 300_000)
			.map(n -> Tuple.of("deep nesting", ("{\"update_id\":1,\"message\":" + "[".repeat(n) + "]".repeat(n) + "}")
				.getBytes()));
		return Arbitraries.frequencyOf(Tuple.of(2, bytes), Tuple.of(2, json), Tuple.of(5, mutated), Tuple.of(1, deep));
	}

	@Example
	void aMessageWithoutAChatIsConfirmedNotAServerError() {
		// nobody can be answered for it: confirmed, so that Telegram does not send it again
		assertThat(post(SECRET, "{\"update_id\":77,\"message\":{\"message_id\":1,\"date\":1}}".getBytes()))
			.isEqualTo(200);
	}

	static Arbitrary<ObjectNode> realUpdates() {
		var t = bot.telegram;
		return Arbitraries.of(0, 1, 2, 3, 4).map(kind -> {
			ObjectNode update = switch (kind) {
				case 0 -> t.text(RESIDENT, "en", "/start");
				case 1 -> t.location(RESIDENT, "en", 41.8781, -87.6298);
				case 2 -> t.press(RESIDENT, "en", "r:0:DETENTION");
				case 3 -> t.contact(RESIDENT, "en", PHONE);
				default -> t.liveLocation(RESIDENT, "en", 41.8781, -87.6298);
			};
			return update.put("update_id", t.nextUpdateId());
		});
	}

}
