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
 * @param newcomer whether the observer had joined only recently when answering
 * ({@code VigiaSettings.Quorum#newcomer}): newcomers cannot make a quorum among themselves
 */
public record Verdict(ObserverId observer, VerdictKind kind, boolean lead, Instant at, String note,
		boolean newcomer) {

	public Verdict {
		Objects.requireNonNull(observer, "observer must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(at, "at must not be null");
		Checks.optionalText("note", note, 500);
	}

	/** The verdict of an observer who is not a newcomer. */
	public Verdict(ObserverId observer, VerdictKind kind, boolean lead, Instant at, String note) {
		this(observer, kind, lead, at, note, false);
	}

}
