package org.vigia.bot.signal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.SentRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sending queue against a fake signal-cli over HTTP: order, holds, retries and give-ups. */
class SignalOutboxTests {

	static final String ROSA = "0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e";

	static final String ANA = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

	static final String PILSEN = "Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iMwI=";

	FakeSignalCli signal;

	SignalClient client;

	SignalOutbox outbox;

	@BeforeEach
	void start() throws Exception {
		signal = new FakeSignalCli();
		client = new SignalClient(signal.url(), FakeSignalCli.ACCOUNT, Duration.ofSeconds(2));
		outbox = outbox(Duration.ofMinutes(1));
	}

	SignalOutbox outbox(Duration giveUpAfter) {
		return new SignalOutbox(client, new SignalOutbox.Limits(50, Duration.ZERO, Duration.ofMillis(100),
				Duration.ofMillis(800), giveUpAfter), Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		outbox.close();
		signal.close();
	}

	CompletableFuture<SentRef> send(String to, String text) {
		Address address = to.length() == 44 ? Address.signalGroup(to) : Address.signalPerson(to);
		return outbox.send(address, SignalOutgoing.text(text), SignalOutbox.Priority.NORMAL);
	}

	static List<String> texts(List<FakeSignalCli.Call> calls) {
		return calls.stream().map(FakeSignalCli.Call::text).toList();
	}

	@Test
	void eachRecipientGetsItsMessagesOnceInOrder() {
		var futures = new ArrayList<CompletableFuture<SentRef>>();
		for (int i = 0; i < 5; i++) {
			for (String to : List.of(ROSA, ANA, PILSEN)) {
				futures.add(send(to, to.substring(0, 4) + "-" + i));
			}
		}
		futures.forEach(CompletableFuture::join);

		for (String to : List.of(ROSA, ANA, PILSEN)) {
			String p = to.substring(0, 4);
			assertThat(texts(signal.sentTo(to))).containsExactly(p + "-0", p + "-1", p + "-2", p + "-3", p + "-4");
		}
		SentRef first = futures.get(0).join();
		assertThat(first.to()).isEqualTo(Address.signalPerson(ROSA));
		assertThat(Long.parseLong(first.id())).isEqualTo(first.at().toEpochMilli());
	}

	@Test
	void aCaptchaDemandHoldsEveryMessageUntilAnAdminSolvesItThenTheyGoOutInOrder() {
		var told = new CopyOnWriteArrayList<SignalOutbox.Challenge>();
		outbox.onChallenge(told::add);
		signal.demandProof("challenge-token-7", 0);
		var futures = new ArrayList<CompletableFuture<SentRef>>();
		futures.add(send(ROSA, "rosa 1"));
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> outbox.challenge().isPresent());
		futures.add(send(ROSA, "rosa 2"));
		futures.add(send(ANA, "ana 1"));
		futures.add(send(PILSEN, "alert"));
		futures.add(send(ROSA, "rosa 3"));

		assertThat(told).singleElement().satisfies(c -> assertThat(c.held()).isEqualTo(1));
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> outbox.challenge().get().held() == 5);
		assertThat(signal.calls("send")).as("one refused attempt, then nothing until the captcha").hasSize(1);
		assertThat(futures).noneMatch(CompletableFuture::isDone);

		assertThat(outbox.solve("signalcaptcha://an-old-one")).isEqualTo(SignalOutbox.Solved.REJECTED);
		assertThat(outbox.challenge()).isPresent();
		assertThat(signal.calls("send")).hasSize(1);
		assertThat(outbox.solve(FakeSignalCli.SOLVED_CAPTCHA)).isEqualTo(SignalOutbox.Solved.ACCEPTED);

