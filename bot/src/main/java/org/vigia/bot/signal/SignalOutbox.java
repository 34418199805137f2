package org.vigia.bot.signal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.SentRef;

/**
 * The one way out to Signal: every message to a person or a group goes through here, with the guarantees
 * of the Telegram outbox.
 *
 * <p>Design note: a lane per recipient keeps that recipient's messages in order (urgent ones ahead of
 * conversation, in order among themselves) with at most one in flight; a token bucket of one spaces all sends
 * evenly at {@link Limits#perSecond}. One worker thread picks, among the lanes allowed to send, the one whose
 * next message has the highest priority, then the oldest.
 *
 * <p>Failures ({@link SignalFailure.Kind}): {@code UNAVAILABLE} (signal-cli or Signal unreachable, server
 * errors) retries the same message first, with a backoff of its lane; after {@value SendGate#DOWN_AFTER} in a
 * row across recipients Signal counts as down and one message at a time probes it, with a growing pause, until
 * one goes through. {@code RATE_LIMITED} pauses every lane (Signal limits the account, not a chat) for the
 * time Signal asked. {@code PROOF_REQUIRED} holds every lane: Signal wants a captcha solved by a person; the
 * {@link #onChallenge} listeners hear of it once (to tell dispatchers), {@link #challenge()} says since when
 * and how much is held, and {@link #solve} submits an admin's solution, after which the held messages go out,
 * each recipient's in order. If Signal said how long the hold may last, one message probes after that.
 * {@code RECIPIENT_GONE} and {@code BAD_REQUEST} fail that message at once, and {@code UNCERTAIN} too
 * (signal-cli's answer could not be read: the message was probably sent, and sending it again could post
 * an alert twice). A message not sent within {@link Limits#giveUpAfter} of being queued (captcha holds
 * included) is dropped and counted.
 *
 * <p>Messages wait in memory: a process that is killed loses what it held, as the Telegram outbox does;
 * prompts and alerts are recovered by the recovery sweep, not by the outbox. Time comes from the injected
 * clock. Nothing here logs a recipient or a text. Thread-safe.
 */
