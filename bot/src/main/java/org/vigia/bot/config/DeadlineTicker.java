package org.vigia.bot.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.vigia.bot.incident.Verification;
import org.vigia.store.Deadline;
import org.vigia.store.RedisDeadlineSchedule;

/**
 * Fires due deadlines (expiry, widening the dispatch radius, stale and ended alerts) once a second. The
 * schedule lives in Redis and each deadline is claimed with a lease, so after a restart they still fire,
 * and with two instances each fires once.
 */
final class DeadlineTicker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeadlineTicker.class);

	private final RedisDeadlineSchedule schedule;

	private final Verification verification;

	private ScheduledExecutorService timer;

	DeadlineTicker(RedisDeadlineSchedule schedule, Verification verification) {
		this.schedule = schedule;
		this.verification = verification;
	}

	void tick() {
		try {
			for (Deadline deadline : schedule.claimDue(50, Duration.ofSeconds(60))) {
				try {
					verification.due(deadline);
					schedule.complete(deadline);
				}
				catch (RuntimeException ex) {
					log.warn("A {} deadline failed: {}", deadline.kind(), ex.getClass().getSimpleName());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Deadlines not checked: {}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigia-deadlines"));
		timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return timer != null;
	}

}
