package org.vigia.bot.incident;

import java.time.Instant;
import java.util.Objects;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Deadline;
import org.vigia.core.incident.DeadlineSchedule;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;

/**
 * When an incident is looked at again: its expiry while unverified, the next widening of its search, and the
 * stale and end deadlines of a confirmed alert. Deadlines live in Redis ({@link DeadlineSchedule}), so they
 * fire after a restart and on one instance only; {@link Verification#due} acts on them.
 */
public final class Deadlines {

	static final String EXPIRE = "deadline";

	static final String WIDEN = "widen";

	private final DeadlineSchedule schedule;

	private final VigiaSettings.Deadlines settings;

	public Deadlines(DeadlineSchedule schedule, VigiaSettings settings) {
		this.schedule = Objects.requireNonNull(schedule, "schedule must not be null");
		this.settings = settings.deadlines();
	}

	/** A new incident expires if nobody verifies it in time. */
	void expiry(Incident incident) {
		schedule.schedule(expiryOf(incident));
	}

	/** As {@link #expiry}, unless a deadline for the incident is scheduled already (recovery). */
	void expiryIfAbsent(Incident incident) {
		schedule.scheduleIfAbsent(expiryOf(incident));
	}

	private Deadline expiryOf(Incident incident) {
		return new Deadline(EXPIRE, incident.id(), incident.openedAt().plus(settings.unverified()));
	}

	/** The search widens, or a silent observer's slot is released, at {@code at}: look again then. */
	void widen(IncidentId id, Instant at) {
		schedule.schedule(new Deadline(WIDEN, id, at));
	}

	static boolean widens(Deadline deadline) {
		return WIDEN.equals(deadline.kind());
	}

	/** A confirmed or published incident goes stale, then ends, unless observers confirm it again. */
	void next(Incident incident) {
		if (incident.state() == IncidentState.PUBLISHED || incident.state() == IncidentState.CONFIRMED) {
			Instant confirmed = IncidentLifecycle.lastConfirmedAt(incident);
			Instant next = IncidentLifecycle.staleSince(incident, confirmed) || incident.state() == IncidentState.CONFIRMED
					? confirmed.plus(settings.publishedEnd())
					: confirmed.plus(settings.publishedStale());
			schedule.schedule(new Deadline(EXPIRE, incident.id(), next));
		}
	}

}
