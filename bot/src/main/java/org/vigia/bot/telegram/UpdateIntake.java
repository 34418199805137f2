package org.vigia.bot.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.vigia.core.support.Claim;
import org.vigia.core.messaging.UpdateLedger;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Where every update enters, from long polling or the webhook: handled once by {@code update_id}, on our
 * own bounded workers, one failure never stopping the rest.
 *
 * <p>Design note: each chat has its own queue, and at most one worker drains it at a time, so one chat's
 * updates are handled one after the other, in order (a conversation's state is read and written without
 * races), while different chats run in parallel on a {@link ForkJoinPool} of {@code threads} workers. A
 * handler that waits for another service (the geocoder) waits as a managed block, so the pool lends another
 * thread meanwhile (up to {@code 2 × threads} threads in all) and the other chats keep moving. Memory is bounded: at most {@link #MAX_QUEUED} updates wait
 * in all and {@link #MAX_PER_CHAT} in one chat; beyond that an update is not handled but shed, and the
 * {@link Overload} handler gives the person a short answer (try again, or call the hotline), so that under
 * overload nothing runs out of order or on two threads, and nobody is left without an answer. Each
 * {@code update_id} is claimed in Redis before it is handled and marked done after: a second delivery (webhook
 * retry, restart, another instance) is skipped. For long polling, {@link #consume} returns only when its batch
 * is handled, so Telegram's offset moves past an update only after it was handled (the webhook answers only then
 * too); an update whose process was killed in the middle of handling it is delivered again by Telegram, and
 * handled again once that process's heartbeat is gone ({@link org.vigia.store.RedisInstances}). If Redis is down
 * the update is handled anyway (the handler then tells the person to call the hotline): answering matters more
 * than deduplicating. Every throwable is caught per update and logged by class only (never ids, names or text).
 */
public final class UpdateIntake implements LongPollingUpdateConsumer, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

	private static final java.time.Duration BUSY_POLL = java.time.Duration.ofMillis(250);

	/** Updates waiting in all chats, beyond which new ones are shed (a few kilobytes each). */
	static final int MAX_QUEUED = 2_000;

	/** Updates waiting in one chat: nobody taps this fast, so beyond it a chat floods. */
	static final int MAX_PER_CHAT = 30;

	/** What happens to an update shed under overload: the person is told. Must not block. */
	public interface Overload {

		void shed(Update update);

	}

	/** One chat's waiting updates; {@code draining} while a worker owns it. Guarded by the intake's lock. */
	private static final class ChatQueue {

		final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

		boolean draining;

	}

	private final UpdateHandler handler;

	private final UpdateLedger ledger;

	private final Overload overload;

	private final ForkJoinPool workers;

	private final Map<Long, ChatQueue> chats = new HashMap<>();

	private final ReentrantLock lock = new ReentrantLock();

	private int queued;

	private final AtomicLong shed = new AtomicLong();

	public UpdateIntake(UpdateHandler handler, UpdateLedger ledger, int threads, Overload overload) {
		this.handler = handler;
		this.ledger = ledger;
		this.overload = overload;
		var names = new AtomicLong();
		// at most `threads` run at once; a handler that waits (Redis, the geocoder) may be stood in for by one
		// more thread each, up to twice as many threads in all, after which waiting simply waits
		this.workers = new ForkJoinPool(threads, pool -> {
			ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
			thread.setName("vigia-updates-" + names.incrementAndGet());
			return thread;
		}, null, true, 0, 2 * threads, 1, pool -> true, 60, TimeUnit.SECONDS);
	}

	/** Long polling: handles the batch and returns when it is done (or after a minute at most). */
	@Override
	public void consume(List<Update> updates) {
		var done = updates.stream().map(this::submit).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(done).get(60, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("A batch of {} updates took over a minute; polling goes on", updates.size());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// each update catches its own failures; nothing else can fail here
		}
	}

	/**
	 * Queues the update behind its chat's others. Never throws (long polling's task would end for good): a
	 * failure to queue completes the future exceptionally. An update shed under overload completes at once.
	 */
	public CompletableFuture<Void> submit(Update update) {
		try {
			long chat = chatOf(update);
			var done = new CompletableFuture<Void>();
			Runnable task = () -> {
				try {
					handleOnce(update);
				}
				finally {
					done.complete(null);
				}
			};
			boolean start;
			lock.lock();
			try {
				ChatQueue queue = chats.get(chat);
				if (queued >= MAX_QUEUED || (queue != null && queue.waiting.size() >= MAX_PER_CHAT)) {
					queue = null;
					start = false;
					task = null;
				}
				else {
					queue = chats.computeIfAbsent(chat, c -> new ChatQueue());
					queue.waiting.addLast(task);
					queued++;
					start = !queue.draining;
					queue.draining = true;
				}
			}
			finally {
				lock.unlock();
			}
			if (task == null) {
				shed(update);
				return CompletableFuture.completedFuture(null);
			}
			if (start) {
				workers.execute(() -> drain(chat));
			}
			return done;
		}
		catch (RuntimeException ex) {
			log.error("Could not queue a {} update: {}", kind(update), ex.getClass().getName());
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** How many updates were shed under overload so far (a figure for health and load tests). */
	public long shed() {
		return shed.get();
	}

	private void shed(Update update) {
		if (shed.incrementAndGet() % 100 == 1) {
			log.warn("Too many updates waiting: a {} update was not handled and its sender told to try again ({} so far)",
					kind(update), shed.get());
		}
		try {
			overload.shed(update);
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell a person to try again: {}", ex.getClass().getName());
		}
	}

	/**
	 * Handles the chat's next update, then hands the chat back to the pool (behind other chats) while it has
	 * more, so one busy chat cannot hold a worker.
	 */
	private void drain(long chat) {
		Runnable next;
		lock.lock();
		try {
			ChatQueue queue = chats.get(chat);
			next = queue.waiting.pollFirst();
			queued--;
		}
		finally {
			lock.unlock();
		}
		try {
			next.run();
		}
		finally {
			boolean more;
			lock.lock();
			try {
				ChatQueue queue = chats.get(chat);
				more = !queue.waiting.isEmpty();
				if (!more) {
					chats.remove(chat);
				}
			}
			finally {
				lock.unlock();
			}
			if (more) {
				workers.execute(() -> drain(chat));
			}
		}
	}

	private void handleOnce(Update update) {
		Integer id = update.getUpdateId();
		Claim claim = id == null ? Claim.FIRST : claim(id);
		// another process holds it: a duplicate being handled there (it will be done in a moment), or a
		// process just killed whose heartbeat has not expired yet (then it is ours to handle once it has)
		long giveUpAt = System.nanoTime() + ledger.patience().toNanos();
		while (claim == Claim.BUSY && System.nanoTime() < giveUpAt) {
			LockSupport.parkNanos(BUSY_POLL.toNanos());
			claim = claim(id);
		}
		if (!claim.granted()) {
			return;
		}
		if (claim == Claim.TAKEN_OVER) {
			log.warn("Handling a {} update again: the process handling it stopped before it finished", kind(update));
		}
		try {
			handler.handle(update);
		}
		catch (Throwable ex) {
			log.error("Handling a {} update failed: {}", kind(update), ex.getClass().getName(), ex);
		}
		finally {
			// a handler that failed is not tried again either: the same update would fail the same way
			if (id != null) {
				done(id);
			}
		}
	}

	private Claim claim(int updateId) {
		try {
			return ledger.claim(updateId);
		}
		catch (StoreUnavailableException ex) {
			log.warn("Redis unavailable: handling an update without de-duplication");
			return Claim.FIRST;
		}
	}

	private void done(int updateId) {
		try {
			ledger.done(updateId);
		}
		catch (StoreUnavailableException ex) {
			log.debug("Redis unavailable: an update handled could not be marked done");
		}
	}

	/** The chat whose worker handles the update; 0 when it names none. */
	static long chatOf(Update update) {
		var message = update.getMessage() != null ? update.getMessage() : update.getEditedMessage();
		if (message != null) {
			return message.getChat() == null || message.getChat().getId() == null ? 0 : message.getChat().getId();
		}
		if (update.getCallbackQuery() != null && update.getCallbackQuery().getFrom() != null
				&& update.getCallbackQuery().getFrom().getId() != null) {
			return update.getCallbackQuery().getFrom().getId();
		}
		return 0;
	}

	static String kind(Update update) {
		if (update.hasCallbackQuery()) {
			return "callback";
		}
		if (update.hasEditedMessage()) {
			return "edited-message";
		}
		if (update.hasMessage()) {
			return update.getMessage().hasLocation() ? "location" : update.getMessage().hasPhoto() ? "photo" : "message";
		}
		return "other";
	}

	@Override
	public void close() {
		workers.shutdown();
		try {
			if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
				workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			workers.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
