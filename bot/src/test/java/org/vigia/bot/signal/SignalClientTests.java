package org.vigia.bot.signal;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JSON-RPC client against a fake signal-cli over HTTP. */
class SignalClientTests {

	static final String ROSA = "0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e";

	static final String GROUP = "Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iMwI=";

	FakeSignalCli signal;

	SignalClient client;

	@BeforeEach
	void start() throws Exception {
		signal = new FakeSignalCli();
		client = new SignalClient(signal.url(), FakeSignalCli.ACCOUNT, Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		signal.close();
	}

	@Test
	void aMessageGoesToThePersonsServiceIdWithItsStylesAttachmentAndQuote() {
		var message = new SignalOutgoing("What is happening?\n1 Checkpoint", List.of("0:18:BOLD"),
				List.of("data:image/jpeg;filename=photo.jpg;base64,/9j/"), new SignalOutgoing.Quote(1_700_000_000_000L, ROSA),
				null);

		SignalClient.Sent sent = client.send(Address.signalPerson(ROSA), message).join();

		assertThat(sent.timestamp()).isPositive();
		assertThat(sent.challenge()).isNull();
		assertThat(signal.sent()).singleElement().satisfies(call -> {
			assertThat(call.params().path("account").asString()).isEqualTo(FakeSignalCli.ACCOUNT);
			assertThat(call.params().path("recipient").get(0).asString()).isEqualTo(ROSA);
			assertThat(call.text()).isEqualTo("What is happening?\n1 Checkpoint");
			assertThat(call.params().path("textStyles").get(0).asString()).isEqualTo("0:18:BOLD");
			assertThat(call.params().path("attachments").get(0).asString()).startsWith("data:image/jpeg;");
			assertThat(call.params().path("quoteTimestamp").asLong()).isEqualTo(1_700_000_000_000L);
			assertThat(call.params().path("quoteAuthor").asString()).isEqualTo(ROSA);
			assertThat(call.params().has("editTimestamp")).isFalse();
		});
	}

	@Test
	void anEditNamesTheMessageItReplacesAndAGroupMessageTheGroup() {
		client.send(Address.signalGroup(GROUP), SignalOutgoing.text("Agents left at 10:42").editing(1_700_000_000_123L))
			.join();

		assertThat(signal.sentTo(GROUP)).singleElement().satisfies(call -> {
			assertThat(call.params().path("groupId").asString()).isEqualTo(GROUP);
			assertThat(call.params().has("recipient")).isFalse();
			assertThat(call.params().path("editTimestamp").asLong()).isEqualTo(1_700_000_000_123L);
		});
	}

	@Test
	void aReactionNamesTheMessageAndItsAuthor() {
		var sent = client.sendReaction(Address.signalPerson(ROSA), ROSA, 1_700_000_000_456L, "👍").join();

		assertThat(sent.timestamp()).isPositive();
		assertThat(signal.calls("sendReaction")).singleElement().satisfies(call -> {
			assertThat(call.params().path("recipient").get(0).asString()).isEqualTo(ROSA);
			assertThat(call.params().path("emoji").asString()).isEqualTo("👍");
			assertThat(call.params().path("targetAuthor").asString()).isEqualTo(ROSA);
			assertThat(call.params().path("targetTimestamp").asLong()).isEqualTo(1_700_000_000_456L);
		});
	}

	@Test
	void aCaptchaDemandCarriesItsChallengeAndWaitButNoPhoneNumber() {
		signal.demandProof("challenge-token-1", 86_400);

		var failure = sendFailure(ROSA);

		assertThat(failure.kind()).isEqualTo(SignalFailure.Kind.PROOF_REQUIRED);
		assertThat(failure.challenge()).isEqualTo("challenge-token-1");
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofDays(1));
		assertThat(failure.toString()).doesNotContain("challenge-token-1").doesNotContain("+1312");
	}

	@Test
	void failuresAreTypedByWhatToDoAboutThem() {
		signal.rateLimitNext(1, 7);
		var limited = sendFailure(ROSA);
		assertThat(limited.kind()).isEqualTo(SignalFailure.Kind.RATE_LIMITED);
		assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(limited.challenge()).isNull();

		signal.unregistered(ROSA);
		var gone = sendFailure(ROSA);
		assertThat(gone.kind()).isEqualTo(SignalFailure.Kind.RECIPIENT_GONE);
		assertThat(gone.getMessage()).doesNotContain(FakeSignalCli.numberOf(ROSA));

		signal.outage(FakeSignalCli.Fault.SERVER_ERROR);
		assertThat(sendFailure("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b").kind()).isEqualTo(SignalFailure.Kind.UNAVAILABLE);
		signal.outage(FakeSignalCli.Fault.IO_ERROR);
		assertThat(sendFailure("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b").kind()).isEqualTo(SignalFailure.Kind.UNAVAILABLE);
		signal.outage(FakeSignalCli.Fault.GARBAGE);
		assertThat(sendFailure("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b").kind()).isEqualTo(SignalFailure.Kind.UNCERTAIN);
		signal.endOutage();

		var wrongAccount = new SignalClient(signal.url(), "+15550100999", Duration.ofSeconds(2));
		assertThat(catchThrowableOfType(SignalFailure.class, () -> wrongAccount.groups()).kind())
			.isEqualTo(SignalFailure.Kind.BAD_REQUEST);
	}

