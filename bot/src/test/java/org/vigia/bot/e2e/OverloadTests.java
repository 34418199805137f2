package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.vigia.bot.telegram.TelegramInbound;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.UpdateIntake;
import org.vigia.bot.telegram.UpdateHandler;
import org.vigia.store.RedisUpdateLedger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake under more updates than it can hold: a chat's updates never run at the same time or out of
 * order, what does not fit is shed, and the person is told once. A second intake is built on the running
 * bot's Redis ledger (real Redis) around a handler that records what it runs and can be held.
 */
class OverloadTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, "vigia-overload:");
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	/** Records, per chat, the update ids in the order they ran, and whether two ever ran at once. */
	static final class Recorder implements UpdateHandler {

		final Map<Long, List<Integer>> ran = new ConcurrentHashMap<>();

		final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();

		final List<Long> overlaps = new CopyOnWriteArrayList<>();

		final CountDownLatch held = new CountDownLatch(1);

		volatile long holdChat;

		@Override
		public void handle(Update update) {
			long chat = update.getMessage().getChat().getId();
			if (running.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet() > 1) {
				overlaps.add(chat);
			}
			try {
				ran.computeIfAbsent(chat, c -> new CopyOnWriteArrayList<>()).add(update.getUpdateId());
				if (chat == holdChat) {
					held.await(30, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				running.get(chat).decrementAndGet();
			}
		}

	}

	static Update update(long chat, int id) throws Exception {
		return JSON.treeToValue(telegram.text(chat, "en", "/help").put("update_id", id), Update.class);
	}

	@Test
	void oneChatsUpdatesNeverRunTogetherOrOutOfOrderAndWhatDoesNotFitIsShed() throws Exception {
		var recorder = new Recorder();
		var shed = new CopyOnWriteArrayList<Update>();
		long flooder = 7_400_001;
		recorder.holdChat = flooder;
		int base = ThreadLocalRandom.current().nextInt(100_000_000, 900_000_000);
		var sent = new ConcurrentHashMap<Long, List<Integer>>();
		try (var intake = new UpdateIntake(recorder, bot.bean(RedisUpdateLedger.class), 2, shed::add)) {
			var done = new ArrayList<CompletableFuture<Void>>();
			// the flooder's first update is held: the rest of theirs pile up behind it
			int id = base;
			for (int i = 0; i < 100; i++) {
				Update u = update(flooder, ++id);
				sent.computeIfAbsent(flooder, c -> new CopyOnWriteArrayList<>()).add(id);
				done.add(intake.submit(u));
			}
			// two thousand more from a hundred other chats, submitted from four threads at once
			var submitters = new ArrayList<CompletableFuture<Void>>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				int first = id + 1 + t * 1_000;
				submitters.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < 500; i++) {
						long chat = 7_400_100 + thread * 25 + (i % 25);
						int updateId = first + i;
						try {
							// ids rise per chat in the order each chat's updates are submitted
							synchronized (sent) {
								sent.computeIfAbsent(chat, c -> new CopyOnWriteArrayList<>()).add(updateId);
								done.add(intake.submit(update(chat, updateId)));
							}
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					}
				}));
			}
			CompletableFuture.allOf(submitters.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			recorder.held.countDown();
			CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}

		assertThat(recorder.overlaps).as("chats whose updates ran at the same time").isEmpty();
		var shedIds = shed.stream().map(Update::getUpdateId).toList();
		for (var entry : sent.entrySet()) {
			// what ran is what was sent, in order, less what was shed
			List<Integer> expected = entry.getValue().stream().filter(i -> !shedIds.contains(i)).toList();
			assertThat(recorder.ran.getOrDefault(entry.getKey(), List.of())).as("chat %d", entry.getKey())
				.containsExactlyElementsOf(expected);
		}
		// the flooder had at most 30 waiting behind the held update; everything beyond was shed, nothing lost
		assertThat(recorder.ran.get(flooder)).hasSizeBetween(2, 1 + 30);
		assertThat(shed).isNotEmpty();
		assertThat(recorder.ran.values().stream().mapToInt(List::size).sum() + shed.size()).isEqualTo(2_100);
	}

	@Test
	void aPersonWhoseUpdatesAreShedIsToldOnceToTryAgain() throws Exception {
		long person = 7_400_900;
		var busy = bot.bean(TelegramInbound.class);
		for (int i = 0; i < 5; i++) {
			busy.shed(update(person, ThreadLocalRandom.current().nextInt(100_000_000, 900_000_000)));
		}
		long spanish = 7_400_901;
		busy.shed(JSON.treeToValue(telegram.text(spanish, "es", "/ayuda").put("update_id", 1), Update.class));

		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> !telegram.sentTo(person).isEmpty()
				&& !telegram.sentTo(spanish).isEmpty());
		Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> telegram.sentTo(person).size() == 1);
		assertThat(telegram.sentTo(person).get(0).text()).contains("very busy").contains("555-0100");
		assertThat(telegram.sentTo(spanish)).singleElement()
			.satisfies(c -> assertThat(c.text()).contains("muy ocupado").contains("555-0100"));
	}

}
