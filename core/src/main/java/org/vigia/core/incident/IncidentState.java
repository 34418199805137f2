package org.vigia.core.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of DESIGN.md: {@code NEW → DISPATCHED → CONFIRMED → PUBLISHED → ENDED}, with the side
 * exits {@code NOT_ICE}, {@code UNFOUNDED} and {@code EXPIRED}.
 */
public enum IncidentState {

	NEW, DISPATCHED, CONFIRMED, PUBLISHED, ENDED, NOT_ICE, UNFOUNDED, EXPIRED;

	private static final Set<IncidentState> CLOSED = EnumSet.of(ENDED, NOT_ICE, UNFOUNDED, EXPIRED);

	/** Closed incidents take no more reports or verdicts and are purged after retention. */
	public boolean closed() {
		return CLOSED.contains(this);
	}

	/** Open incidents take new reports: everything that is not closed. */
	public boolean open() {
		return !closed();
	}

	/** Still waiting for a verdict. */
	public boolean unverified() {
		return this == NEW || this == DISPATCHED;
	}

}
