package org.vigia.bot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JacksonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one way out to Telegram: every message, edit and callback answer of the bot goes through here.
 *
 * <p>Design note: a lane per chat keeps that chat's messages in order and spaced by Telegram's limits
 * (1 per second to a private chat, 20 per minute to a group or channel); a token bucket of one token
 * spaces all messages evenly, so that no second ever holds more than about 30. Answers to button presses
 * are not messages: they keep their place in their chat's lane but take no token and no spacing (in a
 * storm of reports they were 42 % of all calls, and pacing them doubled how long residents waited). One worker thread picks, among
 * the lanes allowed to send now, the one whose next message has the highest priority (then the oldest), so
 * a channel alert or an observer prompt overtakes chit-chat. Calls run asynchronously with a timeout, at
 * most one in flight per lane.
 *
 * <p>Failures: a 429 pauses the lane for its {@code retry_after} and retries the same message first. 5xx
 * answers, network errors and timeouts retry it, first with a backoff of the lane alone; after
 * {@value #DOWN_AFTER} such failures in a row across the bot, Telegram counts as down and one message at a
 * time probes it, with a growing pause, so that a minute-long outage costs a handful of calls rather than
 * one per chat per second; the first answer opens every lane again, and each lane resumes where it stopped,
 * in order. A message is retried until {@link Limits#giveUpAfter} has passed since it was queued (a
 * callback answer only {@link #CALLBACK_HORIZON}, after which Telegram refuses it anyway). Other errors
 * (403 blocked, 400) fail the returned future at once, and so does an answer that is not readable (a 2xx
 * body that is not the Bot API's JSON), as {@link UncertainDelivery}: the call was probably carried out, and
 * sending it again could post an alert twice. Nothing here logs a chat id or a text.
 */
public final class Outbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	/** Failures in a row, across all chats, after which Telegram counts as down. */
	static final int DOWN_AFTER = 3;

	/** Telegram refuses to answer a button press later than this. */
	static final Duration CALLBACK_HORIZON = Duration.ofSeconds(15);

	private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(10);

	public enum Priority {

		/** Channel alerts, observer prompts, and answers to button presses (which are not paced). */
		URGENT,
		/** Answers in a conversation. */
		NORMAL

	}

	/**
	 * @param perSecond messages per second for the whole bot
	 * @param privateInterval the spacing of messages to one private chat
	 * @param groupInterval the spacing of messages to one group or channel
	 * @param giveUpAfter how long a message is retried through server errors, network errors and timeouts
	 * @param timeout the longest one call may take
	 */
	public record Limits(int perSecond, Duration privateInterval, Duration groupInterval, Duration giveUpAfter,
			Duration timeout) {

		public static final Limits TELEGRAM = new Limits(28, Duration.ofSeconds(1), Duration.ofSeconds(3),
				Duration.ofMinutes(15), Duration.ofSeconds(15));

		public Limits {
			if (perSecond < 1) {
				throw new IllegalArgumentException("perSecond must be positive, was " + perSecond);
			}
			for (Duration d : new Duration[] { privateInterval, groupInterval, giveUpAfter, timeout }) {
				if (d == null || d.isNegative()) {
					throw new IllegalArgumentException("outbox durations must be zero or positive, was " + d);
				}
			}
		}

	}

	/**
	 * Telegram answered, but not in a way that can be read: the call was probably carried out, so it was not
	 * sent again, and what it returned is unknown.
	 */
	public static final class UncertainDelivery extends RuntimeException {

		UncertainDelivery(Throwable cause) {
			super("Telegram's answer could not be read", cause);
		}

	}

	private final class Job {

		final BotApiMethod<? extends Serializable> method;

		/** A photo to upload, built afresh for each attempt (an upload's stream is read once); else null. */
		final java.util.function.Supplier<SendPhoto> photo;

		final CompletableFuture<Serializable> result = new CompletableFuture<>();

		final Priority priority;

		final long seq = sequence.incrementAndGet();

		final long giveUpAt;

		int attempts;

		Job(BotApiMethod<? extends Serializable> method, Priority priority, long now) {
			this(method, null, priority, now);
		}

		Job(BotApiMethod<? extends Serializable> method, java.util.function.Supplier<SendPhoto> photo, Priority priority,
				long now) {
			this.method = method;
			this.photo = photo;
			this.priority = priority;
			Duration horizon = method instanceof AnswerCallbackQuery ? CALLBACK_HORIZON : limits.giveUpAfter();
			this.giveUpAt = now + horizon.toNanos();
		}

		/**
		 * Whether the call is a message, counted against Telegram's limits (30 a second, 1 a second to a
		 * chat, 20 a minute to a channel); an answer to a button press is not a message and is not paced,
		 * only kept in order with the chat's messages.
		 */
		boolean paced() {
			return !(method instanceof AnswerCallbackQuery);
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

	private final AtomicLong givenUp = new AtomicLong();

	private final Map<String, Lane> lanes = new HashMap<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final Thread worker;

	private double tokens;

	private long refilledAt = System.nanoTime();

	/** Retryable failures in a row across all lanes; reset by any answer from Telegram. */
	private int failuresInARow;

	/** While Telegram is down: when the next probe may go, and since when it is down. */
	private long probeAt;

	private long downSince;

	private int inFlight;

	private volatile boolean running = true;

	public Outbox(TelegramClient client, Limits limits) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.limits = Objects.requireNonNull(limits, "limits must not be null");
		this.tokens = 1;
		this.worker = new Thread(this::run, "vigia-outbox");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Queues a call to {@code chat} (a numeric chat id or a channel's @name). The future completes with
	 * Telegram's answer, or fails: with Telegram's error, with {@link UncertainDelivery}, or with the last
	 * failure once the message could not be sent within its horizon.
	 */
	@SuppressWarnings("unchecked")
	public <T extends Serializable> CompletableFuture<T> call(String chat, BotApiMethod<T> method, Priority priority) {
		lock.lock();
		try {
			var job = new Job(method, priority, System.nanoTime());
			if (!running) {
				job.result.completeExceptionally(new IllegalStateException("the outbox is closed"));
			}
			else {
				lanes.computeIfAbsent(chat, c -> new Lane(interval(c))).add(job);
				changed.signalAll();
			}
			return (CompletableFuture<T>) job.result;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Queues a photo upload to {@code chat}, paced as a message; {@code photo} is called for each attempt, so
	 * that a retried upload sends the whole file again. The future completes as {@link #call}'s does.
	 */
	@SuppressWarnings("unchecked")
	public CompletableFuture<Message> photo(String chat, java.util.function.Supplier<SendPhoto> photo, Priority priority) {
		lock.lock();
		try {
			var job = new Job(null, photo, priority, System.nanoTime());
			if (!running) {
				job.result.completeExceptionally(new IllegalStateException("the outbox is closed"));
			}
			else {
				lanes.computeIfAbsent(chat, c -> new Lane(interval(c))).add(job);
				changed.signalAll();
			}
			return (CompletableFuture<Message>) (CompletableFuture<?>) job.result;
		}
		finally {
			lock.unlock();
		}
	}

	/** How many 429 answers Telegram gave so far (a figure for benchmarks and health). */
	public long rateLimitedAnswers() {
		return rateLimited.get();
	}

	/** How many messages were dropped after their horizon (a figure for fault tests: lost messages). */
	public long givenUp() {
		return givenUp.get();
	}

	private long interval(String chat) {
		boolean group = chat.startsWith("@") || chat.startsWith("-");
		return (group ? limits.groupInterval() : limits.privateInterval()).toNanos();
	}

	private boolean down() {
		return failuresInARow >= DOWN_AFTER;
	}

	private void run() {
		while (running) {
			lock.lock();
			try {
				long now = System.nanoTime();
				refill(now);
				long wakeAt = Long.MAX_VALUE;
				Lane best = null;
				if (down() && (inFlight > 0 || now < probeAt)) {
					// Telegram is down: one probe at a time, after its pause
					wakeAt = inFlight > 0 ? now + TimeUnit.SECONDS.toNanos(1) : probeAt;
				}
				else {
					boolean token = tokens >= 1;
					for (Lane lane : lanes.values()) {
						dropExpired(lane, now);
						if (lane.jobs.isEmpty() || lane.inFlight) {
							continue;
						}
						if (lane.readyAt > now) {
							wakeAt = Math.min(wakeAt, lane.readyAt);
						}
						else if (!token && lane.jobs.peekFirst().paced()) {
							// a message waits for the bot's next token; an answer to a button press does not
							wakeAt = Math.min(wakeAt, now + (long) ((1 - tokens) * 1_000_000_000L / limits.perSecond()));
						}
						else if (best == null || lane.jobs.peekFirst().before(best.jobs.peekFirst())) {
							best = lane;
						}
					}
				}
				if (best == null) {
					long wait = wakeAt == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : Math.max(1, wakeAt - now);
					changed.awaitNanos(wait);
					continue;
				}
				Job job = best.jobs.pollFirst();
				if (job.paced()) {
					tokens -= 1;
				}
				best.inFlight = true;
				inFlight++;
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

	/** Messages that waited past their horizon (a long outage) are dropped before they are sent late. */
	private void dropExpired(Lane lane, long now) {
		while (!lane.jobs.isEmpty() && now - lane.jobs.peekFirst().giveUpAt > 0) {
			Job job = lane.jobs.pollFirst();
			givenUp.incrementAndGet();
			job.result.completeExceptionally(new TimeoutException("not sent within its horizon"));
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
			call = job.photo != null ? client.executeAsync(job.photo.get()) : client.executeAsync(job.method);
		}
		catch (TelegramApiException | RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		// the HTTP client has its own call timeout; this one is the net under it
		call.orTimeout(limits.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)
			.whenComplete((value, error) -> finished(lane, job, value, error));
	}

	private void finished(Lane lane, Job job, Serializable value, Throwable error) {
		lock.lock();
		try {
			lane.inFlight = false;
			inFlight--;
			long now = System.nanoTime();
			Throwable cause = cause(error);
			if (cause == null || !retryable(cause)) {
				// Telegram answered (or the call can never succeed): it is up
				answered(now);
			}
			if (cause == null) {
				lane.readyAt = job.paced() ? now + lane.intervalNanos : now;
				job.result.complete(value);
			}
			else if (cause instanceof TelegramApiRequestException r && code(r) == 429) {
				rateLimited.incrementAndGet();
				int retryAfter = r.getParameters() != null && r.getParameters().getRetryAfter() != null
						? r.getParameters().getRetryAfter() : 1;
				log.warn("Telegram asked to slow down for {} s", retryAfter);
				lane.readyAt = now + TimeUnit.SECONDS.toNanos(retryAfter);
				lane.jobs.addFirst(job);
			}
			else if (retryable(cause) && now - job.giveUpAt < 0) {
				failed(lane, job, cause, now);
				lane.jobs.addFirst(job);
			}
			else {
				lane.readyAt = now + lane.intervalNanos;
				if (retryable(cause)) {
					givenUp.incrementAndGet();
				}
				log.warn("Telegram call given up ({})", describe(cause));
				job.result.completeExceptionally(unreadable(cause) ? new UncertainDelivery(cause) : cause);
			}
		}
		finally {
			changed.signalAll();
			lock.unlock();
		}
	}

	private void answered(long now) {
		if (down()) {
			long held = lanes.values().stream().mapToLong(l -> l.jobs.size()).sum();
			log.warn("Telegram answers again after {} s; sending {} held messages in order",
					TimeUnit.NANOSECONDS.toSeconds(now - downSince), held);
		}
		failuresInARow = 0;
	}

	private void failed(Lane lane, Job job, Throwable cause, long now) {
		failuresInARow++;
		if (failuresInARow == DOWN_AFTER) {
			downSince = now;
			long held = lanes.values().stream().mapToLong(l -> l.jobs.size()).sum() + 1;
			log.warn("Telegram is not answering ({}); holding {} messages and trying again every few seconds",
					describe(cause), held);
		}
		if (down()) {
			lane.readyAt = now;
			probeAt = now + jittered(backoff(failuresInARow - DOWN_AFTER + 1));
		}
		else {
			lane.readyAt = now + jittered(backoff(job.attempts));
			log.info("Telegram call failed ({}); trying again", describe(cause));
		}
	}

	/** 0.5 s, 1 s, 2 s … up to 10 s. */
	private static long backoff(int attempt) {
		return Math.min(MAX_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(500) << Math.min(20, Math.max(0, attempt - 1)));
	}

	/** Between half and all of the backoff, so that instances and lanes do not retry in step. */
	private static long jittered(long backoff) {
		return backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
	}

	/** What failed a returned future: the failure itself, not the CompletionException around it; null for none. */
	public static Throwable cause(Throwable error) {
		return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
	}

	/**
	 * Whether sending again could not help: Telegram refused the call for good (a 4xx other than 429, such
	 * as a person who blocked the bot), or its answer could not be read ({@link UncertainDelivery}: it was
	 * probably carried out).
	 */
	public static boolean refusedForGood(Throwable cause) {
		if (cause instanceof UncertainDelivery) {
			return true;
		}
		return cause instanceof TelegramApiRequestException r && code(r) >= 400 && code(r) < 500 && code(r) != 429;
	}

	/** Server errors, network errors and timeouts: Telegram may carry out the same call later. */
	static boolean retryable(Throwable cause) {
		if (cause instanceof TelegramApiRequestException r && code(r) > 0) {
			return code(r) >= 500;
		}
		if (unreadable(cause)) {
			return false;
		}
		return cause instanceof TimeoutException || cause instanceof TelegramApiException
				|| cause instanceof java.io.IOException;
	}

	/**
	 * A 2xx answer whose body was not the Bot API's JSON (non-2xx bodies are turned into Bot API errors by
	 * {@link TelegramConfig}'s interceptor, so a parse failure can only come from a 2xx).
	 */
	static boolean unreadable(Throwable cause) {
		return cause instanceof TelegramApiRequestException r && code(r) == 0 && r.getCause() instanceof JacksonException;
	}

	/** The Bot API's error code, 0 when the exception carries none. */
	private static int code(TelegramApiRequestException r) {
		return r.getErrorCode() == null ? 0 : r.getErrorCode();
	}

	private static String describe(Throwable cause) {
		if (cause instanceof TelegramApiRequestException r && code(r) > 0) {
			return "HTTP " + code(r);
		}
		return unreadable(cause) ? "unreadable answer" : cause.getClass().getSimpleName();
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
