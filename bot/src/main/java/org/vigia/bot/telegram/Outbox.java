package org.vigia.bot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one way out to Telegram: every message, edit and callback answer of the bot goes through here.
 *
 * <p>Design note: a lane per chat keeps that chat's messages in order and spaced by Telegram's limits
 * (1 per second to a private chat, 20 per minute to a group or channel); a token bucket of one token
 * spaces all sends evenly, so that no second ever holds more than about 30. One worker thread picks, among the lanes allowed to send now, the one
 * whose next message has the highest priority (then the oldest), so a channel alert or an observer prompt
 * overtakes chit-chat. Calls run asynchronously with a timeout, at most one in flight per lane. A 429 pauses
 * the lane for its {@code retry_after} and retries the same message first; 5xx answers, network errors
 * and timeouts retry with exponential backoff and jitter; other errors (403 blocked, 400) fail the
 * returned future at once. Nothing here logs a chat id or a text.
 */
public final class Outbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	public enum Priority {

		/** Channel alerts and observer prompts. */
		URGENT,
		/** Answers in a conversation. */
		NORMAL

	}

	/**
	 * @param perSecond messages per second for the whole bot
	 * @param privateInterval the spacing of messages to one private chat
	 * @param groupInterval the spacing of messages to one group or channel
	 * @param attempts attempts per message on server and network errors
	 * @param timeout the longest one call may take
	 */
	public record Limits(int perSecond, Duration privateInterval, Duration groupInterval, int attempts,
			Duration timeout) {

		public static final Limits TELEGRAM = new Limits(28, Duration.ofSeconds(1), Duration.ofSeconds(3), 6,
				Duration.ofSeconds(15));

	}

	private final class Job {

		final BotApiMethod<? extends Serializable> method;

		final CompletableFuture<Serializable> result = new CompletableFuture<>();

		final Priority priority;

		final long seq = sequence.incrementAndGet();

		int attempts;

		Job(BotApiMethod<? extends Serializable> method, Priority priority) {
			this.method = method;
			this.priority = priority;
		}

		boolean before(Job other) {
			return priority.ordinal() != other.priority.ordinal() ? priority.ordinal() < other.priority.ordinal()
					: seq < other.seq;
		}

	}

	private static final class Lane {

		final LinkedList<Job> jobs = new LinkedList<>();

		final long intervalNanos;

		long readyAt;

		boolean inFlight;

		Lane(long intervalNanos) {
			this.intervalNanos = intervalNanos;
		}

		/** Behind every job of the same or a higher priority, ahead of lower ones: order holds per priority. */
		void add(Job job) {
			var it = jobs.listIterator(jobs.size());
			while (it.hasPrevious()) {
				if (!job.before(it.previous())) {
					it.next();
					break;
				}
			}
			it.add(job);
		}

	}

	private final TelegramClient client;

	private final Limits limits;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong rateLimited = new AtomicLong();

	private final Map<String, Lane> lanes = new HashMap<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final Thread worker;

	private double tokens;

	private long refilledAt = System.nanoTime();

	private volatile boolean running = true;

	public Outbox(TelegramClient client, Limits limits) {
		this.client = client;
		this.limits = limits;
		this.tokens = 1;
		this.worker = new Thread(this::run, "vigia-outbox");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Queues a call to {@code chat} (a numeric chat id or a channel's @name). The future completes with
	 * Telegram's answer, or fails after the retries are spent.
	 */
	@SuppressWarnings("unchecked")
	public <T extends Serializable> CompletableFuture<T> call(String chat, BotApiMethod<T> method, Priority priority) {
		var job = new Job(method, priority);
		lock.lock();
		try {
			if (!running) {
				job.result.completeExceptionally(new IllegalStateException("the outbox is closed"));
			}
			else {
				lanes.computeIfAbsent(chat, c -> new Lane(interval(c))).add(job);
				changed.signalAll();
			}
		}
		finally {
			lock.unlock();
		}
		return (CompletableFuture<T>) job.result;
	}

	/** How many 429 answers Telegram gave so far (a figure for benchmarks and health). */
	public long rateLimitedAnswers() {
		return rateLimited.get();
	}

	private long interval(String chat) {
		boolean group = chat.startsWith("@") || chat.startsWith("-");
		return (group ? limits.groupInterval() : limits.privateInterval()).toNanos();
	}

	private void run() {
		while (running) {
			lock.lock();
			try {
				long now = System.nanoTime();
				refill(now);
				Lane best = null;
				long wakeAt = Long.MAX_VALUE;
				for (Lane lane : lanes.values()) {
					if (lane.jobs.isEmpty() || lane.inFlight) {
						continue;
					}
					if (lane.readyAt > now) {
						wakeAt = Math.min(wakeAt, lane.readyAt);
					}
					else if (best == null || lane.jobs.peekFirst().before(best.jobs.peekFirst())) {
						best = lane;
					}
				}
				if (best != null && tokens < 1) {
					wakeAt = now + (long) ((1 - tokens) * 1_000_000_000L / limits.perSecond());
					best = null;
				}
				if (best == null) {
					long wait = wakeAt == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : Math.max(1, wakeAt - now);
					changed.awaitNanos(wait);
					continue;
				}
				tokens -= 1;
				best.inFlight = true;
				Job job = best.jobs.pollFirst();
				dispatch(best, job);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				lock.unlock();
			}
		}
	}

	private void refill(long now) {
		// a bucket of one: sends are spaced evenly, so no one-second window ever holds more than the limit
		tokens = Math.min(1, tokens + (now - refilledAt) / 1e9 * limits.perSecond());
		refilledAt = now;
	}

	private void dispatch(Lane lane, Job job) {
		job.attempts++;
		CompletableFuture<? extends Serializable> call;
		try {
			call = client.executeAsync(job.method);
		}
		catch (TelegramApiException | RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.orTimeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((value, error) -> finished(lane, job, value, error));
	}

	private void finished(Lane lane, Job job, Serializable value, Throwable error) {
		lock.lock();
		try {
			lane.inFlight = false;
			long now = System.nanoTime();
			if (error == null) {
				lane.readyAt = now + lane.intervalNanos;
				job.result.complete(value);
				return;
			}
			Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
			if (cause instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() == 429) {
				rateLimited.incrementAndGet();
				int retryAfter = r.getParameters() != null && r.getParameters().getRetryAfter() != null
						? r.getParameters().getRetryAfter() : 1;
				log.warn("Telegram asked to slow down for {} s", retryAfter);
				lane.readyAt = now + TimeUnit.SECONDS.toNanos(retryAfter);
				job.attempts--;
				lane.jobs.addFirst(job);
			}
			else if (retryable(cause) && job.attempts < limits.attempts()) {
				long backoff = TimeUnit.MILLISECONDS.toNanos(Math.min(30_000, 500L << (job.attempts - 1)));
				lane.readyAt = now + backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
				log.warn("Telegram call failed ({}); retry {} of {}", describe(cause), job.attempts, limits.attempts() - 1);
				lane.jobs.addFirst(job);
			}
			else {
				lane.readyAt = now + lane.intervalNanos;
				log.warn("Telegram call given up ({})", describe(cause));
				job.result.completeExceptionally(cause);
			}
		}
		finally {
			changed.signalAll();
			lock.unlock();
		}
	}

	static boolean retryable(Throwable cause) {
		if (cause instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
			return r.getErrorCode() >= 500;
		}
		return cause instanceof TimeoutException || cause instanceof TelegramApiException
				|| cause instanceof java.io.IOException;
	}

	private static String describe(Throwable cause) {
		if (cause instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
			return "HTTP " + r.getErrorCode();
		}
		return cause.getClass().getSimpleName();
	}

	@Override
	public void close() {
		lock.lock();
		try {
			running = false;
			lanes.values().forEach(l -> l.jobs.forEach(j -> j.result.cancel(false)));
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		worker.interrupt();
	}

}
