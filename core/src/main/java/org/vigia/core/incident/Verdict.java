package org.vigia.core.incident;

import java.time.Instant;
import java.util.Objects;

import org.vigia.core.observer.ObserverId;
import org.vigia.core.support.Checks;

/**
 * One observer's answer to "what did you see?".
 *
 * @param observer who answered
 * @param kind what they saw
 * @param lead whether the observer was a lead observer when answering (a lead alone makes quorum)
 * @param at when
 * @param note optional, at most 500 characters
 */
public record Verdict(ObserverId observer, VerdictKind kind, boolean lead, Instant at, String note) {

	public Verdict {
		Objects.requireNonNull(observer, "observer must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(at, "at must not be null");
		Checks.optionalText("note", note, 500);
	}

}
