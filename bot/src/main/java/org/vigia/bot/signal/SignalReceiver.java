package org.vigia.bot.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what people send the bot on Signal, without losing or repeating a message across restarts.
 *
 * <p>Design note: signal-cli runs with {@code --receive-mode=manual}, so messages wait on Signal's servers
 * while the bot is stopped or cut off; nothing is pushed to the bot. One thread loops: it handles what waits in
 * the {@link SignalInbox} (what a dead process left, what this one kept), then pulls with {@code receive} and
 * keeps what came in the inbox before handling any of it. signal-cli acknowledges messages to Signal's servers
 * before it answers, so the answer is never cut short: the HTTP call waits as long as signal-cli may take
 * ({@link SignalClient#receive}), and {@link #close()} waits for a call in progress instead of interrupting it.
 * If Redis fails, received messages stay in memory and nothing more is pulled until they are kept.
 *
 * <p>The handler runs on this thread, one message at a time, in order; a message it throws on is done with
 * all the same (logged by kind, never by content), so one bad message cannot stop the others. What cannot be
 * recovered: messages of a {@code receive} answer that was on its way when the process was killed (SIGKILL)
 * or when the connection broke: signal-cli has already acknowledged them. Nothing here logs a sender or a text.
 */
public final class SignalReceiver implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SignalReceiver.class);

	/**
	 * @param pollWait how long one {@code receive} waits for the next message (signal-cli answers that long after
	 * the last one): the longest a stop waits, per message, for a call in progress
	 * @param maxMessages the most messages one {@code receive} brings
	 * @param backoffCap the longest pause after failures
	 */
	public record Settings(Duration pollWait, int maxMessages, Duration backoffCap) {

		public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), 20, Duration.ofSeconds(10));

		public Settings {
			if (pollWait == null || pollWait.toMillis() < 100 || pollWait.compareTo(Duration.ofMinutes(5)) > 0) {
				throw new IllegalArgumentException("pollWait must be between 100 ms and 5 minutes, was " + pollWait);
			}
			if (maxMessages < 1 || maxMessages > 1000) {
				throw new IllegalArgumentException("maxMessages must be between 1 and 1000, was " + maxMessages);
			}
			if (backoffCap == null || backoffCap.isNegative() || backoffCap.isZero()) {
				throw new IllegalArgumentException("backoffCap must be positive, was " + backoffCap);
			}
		}

	}

	private final SignalClient client;

	private final SignalInbox inbox;

	private final Consumer<SignalMessage> handler;

	private final Settings settings;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wake = lock.newCondition();

	/** Received but not yet kept in the inbox (Redis failed). */
	private final List<SignalMessage> unkept = new ArrayList<>();

	/** Handled but not yet marked done (Redis failed): not handled again. */
	private final Set<String> handledNotDone = new HashSet<>();

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong handled = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private Thread thread;

	private volatile boolean running;

	private int failures;

	public SignalReceiver(SignalClient client, SignalInbox inbox, Consumer<SignalMessage> handler, Settings settings) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.inbox = Objects.requireNonNull(inbox, "inbox must not be null");
		this.handler = Objects.requireNonNull(handler, "handler must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
	}

	public synchronized void start() {
		if (thread != null) {
			throw new IllegalStateException("already started");
		}
		running = true;
		thread = new Thread(this::run, "vigia-signal-receive");
		thread.setDaemon(true);
		thread.start();
	}

	/** Messages signal-cli handed over (before de-duplication). */
	public long received() {
		return received.get();
	}

	/** Messages given to the handler. */
	public long handled() {
		return handled.get();
	}

	/** Items signal-cli handed over that were not messages from a person, or were forged. */
	public long dropped() {
		return dropped.get();
	}

	/** Messages handed over again and not handled again. */
	public long duplicates() {
		return duplicates.get();
	}

	private void run() {
		while (running) {
			try {
				handleWaiting();
				keep();
				if (!running) {
					break;
				}
				SignalEnvelopes.Batch batch = client.receive(settings.pollWait(), settings.maxMessages());
				received.addAndGet(batch.messages().size() + batch.droppedCount());
				if (batch.droppedCount() > 0) {
					dropped.addAndGet(batch.droppedCount());
					log.info("Signal items not from a person, or not for this account, left out: {}", batch.dropped());
				}
				unkept.addAll(batch.messages());
				keep();
				failures = 0;
			}
			catch (SignalFailure failure) {
				pause(failure.kind() == SignalFailure.Kind.ALREADY_RECEIVING
						? "something else is receiving from signal-cli (an event-stream client?)"
						: "signal-cli: " + failure.kind());
			}
			catch (RuntimeException ex) {
				pause("Redis: " + causes(ex));
			}
		}
		// what was received and could not be kept is handled now rather than lost with this process
		try {
			keep();
			handleWaiting();
		}
		catch (RuntimeException ex) {
			if (!unkept.isEmpty()) {
				log.warn("Stopping with {} received Signal messages that Redis did not take: they are lost",
						unkept.size());
			}
		}
	}

	/** Keeps what was received in the inbox; throws (and keeps it in memory) if Redis fails. */
	private void keep() {
		if (unkept.isEmpty()) {
			return;
		}
		int added = inbox.add(unkept);
		duplicates.addAndGet(unkept.size() - added);
		unkept.clear();
	}

	private void handleWaiting() {
		for (String id : List.copyOf(handledNotDone)) {
			inbox.done(id);
			handledNotDone.remove(id);
		}
		while (true) {
			List<SignalInbox.Entry> entries = inbox.take(settings.maxMessages());
			entries = entries.stream().filter(e -> !handledNotDone.contains(e.id())).toList();
			if (entries.isEmpty()) {
				return;
			}
			for (SignalInbox.Entry entry : entries) {
				try {
					handler.accept(entry.message());
				}
				catch (RuntimeException | Error ex) {
					if (ex instanceof VirtualMachineError) {
						throw ex;
					}
					log.warn("Handling a Signal message failed ({}); going on with the next", ex.getClass().getSimpleName());
				}
				handled.incrementAndGet();
				handledNotDone.add(entry.id());
				inbox.done(entry.id());
				handledNotDone.remove(entry.id());
			}
		}
	}

	/** The classes of an exception's causes, never their messages (they may quote data). */
	private static String causes(Throwable ex) {
		var names = new StringBuilder();
		for (Throwable t = ex; t != null && names.length() < 200; t = t.getCause()) {
			names.append(names.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
		}
		return names.toString();
	}

	private void pause(String why) {
		failures++;
		long millis = Math.min(settings.backoffCap().toMillis(), 250L << Math.min(20, failures - 1));
		if (failures == 1 || failures % 10 == 0) {
			log.warn("Signal receiving paused ({}), trying again in {} ms", why, millis);
		}
		lock.lock();
		try {
			if (running) {
				wake.await(millis, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Stops after the call in progress: it is waited for, not interrupted, since signal-cli has acknowledged what
	 * it carries; what it brings is kept and handled before the thread ends.
	 */
	@Override
	public void close() {
		Thread t;
		synchronized (this) {
			t = thread;
			running = false;
		}
		lock.lock();
		try {
			wake.signalAll();
		}
		finally {
			lock.unlock();
		}
		if (t == null) {
			return;
		}
		try {
			long longest = settings.pollWait().multipliedBy(settings.maxMessages() + 2L).toMillis() + 30_000;
			t.join(longest);
			if (t.isAlive()) {
				log.warn("Signal receiving did not stop within {} ms; interrupting it", longest);
				t.interrupt();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
