package org.vigia.bot.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.IncidentStore;

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
public final class Recovery {

	private static final Logger log = LoggerFactory.getLogger(Recovery.class);

	private final IncidentStore incidents;

	private final Verification verification;

	private final Clock clock;

	private final Duration grace;

	/** @param grace how long an incident must be left alone before its side effects count as left undone */
	public Recovery(IncidentStore incidents, Verification verification, Clock clock, Duration grace) {
		this.incidents = incidents;
		this.verification = verification;
		this.clock = clock;
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

}
