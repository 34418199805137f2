package org.vigia.bot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JacksonException;
import com.github.benmanes.caffeine.cache.Ticker;
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
 * <p>Design note: a lane per chat keeps that chat's calls in order and paced by Telegram's limits: a private
 * chat gets up to {@link Limits#privateBurst} messages at once (so that the reply to a person's own tap goes at
 * once) and on average one per {@link Limits#privateInterval}, with credit saved while it is quiet
 * ({@link OutboxLane}); a group or channel one per
 * {@link Limits#groupInterval} (20 a minute); a token bucket of one token spaces all messages of the bot evenly,
 * so that no second ever holds more than about 30. Answers to button presses are not messages: they keep their
 * place in their chat's lane but take no token and no spacing. One worker thread sends, among the lanes allowed
 * to send now, the one whose next call has the highest priority (then the oldest), so a channel alert or an
 * observer prompt overtakes chit-chat. Calls run asynchronously with a timeout, at most one in flight per lane.
 *
 * <p>Structure: a send decision never looks at idle lanes. A lane with a call waiting is in exactly one place:
 * out (a call in flight), in a timed queue (until its pause or its next token), or in a ready queue ordered by
 * its next call (messages and answers apart, since only messages wait for the bot's token). Entries are
 * invalidated by a stamp rather than removed. A lane with nothing queued is forgotten once its tokens are all
 * back, so the lanes held are the chats of the last few seconds, not every chat ever seen; each decision costs
 * O(log n) in the chats waiting. Futures are completed after the lock is released, so what callers chain on
 * them (Redis writes) never holds up sending. Time comes from a {@link Ticker}.
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

	/**
	 * The longest the worker waits before it looks at the clock again, whatever it expects: the ticker may be
	 * a clock that is moved rather than one that runs.
	 */
	private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	public enum Priority {

		/** Channel alerts, observer prompts, and answers to button presses (which are not paced). */
		URGENT,
		/** Answers in a conversation. */
		NORMAL

	}

	/**
	 * @param perSecond messages per second for the whole bot
	 * @param privateInterval the sustained spacing of messages to one private chat
	 * @param privateBurst how many messages one private chat may get within one {@code privateInterval} (at
	 *     once); a quiet chat saves credit for twice as many ahead of the sustained pace
	 * @param groupInterval the spacing of messages to one group or channel
	 * @param giveUpAfter how long a message is retried through server errors, network errors and timeouts
	 * @param timeout the longest one call may take
	 */
	public record Limits(int perSecond, Duration privateInterval, int privateBurst, Duration groupInterval,
			Duration giveUpAfter, Duration timeout) {

		public static final Limits TELEGRAM = new Limits(28, Duration.ofSeconds(1), 3, Duration.ofSeconds(3),
				Duration.ofMinutes(15), Duration.ofSeconds(15));

		public Limits {
			if (perSecond < 1) {
				throw new IllegalArgumentException("perSecond must be positive, was " + perSecond);
			}
			if (privateBurst < 1) {
				throw new IllegalArgumentException("privateBurst must be positive, was " + privateBurst);
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

	final class Job {

		final BotApiMethod<? extends Serializable> method;

		/** A photo to upload, built afresh for each attempt (an upload's stream is read once); else null. */
		final java.util.function.Supplier<SendPhoto> photo;

		final CompletableFuture<Serializable> result = new CompletableFuture<>();

		final Priority priority;

		final long seq = sequence.incrementAndGet();

		final long giveUpAt;

		final OutboxLane lane;

		int attempts;

		/** When it was last taken out to be sent. */
		long sentAt;

		/**
		 * @param photo a photo upload built afresh for each attempt (an upload's stream is read once), with
		 * {@code method} null; else null
		 */
		Job(OutboxLane lane, BotApiMethod<? extends Serializable> method, java.util.function.Supplier<SendPhoto> photo,
				Priority priority, long now) {
			this.lane = lane;
			this.method = method;
			this.photo = photo;
			this.priority = priority;
			Duration horizon = method instanceof AnswerCallbackQuery ? CALLBACK_HORIZON : limits.giveUpAfter();
			this.giveUpAt = now + horizon.toNanos();
		}

		/**
		 * Whether the call is a message, counted against Telegram's limits (30 a second, about 1 a second to a
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

	/** A lane's place in a queue, valid while the lane's stamp is {@code stamp}. */
	private record Entry(OutboxLane lane, long stamp, long at, int priority, long seq) {

		boolean valid() {
			return lane.stamp == stamp;
		}

	}

	private static final Comparator<Entry> BY_TIME = Comparator.comparingLong(Entry::at);

	private static final Comparator<Entry> BY_TURN = Comparator.comparingInt(Entry::priority).thenComparingLong(Entry::seq);

	private static final Comparator<Job> BY_DEADLINE = Comparator.<Job>comparingLong(j -> j.giveUpAt)
		.thenComparingLong(j -> j.seq);

	private final TelegramClient client;

	private final Limits limits;

	private final Ticker ticker;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong rateLimited = new AtomicLong();

	private final AtomicLong givenUp = new AtomicLong();

	private final Map<String, OutboxLane> lanes = new HashMap<>();

	/** Lanes whose next call may go now: messages (which need the bot's token) and answers (which do not). */
	private final PriorityQueue<Entry> readyMessages = new PriorityQueue<>(BY_TURN);

	private final PriorityQueue<Entry> readyAnswers = new PriorityQueue<>(BY_TURN);

	/** Lanes waiting for a pause or a token to end, by when. */
	private final PriorityQueue<Entry> timed = new PriorityQueue<>(BY_TIME);

	/** Lanes with nothing queued, by when they may be forgotten. */
	private final PriorityQueue<Entry> cooling = new PriorityQueue<>(BY_TIME);

	/** Every queued job, by when it is given up. */
	private final TreeSet<Job> deadlines = new TreeSet<>(BY_DEADLINE);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final Thread worker;

	private double tokens;

	private long refilledAt;

	/** Retryable failures in a row across all lanes; reset by any answer from Telegram. */
	private int failuresInARow;

	/** While Telegram is down: when the next probe may go, and since when it is down. */
	private long probeAt;

	private long downSince;

	private int inFlight;

	private int queued;

	private volatile boolean running = true;

	public Outbox(TelegramClient client, Limits limits) {
		this(client, limits, Ticker.systemTicker());
	}

	/** @param ticker where time comes from (nanoseconds, as {@link System#nanoTime()}) */
	public Outbox(TelegramClient client, Limits limits, Ticker ticker) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.limits = Objects.requireNonNull(limits, "limits must not be null");
		this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
		this.tokens = 1;
		this.refilledAt = ticker.read();
		this.worker = new Thread(this::run, "vigia-outbox");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Queues a call to {@code chat} (a numeric chat id or a channel's @name). The future completes with
	 * Telegram's answer, or fails: with Telegram's error, with {@link UncertainDelivery}, or with the last
	 * failure once the message could not be sent within its horizon. It is completed on a thread that holds no
	 * lock of the outbox.
	 */
	@SuppressWarnings("unchecked")
	public <T extends Serializable> CompletableFuture<T> call(String chat, BotApiMethod<T> method, Priority priority) {
		Objects.requireNonNull(method, "method must not be null");
		return (CompletableFuture<T>) enqueue(chat, method, null, priority);
	}

	/**
	 * Queues a photo upload to {@code chat}, paced as a message; {@code photo} is called for each attempt, so
	 * that a retried upload sends the whole file again. The future completes as {@link #call}'s does.
	 */
	@SuppressWarnings("unchecked")
	public CompletableFuture<Message> photo(String chat, java.util.function.Supplier<SendPhoto> photo, Priority priority) {
		Objects.requireNonNull(photo, "photo must not be null");
		return (CompletableFuture<Message>) (CompletableFuture<?>) enqueue(chat, null, photo, priority);
	}

	private CompletableFuture<Serializable> enqueue(String chat, BotApiMethod<? extends Serializable> method,
			java.util.function.Supplier<SendPhoto> photo, Priority priority) {
		Objects.requireNonNull(chat, "chat must not be null");
		Job job;
		lock.lock();
		try {
			long now = ticker.read();
			OutboxLane lane = lanes.computeIfAbsent(chat, c -> new OutboxLane(c, interval(c), burst(c), now));
			job = new Job(lane, method, photo, priority, now);
			if (running) {
				lane.add(job);
				deadlines.add(job);
				queued++;
				if (!lane.inFlight) {
					schedule(lane, now);
				}
				changed.signalAll();
			}
		}
		finally {
			lock.unlock();
		}
		if (!running) {
			job.result.completeExceptionally(new IllegalStateException("the outbox is closed"));
		}
		return job.result;
	}

	/** How many 429 answers Telegram gave so far (a figure for benchmarks and health). */
	public long rateLimitedAnswers() {
		return rateLimited.get();
	}

	/** How many messages were dropped after their horizon (a figure for fault tests: lost messages). */
	public long givenUp() {
		return givenUp.get();
	}

	/** How many chats the outbox holds a lane for: those with calls waiting or sent in the last few seconds. */
	public int lanes() {
		lock.lock();
		try {
			return lanes.size();
		}
		finally {
			lock.unlock();
		}
	}

	private static boolean group(String chat) {
		return chat.startsWith("@") || chat.startsWith("-");
	}

	private long interval(String chat) {
		return (group(chat) ? limits.groupInterval() : limits.privateInterval()).toNanos();
	}

	private int burst(String chat) {
		return group(chat) ? 1 : limits.privateBurst();
	}

	private boolean down() {
		return failuresInARow >= DOWN_AFTER;
	}

	/** Puts a lane that is not in flight where it belongs now: ready, timed, or cooling when empty. */
	private void schedule(OutboxLane lane, long now) {
		long stamp = ++lane.stamp;
		if (lane.isEmpty()) {
			cooling.add(new Entry(lane, stamp, lane.idleAt(), 0, 0));
			return;
		}
		long at = lane.readyAt();
		Job head = lane.head();
		if (at - now > 0) {
			timed.add(new Entry(lane, stamp, at, 0, 0));
		}
		else {
			(head.paced() ? readyMessages : readyAnswers).add(new Entry(lane, stamp, at, head.priority.ordinal(), head.seq));
		}
	}

	private void run() {
		var completions = new ArrayList<Runnable>();
		while (running) {
			Job job = null;
			lock.lock();
			try {
				long now = ticker.read();
				long wakeAt = housekeeping(now, completions);
				if (down() && (inFlight > 0 || probeAt - now > 0)) {
					// Telegram is down: one probe at a time, after its pause
					wakeAt = Math.min(wakeAt, inFlight > 0 ? now + TimeUnit.SECONDS.toNanos(1) : probeAt);
				}
				else {
					refill(now);
					Entry message = head(readyMessages);
					Entry answer = head(readyAnswers);
					if (message != null && tokens < 1) {
						// a message waits for the bot's next token; an answer to a button press does not
						wakeAt = Math.min(wakeAt, now + (long) ((1 - tokens) * 1_000_000_000L / limits.perSecond()));
						message = null;
					}
					Entry best = message == null ? answer
							: answer == null || BY_TURN.compare(message, answer) < 0 ? message : answer;
					if (best != null) {
						(best == message ? readyMessages : readyAnswers).poll();
						job = take(best.lane(), now);
					}
				}
				if (job == null && completions.isEmpty()) {
					changed.awaitNanos(Math.max(1, Math.min(MAX_WAIT_NANOS, wakeAt - now)));
					continue;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				lock.unlock();
			}
			completions.forEach(Runnable::run);
			completions.clear();
			if (job != null) {
				dispatch(job);
			}
		}
	}

	/** The first valid entry of a ready queue, stale ones dropped; null when none. */
	private static Entry head(PriorityQueue<Entry> queue) {
		while (!queue.isEmpty() && !queue.peek().valid()) {
			queue.poll();
		}
		return queue.peek();
	}

	/**
	 * Drops jobs past their horizon, makes lanes whose wait is over ready, forgets idle lanes; answers when it
	 * must look again at the latest.
	 */
	private long housekeeping(long now, List<Runnable> completions) {
		while (!deadlines.isEmpty() && now - deadlines.first().giveUpAt > 0) {
			Job job = deadlines.pollFirst();
			job.lane.remove(job);
			queued--;
			givenUp.incrementAndGet();
			completions.add(() -> job.result.completeExceptionally(new TimeoutException("not sent within its horizon")));
			if (!job.lane.inFlight) {
				schedule(job.lane, now);
			}
		}
		while (!timed.isEmpty() && (!timed.peek().valid() || now - timed.peek().at() >= 0)) {
			Entry due = timed.poll();
			if (due.valid()) {
				schedule(due.lane(), now);
			}
		}
		while (!cooling.isEmpty() && (!cooling.peek().valid() || now - cooling.peek().at() >= 0)) {
			Entry due = cooling.poll();
			if (due.valid() && due.lane().idle(now)) {
				lanes.remove(due.lane().chat, due.lane());
			}
		}
		long wakeAt = now + MAX_WAIT_NANOS;
		if (!timed.isEmpty()) {
			wakeAt = Math.min(wakeAt, timed.peek().at());
		}
		if (!deadlines.isEmpty()) {
			wakeAt = Math.min(wakeAt, deadlines.first().giveUpAt + 1);
		}
		return wakeAt;
	}

	private Job take(OutboxLane lane, long now) {
		Job job = lane.poll();
		deadlines.remove(job);
		queued--;
		job.sentAt = now;
		if (job.paced()) {
			tokens -= 1;
			lane.take(now);
		}
		lane.inFlight = true;
		lane.stamp++;
		inFlight++;
		return job;
	}

	private void refill(long now) {
		// a bucket of one: sends are spaced evenly, so no one-second window ever holds more than the limit
		tokens = Math.min(1, tokens + (now - refilledAt) / 1e9 * limits.perSecond());
		refilledAt = now;
	}

	/** Sends, without holding the lock: what the HTTP client does on this thread never blocks the others. */
	private void dispatch(Job job) {
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
			.whenComplete((value, error) -> finished(job, value, error));
	}

	private void finished(Job job, Serializable value, Throwable error) {
		OutboxLane lane = job.lane;
		Runnable completion = null;
		lock.lock();
		try {
			lane.inFlight = false;
			inFlight--;
			long now = ticker.read();
			Throwable cause = cause(error);
			if (cause == null || !retryable(cause)) {
				// Telegram answered (or the call can never succeed): it is up
				answered(now);
			}
			if (cause == null) {
				if (job.paced()) {
					lane.answered(job.sentAt, now);
				}
				completion = () -> job.result.complete(value);
			}
			else if (cause instanceof TelegramApiRequestException r && code(r) == 429) {
				rateLimited.incrementAndGet();
				int retryAfter = r.getParameters() != null && r.getParameters().getRetryAfter() != null
						? r.getParameters().getRetryAfter() : 1;
				log.warn("Telegram asked to slow down for {} s", retryAfter);
				lane.pausedUntil = now + TimeUnit.SECONDS.toNanos(retryAfter);
				requeue(job);
			}
			else if (retryable(cause) && now - job.giveUpAt < 0) {
				failed(lane, job, cause, now);
				requeue(job);
			}
			else {
				if (retryable(cause)) {
					givenUp.incrementAndGet();
				}
				log.warn("Telegram call given up ({})", describe(cause));
				Throwable failure = unreadable(cause) ? new UncertainDelivery(cause) : cause;
				completion = () -> job.result.completeExceptionally(failure);
			}
			if (running) {
				schedule(lane, now);
			}
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		if (completion != null) {
			completion.run();
		}
	}

	private void requeue(Job job) {
		job.lane.retry(job);
		deadlines.add(job);
		queued++;
	}

	private void answered(long now) {
		if (down()) {
			log.warn("Telegram answers again after {} s; sending {} held messages in order",
					TimeUnit.NANOSECONDS.toSeconds(now - downSince), queued);
		}
		failuresInARow = 0;
	}

	private void failed(OutboxLane lane, Job job, Throwable cause, long now) {
		failuresInARow++;
		if (failuresInARow == DOWN_AFTER) {
			downSince = now;
			log.warn("Telegram is not answering ({}); holding {} messages and trying again every few seconds",
					describe(cause), queued + 1);
		}
		if (down()) {
			lane.pausedUntil = now;
			probeAt = now + jittered(backoff(failuresInARow - DOWN_AFTER + 1));
		}
		else {
			lane.pausedUntil = now + jittered(backoff(job.attempts));
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
		List<Job> waiting;
		lock.lock();
		try {
			running = false;
			waiting = new ArrayList<>(deadlines);
			deadlines.clear();
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		worker.interrupt();
		waiting.forEach(j -> j.result.cancel(false));
	}

}
