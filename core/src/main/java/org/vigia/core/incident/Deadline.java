package org.vigia.core.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * Something that must happen to an incident at a time (widen the dispatch, expire, mark stale, end).
 *
 * @param kind a short token, e.g. {@code widen}, {@code expire}
 * @param incident which incident
 * @param due when, kept to the millisecond (the schedule's resolution)
 */
public record Deadline(String kind, IncidentId incident, Instant due) {

	public Deadline {
		Checks.token("deadline kind", kind, 16);
		Objects.requireNonNull(incident, "incident must not be null");
		Objects.requireNonNull(due, "due must not be null");
		due = due.truncatedTo(ChronoUnit.MILLIS);
	}

}
