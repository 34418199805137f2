package org.vigia.bot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.messaging.StyledText;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisSettings;

/**
 * Signal's adapter against a fake signal-cli over HTTP and a real Redis: edits within Signal's window and count,
 * a quoted follow-up beyond them, a new message instead of an edit above a person's answer (but never the question
 * they just answered asked again), and menus read back by number, word and quote (with the clock moved, never waited
 * for).
 */
class SignalMessengerTests {

	static final String PREFIX = "vigia-signal-messenger:";

	static final String SECRET = "test-secret-of-at-least-16-chars";

	static final Address ROSA = Address.signalPerson("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

	static final Address GROUP = Address.signalGroup("Y29vayBjb3VudHkgYWxlcnRzLCBzaWduYWwgZ3JvdXA=");

	@TempDir
	static Path data;

	static RedisEndpoint endpoint;

	static LettuceConnectionFactory factory;

	static StringRedisTemplate redis;

	FakeSignalCli signal;

	SignalOutbox outbox;

	SignalMenus menus;

	SignalMessenger messenger;

	/** The messenger's clock, moved by the tests; the outbox paces on real time. */
	final MovableClock clock = new MovableClock();

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
		var client = new SignalClient(signal.url(), FakeSignalCli.ACCOUNT, Duration.ofSeconds(2));
		outbox = new SignalOutbox(client, new SignalOutbox.Limits(100, Duration.ZERO, Duration.ZERO,
				Duration.ofSeconds(1), Duration.ofMinutes(1)), Clock.systemUTC());
		menus = new SignalMenus(redis, new RedisKeys(PREFIX), new Pseudonyms(SECRET));
		messenger = new SignalMessenger(outbox, client, menus, (to, key) -> key.equals("signal.menu.hint")
				? "Reply with the number." : "Send the place.", FakeSignalCli.ACCOUNT, clock);
	}

	@AfterEach
	void stop() {
		outbox.close();
		signal.close();
	}

	SentRef send(Address to, Outbound message) throws Exception {
		return messenger.send(to, message, Messenger.Urgency.NORMAL).get(10, TimeUnit.SECONDS);
	}

	SentRef edit(SentRef sent, Outbound message) throws Exception {
		return messenger.edit(sent, message, Messenger.Urgency.NORMAL).get(10, TimeUnit.SECONDS);
	}

	FakeSignalCli.Call last() {
		List<FakeSignalCli.Call> sent = signal.sent();
		return sent.get(sent.size() - 1);
	}

	@Test
	void anAlertIsEditedTenTimesWithinADayThenUpdatedByAReplyQuotingIt() throws Exception {
		SentRef post = send(GROUP, Outbound.markup("<b>VERIFIED</b> Cook County"));
		clock.set(Instant.ofEpochMilli(Long.parseLong(post.id())).plus(Duration.ofHours(1)));

		for (int i = 1; i <= 10; i++) {
			assertThat(edit(post, Outbound.markup("<b>VERIFIED</b> update " + i))).isEqualTo(post);
			assertThat(last().params().path("editTimestamp").asLong()).isEqualTo(Long.parseLong(post.id()));
			assertThat(last().text()).isEqualTo("VERIFIED update " + i);
		}
		SentRef eleventh = edit(post, Outbound.markup("<b>VERIFIED</b> update 11"));

		assertThat(eleventh).isNotEqualTo(post);
		assertThat(last().params().has("editTimestamp")).isFalse();
		assertThat(last().params().path("quoteTimestamp").asLong()).isEqualTo(Long.parseLong(post.id()));
		assertThat(last().params().path("quoteAuthor").asString()).isEqualTo(FakeSignalCli.ACCOUNT);
	}

	@Test
	void aMessageOlderThanADayIsNotEditedButQuoted() throws Exception {
		SentRef post = send(GROUP, Outbound.markup("Cook County"));
		clock.set(Instant.ofEpochMilli(Long.parseLong(post.id())).plus(Duration.ofHours(24)).plusSeconds(1));

		SentRef update = edit(post, Outbound.markup("Cook County: the agents left"));

		assertThat(update).isNotEqualTo(post);
		assertThat(last().params().has("editTimestamp")).isFalse();
		assertThat(last().params().path("quoteTimestamp").asLong()).isEqualTo(Long.parseLong(post.id()));
	}