	@Test
	void nobodyListeningIsUnavailable() {
		signal.close();

		assertThat(sendFailure(ROSA).kind()).isEqualTo(SignalFailure.Kind.UNAVAILABLE);
		assertThat(client.reachable()).isFalse();
	}

	@Test
	void theHealthCheckAnswers() {
		assertThat(client.reachable()).isTrue();
	}

	@Test
	void receiveBringsWhatWaitsWithoutPhoneNumbersOrNames() {
		signal.message(ROSA, "/report");
		signal.message(ROSA, "1");
		signal.message("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "hola");

		var batch = client.receive(Duration.ofMillis(300), 10);

		assertThat(batch.messages()).extracting(SignalMessage::text).containsExactly("/report", "1", "hola");
		assertThat(batch.messages()).extracting(m -> m.sender().id()).containsExactly(ROSA, ROSA,
				"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
		for (SignalMessage m : batch.messages()) {
			assertThat(SignalInbox.encode(m) + m).doesNotContain(FakeSignalCli.numberOf(m.sender().id()))
				.doesNotContain(FakeSignalCli.NAME);
		}
		assertThat(signal.waiting()).isZero();
	}

	@Test
	void receiveStopsAtItsMaximumAndLeavesTheRestWaiting() {
		for (int i = 0; i < 5; i++) {
			signal.message(ROSA, "m" + i);
		}

		var batch = client.receive(Duration.ofMillis(300), 2);

		assertThat(batch.messages()).extracting(SignalMessage::text).containsExactly("m0", "m1");
		assertThat(signal.waiting()).isEqualTo(3);
		assertThat(signal.calls("receive").get(0).params().path("maxMessages").asInt()).isEqualTo(2);
	}

	@Test
	void anEventStreamClientMakesReceiveRefuseAndTakesTheMessages() throws Exception {
		// why the bot never connects to /api/v1/events: signal-cli then receives for the stream alone
		var http = HttpClient.newHttpClient();
		CompletableFuture<HttpResponse<InputStream>> stream = http.sendAsync(
				HttpRequest.newBuilder(URI.create(signal.url() + "/api/v1/events?account=%2B15550100001")).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		InputStream events = stream.get().body();
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> receiveFails() == SignalFailure.Kind.ALREADY_RECEIVING);

		signal.message(ROSA, "only the stream sees this");
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.waiting() == 0);
		events.close();
		Awaitility.await().atMost(FakeSignalCli.PATIENCE).until(() -> signal.eventStreams() == 0);

		assertThat(client.receive(Duration.ofMillis(100), 1).messages()).as("the stream took it").isEmpty();
	}

	@Test
	void anAttachmentIsFetchedFromItsSender() {
		byte[] photo = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 };
		signal.attachment("7rZ3kq9.jpg", photo);

		byte[] fetched = client.attachment(new SignalMessage.Attachment("7rZ3kq9.jpg", "image/jpeg", 6),
				Address.signalPerson(ROSA));

		assertThat(fetched).isEqualTo(photo);
		assertThat(signal.calls("getAttachment").get(0).params().path("recipient").asString()).isEqualTo(ROSA);
		assertThatThrownBy(() -> client.attachment(new SignalMessage.Attachment("missing.jpg", "image/jpeg", 6),
				Address.signalPerson(ROSA)))
			.isInstanceOf(SignalFailure.class)
			.hasMessageNotContaining("missing.jpg");
	}

	@Test
	void groupsAreListedWithoutTheirMembers() {
		signal.group(GROUP, "Vigía Pilsen", true);

		assertThat(client.groups()).containsExactly(new SignalClient.Group(Address.signalGroup(GROUP), "Vigía Pilsen",
				true, true));
	}

	@Test
	void aChallengeIsSubmittedWithTheAdminsCaptcha() {
		signal.demandProof("challenge-token-2", 0);

		assertThat(catchThrowableOfType(SignalFailure.class, () -> client.submitChallenge("challenge-token-2",
				"signalcaptcha://wrong")).kind()).isEqualTo(SignalFailure.Kind.CAPTCHA_REJECTED);
		client.submitChallenge("challenge-token-2", FakeSignalCli.SOLVED_CAPTCHA);

		assertThat(client.send(Address.signalPerson(ROSA), SignalOutgoing.text("hola")).join().timestamp()).isPositive();
	}

	/** How a short receive fails, or null when it does not. */
	SignalFailure.Kind receiveFails() {
		try {
			client.receive(Duration.ofMillis(100), 1);
			return null;
		}
		catch (SignalFailure failure) {
			return failure.kind();
		}
	}

	SignalFailure sendFailure(String to) {
		var future = client.send(Address.signalPerson(to), SignalOutgoing.text("hola"));
		Throwable error = catchThrowableOfType(java.util.concurrent.CompletionException.class, future::join);
		assertThat(error).isNotNull();
		assertThat(error.getCause()).isInstanceOf(SignalFailure.class);
		return (SignalFailure) error.getCause();
	}

}
