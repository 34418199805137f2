package org.vigia.core.accompany;

import java.time.Instant;
import java.util.Objects;

/**
 * Something to do about an appointment at a set time, kept in a schedule that survives restarts.
 *
 * @param appointment which
 * @param kind what to do
 * @param at when
 */
public record Due(AppointmentId appointment, Kind kind, Instant at) {

	public enum Kind {

		/** Remind the person and the accompaniers, the day before. */
		REMIND_DAY_BEFORE,
		/** Remind them two hours before. */
		REMIND_TWO_HOURS,
		/** Warn the coordinators if nobody checked in 30 minutes after the appointment time. */
		CHECK_IN_DEADLINE,
		/** Warn the coordinators if it is still not fully covered 48 hours before. */
		UNCOVERED_48H,
		/** Warn them again, more strongly, if it is still not fully covered 24 hours before. */
		UNCOVERED_24H

	}

	public Due {
		Objects.requireNonNull(appointment, "appointment must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(at, "at must not be null");
	}

}