	@Test
	void aMenuIsReadBackByNumberWordAndQuoteAndAnAnsweredQuestionIsFollowedNotEdited() throws Exception {
		var inbound = new SignalInbound(input -> { }, menus);
		var options = List.of(List.of(MenuItem.of("I’m going", "o:tok:going"), MenuItem.of("Can’t go", "o:tok:cant")));
		SentRef first = send(ROSA, Outbound.of(StyledText.plain("Can you go and check?")).withRows(options));
		assertThat(last().text()).isEqualTo("Can you go and check?\n\n1 I’m going\n2 Can’t go\nReply with the number.");
		SentRef second = send(ROSA, Outbound.of(StyledText.plain("And this one?"))
			.withRows(List.of(List.of(MenuItem.of("I’m going", "o:two:going")))));
		clock.set(Instant.ofEpochMilli(Long.parseLong(second.id())));

		// without a quote, the open menu (the last one) is answered; with one, the quoted menu
		assertThat(chosen(inbound.read(message(null, "1")))).contains("o:two:going");
		assertThat(chosen(inbound.read(message(Long.parseLong(first.id()), "can't go")))).contains("o:tok:cant");
		assertThat(chosen(inbound.read(message(Long.parseLong(first.id()), "3")))).isEmpty();
		assertThat(inbound.read(message(null, "41.8781, -87.6298")).orElseThrow().content())
			.isInstanceOf(Inbound.Said.class);

		// the first was answered: its change comes as a new message below the answer
		SentRef followed = edit(first, Outbound.of(StyledText.plain("Thank you. What did you see?")));
		assertThat(followed).isNotEqualTo(first);
		assertThat(last().params().has("editTimestamp")).isFalse();
		assertThat(last().params().has("quoteTimestamp")).isFalse();
	}

	@Test
	void aQuestionThePersonJustAnsweredIsNotAskedAgainBelowTheirAnswerWhenAnUpdateOfItRacedTheAnswer() throws Exception {
		var inbound = new SignalInbound(input -> { }, menus);
		var options = List.of(List.of(MenuItem.of("I’m going", "o:tok:going"), MenuItem.of("Can’t go", "o:tok:cant")));
		SentRef prompt = send(ROSA, Outbound.of(StyledText.plain("Can you go and check? 1 report")).withRows(options));
		clock.set(Instant.ofEpochMilli(Long.parseLong(prompt.id())).plusSeconds(5));
		assertThat(chosen(inbound.read(message(Long.parseLong(prompt.id()), "1")))).contains("o:tok:going");

		// the scene changed while the answer was being handled: the refresh still offers the same options
		SentRef refreshed = edit(prompt, Outbound.of(StyledText.plain("Can you go and check? 2 reports")).withRows(options));

		assertThat(refreshed).isEqualTo(prompt);
		assertThat(signal.sentTo(ROSA.id())).hasSize(2);
		assertThat(last().params().path("editTimestamp").asLong()).isEqualTo(Long.parseLong(prompt.id()));
		assertThat(last().text()).startsWith("Can you go and check? 2 reports");
		// its menu stays answered: the next change with other options comes below the answer
		edit(prompt, Outbound.of(StyledText.plain("You are going.")));
		assertThat(last().params().has("editTimestamp")).isFalse();

		// past Signal's edit window, the same question is left as it is: nothing is sent
		clock.set(Instant.ofEpochMilli(Long.parseLong(prompt.id())).plus(Duration.ofHours(25)));
		int sent = signal.sent().size();
		assertThat(edit(prompt, Outbound.of(StyledText.plain("Can you go and check? 3 reports")).withRows(options)))
			.isEqualTo(prompt);
		assertThat(signal.sent()).hasSize(sent);
	}

	SignalMessage message(Long quoting, String text) {
		return new SignalMessage(ROSA, signal.nextTimestamp(), null, text, quoting, List.of(), false);
	}

	static Optional<String> chosen(Optional<Inbound> input) {
		return input.map(Inbound::content).filter(Inbound.Chosen.class::isInstance).map(c -> ((Inbound.Chosen) c).value());
	}

	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
