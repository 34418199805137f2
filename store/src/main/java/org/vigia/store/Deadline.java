package org.vigia.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.vigia.core.incident.IncidentId;
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

	String member() {
		return kind + ":" + incident.value();
	}

	static Deadline parse(String member, double score) {
		int colon = member.indexOf(':');
		return new Deadline(member.substring(0, colon), new IncidentId(member.substring(colon + 1)),
				Instant.ofEpochMilli((long) score));
	}

}
