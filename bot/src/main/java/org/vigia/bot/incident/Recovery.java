package org.vigia.bot.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.StoreUnavailableException;

/**
 * Finishes what a killed process left half-done (SIGKILL, out of memory, a power cut between writing an
 * incident and acting on it): an incident opened but never dispatched, prompts that never reached the
 * observers asked, a confirmed alert never posted or never marked PUBLISHED.
 *
 * <p>Design note: the sweep is level-triggered. It keeps no record of what was in flight; it looks at every
 * open incident that nobody touched for {@code grace}, and asks {@link Verification} to make its side
 * effects match its state. Claims with heartbeats ({@link org.vigia.store.RedisInstances}) make that safe
 * while other instances run, and make it a no-op for work that was done: a prompt delivered or being sent
 * by a live process is not sent again. Every instance sweeps; there is nothing to coordinate.
 */
public final class Recovery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Recovery.class);

	private final RedisIncidentStore incidents;

	private final Verification verification;

	private final Clock clock;

	private final Duration interval;

	private final Duration grace;

	private ScheduledExecutorService timer;

	public Recovery(RedisIncidentStore incidents, Verification verification, Clock clock, Duration interval,
			Duration grace) {
		this.incidents = incidents;
		this.verification = verification;
		this.clock = clock;
		this.interval = interval;
		this.grace = grace;
	}

	/** One pass over the open incidents. */
	public void sweep() {
		Instant settled = clock.instant().minus(grace);
		for (Incident incident : incidents.open()) {
			if (lastChange(incident).isAfter(settled)) {
				continue;
			}
			try {
				if (incident.state().unverified()) {
					verification.resume(incident);
				}
				else if (incident.state() == IncidentState.CONFIRMED) {
					verification.republish(incident);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Recovering an incident failed: {}", ex.getClass().getSimpleName());
			}
		}
	}

	private static Instant lastChange(Incident incident) {
		return incident.history().isEmpty() ? incident.openedAt()
				: incident.history().get(incident.history().size() - 1).at();
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (StoreUnavailableException ex) {
			log.debug("Redis unavailable: recovery sweep skipped");
		}
		catch (RuntimeException ex) {
			log.warn("Recovery sweep failed: {}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			var thread = new Thread(r, "vigia-recovery");
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
