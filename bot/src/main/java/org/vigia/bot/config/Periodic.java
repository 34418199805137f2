package org.vigia.bot.config;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.vigia.core.support.StoreUnavailableException;

/**
 * A task the bot runs at a fixed delay while it runs (deadlines, the recovery sweep, the heartbeat), on a
 * daemon thread of its own. A run that fails is logged by class and the next one comes on time: an
 * executor's schedule would stop for good at the first exception. Redis being unavailable is expected
 * during an outage and logged at debug level only.
 */
final class Periodic implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Periodic.class);

	private final String name;

	private final Duration every;

	private final Runnable task;

	private final boolean first;

	private final Runnable onStop;

	private final int phase;

	private ScheduledExecutorService timer;

	/**
	 * @param name the thread's name, also in log lines
	 * @param first whether to run once, synchronously, when started (before anything of a later phase)
	 * @param onStop what to do once stopped (may be a no-op)
	 * @param phase the lifecycle phase ({@link SmartLifecycle#DEFAULT_PHASE} if nothing depends on it)
	 */
	private Periodic(String name, Duration every, boolean first, Runnable task, Runnable onStop, int phase) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.every = Objects.requireNonNull(every, "every must not be null");
		this.task = Objects.requireNonNull(task, "task must not be null");
		this.first = first;
		this.onStop = Objects.requireNonNull(onStop, "onStop must not be null");
		this.phase = phase;
	}

	static Periodic every(String name, Duration every, Runnable task) {
		return new Periodic(name, every, false, task, () -> {
		}, DEFAULT_PHASE);
	}

	/** Runs once when started, then every {@code every}; {@code onStop} when stopped; in this phase. */
	static Periodic startingWith(String name, Duration every, Runnable task, Runnable onStop, int phase) {
		return new Periodic(name, every, true, task, onStop, phase);
	}

	private void runSafely() {
		try {
			task.run();
		}
		catch (StoreUnavailableException ex) {
			log.debug("{}: Redis unavailable, skipped", name);
		}
		catch (RuntimeException ex) {
			log.warn("{} failed: {}", name, ex.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		if (first) {
			runSafely();
		}
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			var thread = new Thread(r, name);
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(this::runSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
		runOnStop();
	}

	private void runOnStop() {
		try {
			onStop.run();
		}
		catch (RuntimeException ex) {
			log.debug("{}: stopping failed: {}", name, ex.getClass().getSimpleName());
		}
	}

	@Override
	public boolean isRunning() {
		return timer != null;
	}

	@Override
	public int getPhase() {
		return phase;
	}

}