		futures.forEach(CompletableFuture::join);
		assertThat(texts(signal.sentTo(ROSA))).containsExactly("rosa 1", "rosa 2", "rosa 3");
		assertThat(texts(signal.sentTo(ANA))).containsExactly("ana 1");
		assertThat(texts(signal.sentTo(PILSEN))).containsExactly("alert");
		assertThat(signal.calls("submitRateLimitChallenge")).extracting(c -> c.params().path("challenge").asString())
			.containsExactly("challenge-token-7", "challenge-token-7");
		assertThat(outbox.challenge()).isEmpty();
		assertThat(told).hasSize(1);
		assertThat(outbox.solve(FakeSignalCli.SOLVED_CAPTCHA)).isEqualTo(SignalOutbox.Solved.NOT_NEEDED);
	}

	@Test
	void whenSignalsOwnWaitHasPassedOneMessageProbesAndTheRestFollowOnceItGoesThrough() {
		signal.demandProof("challenge-token-8", 1);
		var futures = new ArrayList<CompletableFuture<SentRef>>();
		for (int i = 0; i < 3; i++) {
			futures.add(send(ROSA, "m" + i));
			futures.add(send(ANA, "a" + i));
		}
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.calls("send").size() >= 2);
		assertThat(outbox.challenge()).isPresent();

		signal.liftProof();

		futures.forEach(CompletableFuture::join);
		assertThat(texts(signal.sentTo(ROSA))).containsExactly("m0", "m1", "m2");
		assertThat(texts(signal.sentTo(ANA))).containsExactly("a0", "a1", "a2");
		assertThat(outbox.challenge()).isEmpty();
	}

	@Test
	void aRateLimitPausesEveryRecipientForTheTimeSignalAsked() {
		signal.rateLimitNext(1, 1);
		var rosa = send(ROSA, "slowly");
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> outbox.rateLimited() == 1);

		var ana = send(ANA, "another recipient, also slowly");
		rosa.join();
		ana.join();

		var calls = signal.calls("send");
		assertThat(calls).hasSize(3);
		// the limit came back after the first call arrived: nothing went out for a second after that
		assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(outbox.rateLimited()).isEqualTo(1);
		assertThat(texts(signal.sentTo(ROSA))).containsExactly("slowly");
		assertThat(texts(signal.sentTo(ANA))).containsExactly("another recipient, also slowly");
	}

	@Test
	void aRecipientWhoLeftSignalIsGivenUpAtOnceAndOthersStillGetTheirs() {
		signal.unregistered(ROSA);

		var rosa = send(ROSA, "gone");
		var ana = send(ANA, "here");

		assertThatThrownBy(rosa::join).isInstanceOf(CompletionException.class)
			.satisfies(e -> assertThat(SignalFailure.kindOf(e)).isEqualTo(SignalFailure.Kind.RECIPIENT_GONE));
		assertThat(ana.join()).isNotNull();
		assertThat(signal.calls("send").stream().filter(c -> c.to().equals(ROSA))).hasSize(1);
	}

	@Test
	void duringAnOutageMessagesWaitAndGoOutOnceInOrderWhenSignalCliAnswersAgain() {
		signal.outage(FakeSignalCli.Fault.SERVER_ERROR);
		var futures = new ArrayList<CompletableFuture<SentRef>>();
		for (int i = 0; i < 4; i++) {
			for (String to : List.of(ROSA, ANA, PILSEN)) {
				futures.add(send(to, to.substring(0, 4) + "-" + i));
			}
		}
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.refused() >= SendGate.DOWN_AFTER + 2);
		int refusedDuringOutage = signal.refused();

		signal.endOutage();

		futures.forEach(CompletableFuture::join);
		for (String to : List.of(ROSA, ANA, PILSEN)) {
			String p = to.substring(0, 4);
			assertThat(texts(signal.sentTo(to))).containsExactly(p + "-0", p + "-1", p + "-2", p + "-3");
		}
		// once down, one message at a time probes it, not every recipient at every retry
		assertThat(refusedDuringOutage).isLessThan(12);
		assertThat(outbox.givenUp()).isZero();
	}

	@Test
	void aMessageNotSentWithinItsHorizonIsDroppedAndCounted() {
		outbox.close();
		outbox = outbox(Duration.ofSeconds(1));
		signal.outage(FakeSignalCli.Fault.IO_ERROR);

		var late = send(ROSA, "too late");

		assertThatThrownBy(late::join).hasCauseInstanceOf(TimeoutException.class);
		assertThat(outbox.givenUp()).isEqualTo(1);
		signal.endOutage();
		assertThat(signal.sent()).isEmpty();
	}

	@Test
	void aCaptchaHoldLongerThanTheHorizonDropsWhatWaitedTooLong() {
		outbox.close();
		outbox = outbox(Duration.ofSeconds(1));
		signal.demandProof("challenge-token-9", 0);

		var held = send(ROSA, "held too long");

		assertThatThrownBy(held::join).hasCauseInstanceOf(TimeoutException.class);
		assertThat(outbox.givenUp()).isEqualTo(1);
		assertThat(outbox.solve(FakeSignalCli.SOLVED_CAPTCHA)).isEqualTo(SignalOutbox.Solved.ACCEPTED);
		assertThat(signal.sent()).isEmpty();
	}

	@Test
	void anAnswerThatCannotBeReadIsNotSentAgain() {
		signal.outage(FakeSignalCli.Fault.GARBAGE);

		var alert = send(PILSEN, "alert");

		assertThatThrownBy(alert::join)
			.satisfies(e -> assertThat(SignalFailure.kindOf(e)).isEqualTo(SignalFailure.Kind.UNCERTAIN));
		assertThat(signal.refused()).isEqualTo(1);
	}

	@Test
	void urgentMessagesOvertakeWaitingConversation() {
		signal.demandProof("challenge-token-11", 0);
		var chat = send(PILSEN, "chat");
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> outbox.challenge().isPresent());
		var alert = outbox.send(Address.signalGroup(PILSEN), SignalOutgoing.text("alert"), SignalOutbox.Priority.URGENT);

		outbox.solve(FakeSignalCli.SOLVED_CAPTCHA);
		chat.join();
		alert.join();

		// an alert overtakes conversation waiting for the same group, even a message already tried once
		assertThat(texts(signal.sentTo(PILSEN))).containsExactly("alert", "chat");
	}

	@Test
	void failuresAreLoggedByKindWithoutRecipientNumberOrText() {
		try (var logs = new Logs()) {
			signal.unregistered(ROSA);
			assertThatThrownBy(() -> send(ROSA, "a secret text").join()).isInstanceOf(CompletionException.class);
			signal.rateLimitNext(1, 1);
			send(ANA, "another secret").join();
			signal.demandProof("challenge-token-10", 0);
			var held = send(PILSEN, "an alert text");
			Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> outbox.challenge().isPresent());
			outbox.solve(FakeSignalCli.SOLVED_CAPTCHA);
			held.join();

			assertThat(logs.lines()).anyMatch(l -> l.contains("RECIPIENT_GONE")).anyMatch(l -> l.contains("captcha"));
			for (String line : logs.lines()) {
				assertThat(line).doesNotContain(ROSA, ANA, PILSEN, FakeSignalCli.numberOf(ROSA), FakeSignalCli.numberOf(ANA),
						"secret", "alert text", "challenge-token-10", FakeSignalCli.ACCOUNT);
			}
		}
	}

	@Test
	void aClosedOutboxRefusesNewMessages() {
		outbox.close();

		assertThatThrownBy(() -> send(ROSA, "after close").join()).hasCauseInstanceOf(IllegalStateException.class);
	}

}
