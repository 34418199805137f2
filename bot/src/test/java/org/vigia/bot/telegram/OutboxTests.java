package org.vigia.bot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
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
		return outbox(new Outbox.Limits(30, Duration.ofMillis(200), 1, Duration.ofMillis(600), giveUpAfter,
				Duration.ofSeconds(2)), Ticker.systemTicker());
	}

	Outbox outbox(Outbox.Limits limits, Ticker ticker) {
		if (http == null) {
			http = TelegramConfig.http(5);
		}
		var port = java.net.URI.create(telegram.url()).getPort();
		var client = new OkHttpTelegramClient(TelegramConfig.sending(http, Duration.ofSeconds(2)), FakeTelegram.TOKEN,
				new TelegramUrl("http", "127.0.0.1", port, false));
		return new Outbox(client, limits, ticker);
	}

	/** A clock the test moves; the outbox reads it instead of the real one. */
	static final class MovedTicker implements Ticker {

		private final AtomicLong nanos = new AtomicLong(ThreadLocalRandom.current().nextLong());

		@Override
		public long read() {
			return nanos.get();
		}

		void advance(Duration by) {
			nanos.addAndGet(by.toNanos());
		}

	}

	/** Private chats get 3 at once, then one a second; channels one per 3 s; the whole bot 30 a second. */
	Outbox movedOutbox(MovedTicker ticker) {
		outbox.close();
		return outbox(new Outbox.Limits(30, Duration.ofSeconds(1), 3, Duration.ofSeconds(3), Duration.ofMinutes(15),
				Duration.ofSeconds(2)), ticker);
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
		outbox = new Outbox(client, new Outbox.Limits(2, Duration.ofMillis(200), 1, Duration.ofMillis(600),
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
	void messagesToOneChannelKeepTheirOrderAndGoOnePerIntervalOfTheClock() {
		var ticker = new MovedTicker();
		outbox = movedOutbox(ticker);
		var futures = new ArrayList<CompletableFuture<Message>>();
		for (int i = 0; i < 4; i++) {
			futures.add(outbox.call("@pilsen", message("@pilsen", "m" + i), Outbox.Priority.NORMAL));
		}

		for (int i = 0; i < 4; i++) {
			futures.get(i).orTimeout(10, TimeUnit.SECONDS).join();
			// the next one waits for the clock: nothing but moving it by the interval lets it go
			assertThat(telegram.sentTo("@pilsen")).hasSize(i + 1);
			assertThat(futures.subList(i + 1, 4)).noneMatch(CompletableFuture::isDone);
			ticker.advance(Duration.ofMillis(2_999));
			if (i < 3) {
				stillWaiting(futures.get(i + 1));
			}
			ticker.advance(Duration.ofMillis(1));
		}
		assertThat(telegram.sentTo("@pilsen")).extracting(FakeTelegram.Call::text).containsExactly("m0", "m1", "m2", "m3");
	}

	@Test
	void aPersonsChatGetsThreeMessagesAtOnceAndOneASecondOnceItsCreditIsSpent() {
		var ticker = new MovedTicker();
		outbox = movedOutbox(ticker);
		long start = ticker.read();
		var sentAt = new ConcurrentHashMap<Integer, Long>();
		telegram.listen(call -> sentAt.put(Integer.parseInt(call.text().substring(1)), ticker.read() - start));
		var futures = new ArrayList<CompletableFuture<Message>>();
		for (int i = 0; i < 12; i++) {
			futures.add(outbox.call("77", message("77", "m" + i), Outbox.Priority.NORMAL));
		}
		// the clock moves 40 ms at a time; each message is stamped with the clock when it reached Telegram
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
			if (futures.stream().allMatch(CompletableFuture::isDone)) {
				return true;
			}
			ticker.advance(Duration.ofMillis(40));
			return false;
		});

		assertThat(telegram.deliveredTo("77")).extracting(FakeTelegram.Call::text)
			.containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11");
		long second = Duration.ofSeconds(1).toNanos();
		// the reply to a tap goes at once (the bot's own pace, 30 a second, spaces them a little)
		assertThat(sentAt.get(2)).isLessThan(second / 4);
		long step = Duration.ofMillis(40).toNanos();
		for (int i = 3; i < 12; i++) {
			// never more than three within a second (give or take the clock's step)
			assertThat(sentAt.get(i) - sentAt.get(i - 3)).as("m%d after m%d", i, i - 3)
				.isGreaterThanOrEqualTo(second - step);
		}
		// six messages of credit, then one a second: the twelfth goes 6 s after the first, not before
		assertThat(sentAt.get(11)).isGreaterThanOrEqualTo(6 * second - step).isLessThan(7 * second);
	}

	/** The call is not sent while the outbox has had time to look at the clock several times. */
	static void stillWaiting(CompletableFuture<?> call) {
		Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !call.isDone());
	}

	@Test
	void urgentMessagesOvertakeWaitingConversation() {
		var ticker = new MovedTicker();
		outbox = movedOutbox(ticker);
		// the channel waits 3 s of the clock after the first message; meanwhile a chat message and an alert wait
		outbox.call("@pilsen", message("@pilsen", "first"), Outbox.Priority.NORMAL).orTimeout(10, TimeUnit.SECONDS).join();
		var chat = outbox.call("@pilsen", message("@pilsen", "chat"), Outbox.Priority.NORMAL);
		var alert = outbox.call("@pilsen", message("@pilsen", "alert"), Outbox.Priority.URGENT);
		stillWaiting(chat);
		ticker.advance(Duration.ofSeconds(3));
		alert.orTimeout(10, TimeUnit.SECONDS).join();
		ticker.advance(Duration.ofSeconds(3));
		chat.orTimeout(10, TimeUnit.SECONDS).join();

		assertThat(telegram.sentTo("@pilsen")).extracting(FakeTelegram.Call::text)
			.containsExactly("first", "alert", "chat");
	}

	@Test
	void aSlowCallerOfOneChatDoesNotHoldUpSendingToOthers() throws Exception {
		var release = new CountDownLatch(1);
		// Telegram holds the first attempt, so that the slow work is chained before the message can be sent (were
		// the future done already, the work would run on this thread, and the test would show nothing)
		var held = telegram.holdSendsTo("71");
		try {
			// a caller that chains slow work (a Redis write that hangs) on its message's future
			var sent = outbox.call("71", message("71", "slow"), Outbox.Priority.NORMAL);
			var slow = sent.thenRun(() -> {
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.waiting() == 1);
			assertThat(sent).isNotDone();
			held.release();
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.deliveredTo("71").size() == 1);

			for (int i = 0; i < 5; i++) {
				String chat = Integer.toString(80 + i);
				outbox.call(chat, message(chat, "other"), Outbox.Priority.NORMAL).orTimeout(10, TimeUnit.SECONDS).join();
			}
			assertThat(slow).isNotDone();
		}
		finally {
			held.release();
			release.countDown();
		}
	}

	@Test
	void lanesOfChatsThatFellSilentAreForgotten() {
		var ticker = new MovedTicker();
		outbox = movedOutbox(ticker);
		var futures = new ArrayList<CompletableFuture<Message>>();
		for (int i = 0; i < 60; i++) {
			String chat = Integer.toString(10_000 + i);
			futures.add(outbox.call(chat, message(chat, "hello"), Outbox.Priority.NORMAL));
		}
		// the bot's own pace (30 a second) needs the clock to move
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> {
			ticker.advance(Duration.ofMillis(40));
			return futures.stream().allMatch(CompletableFuture::isDone);
		});
		futures.forEach(CompletableFuture::join);
		assertThat(outbox.lanes()).isPositive();

		// once every chat's tokens are back, nothing is left of them
		ticker.advance(Duration.ofSeconds(1));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.lanes() == 0);
	}

}
