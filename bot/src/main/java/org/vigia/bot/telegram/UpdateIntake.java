package org.vigia.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.vigia.store.Claim;
import org.vigia.store.RedisUpdateLedger;
import org.vigia.store.StoreUnavailableException;

/**
 * Where every update enters, from long polling or the webhook: handled once by {@code update_id}, on our
 * own bounded workers, one failure never stopping the rest.
 *
 * <p>Design note: updates are partitioned by chat onto single-thread workers, so one chat's updates are
 * handled in order (a conversation's state is read and written without races) while different chats run
 * in parallel. Each {@code update_id} is claimed in Redis before it is handled and marked done after: a
 * second delivery (webhook retry, restart, another instance) is skipped. For long polling, {@link #consume}
 * returns only when its batch is handled, so Telegram's offset moves past an update only after it was
 * handled (the webhook answers only then too); an update whose process was killed in the middle of
 * handling it is delivered again by Telegram, and handled again once that process's heartbeat is gone
 * ({@link org.vigia.store.RedisInstances}). If Redis is down the update is handled anyway
 * (the handler then tells the person to call the hotline): answering matters more than deduplicating.
 * Every throwable is caught per update and logged by class only (never ids, names or text).
 */
public final class UpdateIntake implements LongPollingUpdateConsumer, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

	private static final java.time.Duration BUSY_POLL = java.time.Duration.ofMillis(250);

	private final UpdateHandler handler;

	private final RedisUpdateLedger ledger;

	private final List<ExecutorService> workers = new ArrayList<>();

	public UpdateIntake(UpdateHandler handler, RedisUpdateLedger ledger, int threads) {
		this.handler = handler;
		this.ledger = ledger;
		for (int i = 0; i < threads; i++) {
			int n = i;
			workers.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(500),
					r -> new Thread(r, "vigia-updates-" + n), new ThreadPoolExecutor.CallerRunsPolicy()));
		}
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
	 * Queues the update on its chat's worker. Never throws (long polling's task would end for good): a
	 * failure to queue completes the future exceptionally.
	 */
	public CompletableFuture<Void> submit(Update update) {
		try {
			ExecutorService worker = workers.get(Math.floorMod(Long.hashCode(chatOf(update)), workers.size()));
			return CompletableFuture.runAsync(() -> handleOnce(update), worker);
		}
		catch (RuntimeException ex) {
			log.error("Could not queue a {} update: {}", kind(update), ex.getClass().getName());
			return CompletableFuture.failedFuture(ex);
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
		for (ExecutorService worker : workers) {
			worker.shutdown();
		}
		for (ExecutorService worker : workers) {
			try {
				if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
					worker.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				worker.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

}
