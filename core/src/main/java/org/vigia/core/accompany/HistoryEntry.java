package org.vigia.core.accompany;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an appointment's history, for the console.
 *
 * @param at when
 * @param event what happened
 * @param accompanier the accompanier it concerns, null when none does
 */
public record HistoryEntry(Instant at, Event event, AccompanierId accompanier) {

	public enum Event {

		REQUESTED, ASKED, ACCEPTED, DECLINED, ASSIGNED_BY_HAND, FAMILY_JOINED, MET, INSIDE, DONE_TOGETHER, DETAINED,
		CANCELLED_BY_PERSON, CANCELLED_BY_ACCOMPANIER, CASE_CLOSED

	}

	public HistoryEntry {
		Objects.requireNonNull(at, "at must not be null");
		Objects.requireNonNull(event, "event must not be null");
	}

}