public final class SignalOutbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SignalOutbox.class);

	/** How long the worker sleeps at most before it looks at the clock again. */
	private static final long MAX_IDLE_MILLIS = 500;

	public enum Priority {

		/** Alerts and observer prompts. */
		URGENT,
		/** Answers in a conversation. */
		NORMAL

	}

	/**
	 * @param perSecond messages per second for the whole account (Signal publishes no figure)
	 * @param personInterval the spacing of messages to one person
	 * @param groupInterval the spacing of messages to one group
	 * @param backoffCap the longest pause between attempts while Signal is unreachable
	 * @param giveUpAfter how long a message is retried or held before it is dropped
	 */
	public record Limits(int perSecond, Duration personInterval, Duration groupInterval, Duration backoffCap,
			Duration giveUpAfter) {

		public static final Limits SIGNAL = new Limits(5, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofMinutes(30));

		public Limits {
			if (perSecond < 1 || perSecond > 1000) {
				throw new IllegalArgumentException("perSecond must be between 1 and 1000, was " + perSecond);
			}
			for (Duration d : new Duration[] { personInterval, groupInterval, backoffCap, giveUpAfter }) {
				if (d == null || d.isNegative()) {
					throw new IllegalArgumentException("outbox durations must be zero or positive, was " + d);
				}
			}
		}

	}

	/**
	 * Signal's demand for a captcha, as dispatchers should hear it.
	 *
	 * @param since when the first message was refused for it
	 * @param held how many messages wait for it
	 */
	public record Challenge(Instant since, int held) {
	}

	/** What became of a submitted captcha. */
	public enum Solved {

		/** Signal accepted it: held messages are on their way. */
		ACCEPTED,
		/** Signal refused it (outdated, already used, solved from another address): solve a new one. */
		REJECTED,
		/** Nothing is held for a captcha. */
		NOT_NEEDED,
		/** signal-cli could not be reached: try again. */
		UNAVAILABLE

	}

	private final class Job {

		final Address to;

		final SignalOutgoing message;

		final Priority priority;

		final long seq = sequence.incrementAndGet();

		final long giveUpAt;

		final CompletableFuture<SentRef> result = new CompletableFuture<>();

		int attempts;

		/** Sent while a captcha demand held the rest: its going through lifts the demand. */
		boolean probe;

		Job(Address to, SignalOutgoing message, Priority priority, long now) {
			this.to = to;
			this.message = message;
			this.priority = priority;
			this.giveUpAt = now + limits.giveUpAfter().toMillis();
		}

		boolean before(Job other) {
			return priority != other.priority ? priority.ordinal() < other.priority.ordinal() : seq < other.seq;
		}

	}

	private static final class Lane {

		final LinkedList<Job> jobs = new LinkedList<>();

		final long intervalMillis;

		long readyAt;

		boolean inFlight;

		Lane(long intervalMillis) {
			this.intervalMillis = intervalMillis;
		}

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

	private final SignalClient client;

	private final Limits limits;

	private final Clock clock;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong givenUp = new AtomicLong();

	private final AtomicLong rateLimited = new AtomicLong();

	private final Map<Address, Lane> lanes = new HashMap<>();

	private final List<Consumer<Challenge>> listeners = new CopyOnWriteArrayList<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final Thread worker;

	private double tokens = 1;

	private long refilledAt;

	private final SendGate gate;

	/** Whether Signal counted as down after the last failure: its going down is logged once. */
	private boolean wasDown;

	private int inFlight;

	private volatile boolean running = true;

	public SignalOutbox(SignalClient client, Limits limits, Clock clock) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.limits = Objects.requireNonNull(limits, "limits must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.refilledAt = clock.millis();
		this.gate = new SendGate(limits.backoffCap());
		this.worker = new Thread(this::run, "vigia-signal-outbox");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Queues a message. The future completes with the reference of the sent message (its timestamp), or fails
	 * with a {@link SignalFailure} that cannot be retried, or with a {@link TimeoutException} (its cause: the
	 * last failure, if any) once the message could not be sent within {@link Limits#giveUpAfter}.
	 */
	public CompletableFuture<SentRef> send(Address to, SignalOutgoing message, Priority priority) {
		Objects.requireNonNull(to, "to must not be null");
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(priority, "priority must not be null");
		lock.lock();
		try {
			var job = new Job(to, message, priority, clock.millis());
			if (!running) {
				job.result.completeExceptionally(new IllegalStateException("the Signal outbox is closed"));
			}
			else {
				long interval = (to.isPerson() ? limits.personInterval() : limits.groupInterval()).toMillis();
				lanes.computeIfAbsent(to, a -> new Lane(interval)).add(job);
				changed.signalAll();
			}
			return job.result;
		}
		finally {
			lock.unlock();
		}
	}

	/** Called once for each new captcha demand, on the outbox's thread: keep it short (queue a message). */
	public void onChallenge(Consumer<Challenge> listener) {
		listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
	}

	/** The captcha demand holding messages now, if any. */
	public Optional<Challenge> challenge() {
		lock.lock();
		try {
			return gate.challenge() == null ? Optional.empty()
					: Optional.of(new Challenge(gate.demandedSince(), held()));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Submits an admin's solution of Signal's captcha (the {@code signalcaptcha://…} link from
	 * signalcaptchas.org) for the demand holding messages. Blocks for one call to signal-cli.
	 */
	public Solved solve(String captcha) {
		String token;
		lock.lock();
		try {
			token = gate.challenge();
		}
		finally {
			lock.unlock();
		}
		if (token == null) {
			return Solved.NOT_NEEDED;
		}
		String solution = captcha == null ? "" : captcha.strip();
		if (solution.isEmpty() || solution.length() > 10_000 || solution.chars().anyMatch(c -> c <= ' ')) {
			return Solved.REJECTED;
		}
		try {
			client.submitChallenge(token, solution);
		}
		catch (SignalFailure failure) {
			log.warn("The captcha was not accepted ({})", failure.kind());
			return failure.kind() == SignalFailure.Kind.UNAVAILABLE ? Solved.UNAVAILABLE : Solved.REJECTED;
		}
		lock.lock();
		try {
			if (gate.lift(token)) {
				log.warn("Signal accepted the captcha; sending {} held messages", held());
				changed.signalAll();
			}
		}
		finally {
			lock.unlock();
		}
		return Solved.ACCEPTED;
	}

	/** How many messages were dropped after their horizon. */
	public long givenUp() {
		return givenUp.get();
	}

	/** How many times Signal refused a message for rate limits or a captcha demand. */
	public long rateLimited() {
		return rateLimited.get();
	}

	private int held() {
		int held = inFlight;
		for (Lane lane : lanes.values()) {
			held += lane.jobs.size();
		}
		return held;
	}

	private void run() {
		while (running) {
			List<Runnable> after = new ArrayList<>();
			lock.lock();
			try {
				long now = clock.millis();
				refill(now);
				lanes.values().forEach(lane -> dropExpired(lane, now));
				long wakeAt = now + MAX_IDLE_MILLIS;
				Lane best = null;
				if (gate.open(now, inFlight)) {
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
						wakeAt = Math.min(wakeAt, now + (long) Math.ceil((1 - tokens) * 1000 / limits.perSecond()));
						best = null;
					}
				}
				else if (gate.opensAt() > now) {
					wakeAt = Math.min(wakeAt, gate.opensAt());
				}
				if (best == null) {
					changed.await(Math.max(1, wakeAt - now), TimeUnit.MILLISECONDS);
					continue;
				}
				Job job = best.jobs.pollFirst();
				job.probe = gate.challenge() != null;
				tokens -= 1;
				best.inFlight = true;
				inFlight++;
				Lane lane = best;
				after.add(() -> dispatch(lane, job));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				lock.unlock();
			}
			after.forEach(Runnable::run);
		}
	}

	private void refill(long now) {
		tokens = Math.min(1, tokens + (now - refilledAt) / 1000.0 * limits.perSecond());
		refilledAt = now;
	}

	private void dropExpired(Lane lane, long now) {
		while (!lane.jobs.isEmpty() && now > lane.jobs.peekFirst().giveUpAt) {
			Job job = lane.jobs.pollFirst();
			givenUp.incrementAndGet();
			log.warn("A Signal message was dropped: not sent within {}", limits.giveUpAfter());
			job.result.completeExceptionally(horizon(null));
		}
	}

	private void dispatch(Lane lane, Job job) {
		job.attempts++;
		CompletableFuture<SignalClient.Sent> call;
		try {
			call = client.send(job.to, job.message);
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((sent, error) -> finished(lane, job, sent, error));
	}

	private void finished(Lane lane, Job job, SignalClient.Sent sent, Throwable error) {
		List<Challenge> toTell = new ArrayList<>();
		lock.lock();
		try {
			lane.inFlight = false;
			inFlight--;
			long now = clock.millis();
			SignalFailure failure = failure(error);
			if (error == null) {
				answered();
				lane.readyAt = now + lane.intervalMillis;
				if (sent.challenge() != null) {
					// a group send reached some members and met a captcha demand for others
					demanded(sent.challenge(), null, now).ifPresent(toTell::add);
				}
				else if (job.probe && gate.lift(null)) {
					// only a message sent under the demand proves it lifted, not one already on its way before
					log.warn("Signal takes messages again without a captcha; sending {} held messages", held());
				}
				job.result.complete(new SentRef(job.to, Long.toString(sent.timestamp()),
						Instant.ofEpochMilli(sent.timestamp())));
			}
			else if (failure != null && failure.kind() == SignalFailure.Kind.PROOF_REQUIRED) {
				rateLimited.incrementAndGet();
				demanded(failure.challenge(), failure.retryAfter(), now).ifPresent(toTell::add);
				lane.jobs.addFirst(job);
			}
			else if (failure != null && failure.kind() == SignalFailure.Kind.RATE_LIMITED) {
				rateLimited.incrementAndGet();
				Duration pause = gate.rateLimited(now, failure.retryAfter());
				log.warn("Signal asked to slow down: pausing every message for {} s", pause.toSeconds());
				lane.jobs.addFirst(job);
			}
			else if (failure != null && failure.kind() == SignalFailure.Kind.UNAVAILABLE && now <= job.giveUpAt) {
				failed(lane, job, failure, now);
				lane.jobs.addFirst(job);
			}
			else {
				if (failure == null || failure.kind() != SignalFailure.Kind.UNAVAILABLE) {
					answered();
				}
				else {
					givenUp.incrementAndGet();
				}
				lane.readyAt = now + lane.intervalMillis;
				log.warn("A Signal message was given up ({})", failure == null ? error.getClass().getSimpleName()
						: failure.kind());
				job.result.completeExceptionally(failure != null && failure.kind() == SignalFailure.Kind.UNAVAILABLE
						? horizon(failure) : failure != null ? failure : error);
			}
		}
		finally {
			changed.signalAll();
			lock.unlock();
		}
		for (Challenge challenge : toTell) {
			for (Consumer<Challenge> listener : listeners) {
				try {
					listener.accept(challenge);
				}
				catch (RuntimeException ex) {
					log.warn("A captcha listener failed: {}", ex.getClass().getSimpleName());
				}
			}
		}
	}

	/** A new demand (or a new token for it): held from now; the returned challenge is to be told. */
	private Optional<Challenge> demanded(String token, Duration retryAfter, long now) {
		if (!gate.demanded(token, retryAfter, now)) {
			return Optional.empty();
		}
		log.warn("Signal demands a captcha: holding {} messages until an admin submits one (README, captcha runbook)",
				held() + 1);
		return Optional.of(new Challenge(gate.demandedSince(), held() + 1));
	}

	private void answered() {
		if (gate.down()) {
			log.warn("Signal answers again; sending {} held messages in order", held());
		}
		gate.answered();
	}

	private void failed(Lane lane, Job job, SignalFailure failure, long now) {
		lane.readyAt = gate.failed(now, job.attempts);
		if (gate.down() && !wasDown) {
			log.warn("Signal is not answering ({}); holding {} messages and trying again now and then", failure.kind(),
					held() + 1);
		}
		wasDown = gate.down();
	}

	/** What a message dropped after its horizon fails with, whatever the last attempt met. */
	private static TimeoutException horizon(Throwable last) {
		var timeout = new TimeoutException("not sent within its horizon");
		timeout.initCause(last);
		return timeout;
	}

	private static SignalFailure failure(Throwable error) {
		Throwable t = error;
		while (t != null) {
			if (t instanceof SignalFailure f) {
				return f;
			}
			t = t.getCause();
		}
		return null;
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
