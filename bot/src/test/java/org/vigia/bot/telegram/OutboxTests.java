package org.vigia.bot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTests {

	FakeTelegram telegram;

	OkHttpClient http;

	Outbox outbox;

	@BeforeEach
	void start() throws IOException {
		telegram = new FakeTelegram();
		outbox = outbox(Duration.ofMinutes(1));
	}

	/** An outbox as the bot builds it (the same HTTP clients), with short intervals and timeouts. */
	Outbox outbox(Duration giveUpAfter) {
		if (http == null) {
			http = TelegramConfig.http(5);
		}
		var port = java.net.URI.create(telegram.url()).getPort();
		var client = new OkHttpTelegramClient(TelegramConfig.sending(http, Duration.ofSeconds(2)), FakeTelegram.TOKEN,
				new TelegramUrl("http", "127.0.0.1", port, false));
		return new Outbox(client, new Outbox.Limits(30, Duration.ofMillis(200), Duration.ofMillis(600), giveUpAfter,
				Duration.ofSeconds(2)));
	}

	@AfterEach
	void stop() {
		outbox.close();
		telegram.close();
		http.dispatcher().executorService().shutdown();
		http.connectionPool().evictAll();
	}

	static SendMessage message(String chat, String text) {
		return SendMessage.builder().chatId(chat).text(text).build();
	}

	@Test
	void aRateLimitedMessageIsDeliveredOnceAfterRetryAfter() {
		telegram.rateLimitNext("sendMessage", 1, 2);

		Message sent = outbox.call("@pilsen", message("@pilsen", "alert"), Outbox.Priority.URGENT).join();

		assertThat(sent.getMessageId()).isPositive();
		var attempts = telegram.calls("sendMessage");
		assertThat(attempts).hasSize(2);
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(
				Duration.ofMillis(1900));
		assertThat(outbox.rateLimitedAnswers()).isEqualTo(1);
	}

	@Test
	void serverErrorsAreRetriedUntilDeliveredOnce() {
		telegram.failNext("sendMessage", 2, 500, 0);

		outbox.call("77", message("77", "hello"), Outbox.Priority.NORMAL).join();

		assertThat(telegram.calls("sendMessage")).hasSize(3);
	}

	@Test
	void answersToButtonPressesAreNotPacedLikeMessages() {
		outbox.close();
		var port = java.net.URI.create(telegram.url()).getPort();
		var client = new OkHttpTelegramClient(TelegramConfig.sending(http, Duration.ofSeconds(2)), FakeTelegram.TOKEN,
				new TelegramUrl("http", "127.0.0.1", port, false));
		// two messages a second for the whole bot
		outbox = new Outbox(client, new Outbox.Limits(2, Duration.ofMillis(200), Duration.ofMillis(600),
				Duration.ofMinutes(1), Duration.ofSeconds(2)));
		var messages = new ArrayList<CompletableFuture<Message>>();
		var answers = new ArrayList<CompletableFuture<Boolean>>();
		for (int i = 0; i < 6; i++) {
			messages.add(outbox.call("1" + i, message("1" + i, "m" + i), Outbox.Priority.NORMAL));
			answers.add(outbox.call("2" + i, org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery.builder()
				.callbackQueryId("cb" + i).build(), Outbox.Priority.NORMAL));
		}
		answers.forEach(CompletableFuture::join);
		messages.forEach(CompletableFuture::join);

		var lastAnswer = telegram.calls("answerCallbackQuery").get(5).at();
		var sent = telegram.calls("sendMessage");
		// six messages take about three seconds at two a second; the six answers did not wait for them
		assertThat(Duration.between(sent.get(0).at(), sent.get(5).at())).isGreaterThanOrEqualTo(Duration.ofMillis(2300));
		assertThat(lastAnswer).isBefore(sent.get(2).at());
	}

	@Test
	void duringAnOutageMessagesWaitAndAreDeliveredOnceInOrderWhenTelegramAnswersAgain() throws Exception {
		telegram.outage(FakeTelegram.Fault.SERVER_ERROR, true);
		var futures = new ArrayList<CompletableFuture<Message>>();
		for (int i = 0; i < 5; i++) {
			for (String chat : List.of("11", "12", "13", "@pilsen")) {
				futures.add(outbox.call(chat, message(chat, chat + "-" + i), Outbox.Priority.NORMAL));
			}
		}
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> telegram.calls("sendMessage").size() >= Outbox.DOWN_AFTER + 2);
		// now it hangs instead: every call waits for the client's timeout
		telegram.outage(FakeTelegram.Fault.HANG, true);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> telegram.hanging() > 0);
		int attemptsDuringOutage = telegram.calls("sendMessage").size();
		telegram.endOutage();
		futures.forEach(CompletableFuture::join);

		for (String chat : List.of("11", "12", "13", "@pilsen")) {
			assertThat(telegram.deliveredTo(chat)).extracting(FakeTelegram.Call::text)
				.containsExactly(chat + "-0", chat + "-1", chat + "-2", chat + "-3", chat + "-4");
		}
		// while Telegram was down one message at a time probed it, not one per chat per interval
		assertThat(attemptsDuringOutage).isLessThan(20);
		assertThat(outbox.givenUp()).isZero();
	}

	@Test
	void aProxyErrorPageIsRetriedAsTheServerErrorItIs() {
		telegram.outage(FakeTelegram.Fault.PROXY_ERROR, true);
		var sent = outbox.call("77", message("77", "hello"), Outbox.Priority.NORMAL);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.calls("sendMessage").size() >= 2);
		telegram.endOutage();

		assertThat(sent.join().getMessageId()).isPositive();
		assertThat(telegram.deliveredTo("77")).hasSize(1);
	}

	@Test
	void anAnswerThatCannotBeReadIsNotSentAgain() {
		telegram.outage(FakeTelegram.Fault.GARBAGE, true);

		assertThatThrownBy(() -> outbox.call("@pilsen", message("@pilsen", "alert"), Outbox.Priority.URGENT).join())
			.hasCauseInstanceOf(Outbox.UncertainDelivery.class);
		assertThat(telegram.calls("sendMessage")).hasSize(1);
	}

	@Test
	void aMessageThatCannotBeSentWithinItsHorizonIsDroppedAndCounted() {
		outbox.close();
		outbox = outbox(Duration.ofSeconds(2));
		telegram.outage(FakeTelegram.Fault.SERVER_ERROR, true);

		assertThatThrownBy(() -> outbox.call("77", message("77", "late"), Outbox.Priority.NORMAL).join())
			.isInstanceOf(java.util.concurrent.CompletionException.class);
		assertThat(outbox.givenUp()).isEqualTo(1);
		telegram.endOutage();
		assertThat(telegram.deliveredTo("77")).isEmpty();
	}

	@Test
	void aPermanentErrorFailsWithoutRetrying() {
		telegram.failNext("sendMessage", 1, 403, 0);

		assertThatThrownBy(() -> outbox.call("77", message("77", "x"), Outbox.Priority.NORMAL).join())
			.hasCauseInstanceOf(TelegramApiRequestException.class);
		assertThat(telegram.calls("sendMessage")).hasSize(1);
	}

	@Test
	void messagesToOneChatKeepTheirOrderAndSpacing() {
		var futures = new ArrayList<CompletableFuture<Message>>();
		for (int i = 0; i < 4; i++) {
			futures.add(outbox.call("@pilsen", message("@pilsen", "m" + i), Outbox.Priority.NORMAL));
		}
		futures.forEach(CompletableFuture::join);

		List<FakeTelegram.Call> sent = telegram.sentTo("@pilsen");
		assertThat(sent).extracting(FakeTelegram.Call::text).containsExactly("m0", "m1", "m2", "m3");
		for (int i = 1; i < sent.size(); i++) {
			assertThat(Duration.between(sent.get(i - 1).at(), sent.get(i).at())).isGreaterThanOrEqualTo(
					Duration.ofMillis(550));
		}
	}

	@Test
	void urgentMessagesOvertakeWaitingConversation() {
		// the lane is busy for 600 ms after the first message; meanwhile a chat message and an alert wait
		outbox.call("@pilsen", message("@pilsen", "first"), Outbox.Priority.NORMAL).join();
		var chat = outbox.call("@pilsen", message("@pilsen", "chat"), Outbox.Priority.NORMAL);
		var alert = outbox.call("@pilsen", message("@pilsen", "alert"), Outbox.Priority.URGENT);
		CompletableFuture.allOf(chat, alert).join();

		assertThat(telegram.sentTo("@pilsen")).extracting(FakeTelegram.Call::text)
			.containsExactly("first", "alert", "chat");
	}

}
