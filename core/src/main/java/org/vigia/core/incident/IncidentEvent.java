package org.vigia.core.incident;

import java.time.Instant;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * One entry of an incident's history (its audit trail): a transition, or a notable step that did not
 * change the state (a report merged, an observer asked).
 *
 * @param at when
 * @param actor who, as a kind
 * @param from the state before
 * @param to the state after (equal to {@code from} for steps that change no state)
 * @param reason a short machine-readable reason, e.g. {@code quorum:2-observers}, at most 120 characters
 */
public record IncidentEvent(Instant at, ActorKind actor, IncidentState from, IncidentState to, String reason) {

	public IncidentEvent {
		Objects.requireNonNull(at, "at must not be null");
		Objects.requireNonNull(actor, "actor must not be null");
		Objects.requireNonNull(from, "from must not be null");
		Objects.requireNonNull(to, "to must not be null");
		Checks.text("reason", reason, 120);
	}

	public boolean transition() {
		return from != to;
	}

}
