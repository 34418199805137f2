package org.vigia.core.accompany;

import org.vigia.core.support.Checks;

/**
 * A registered accompanier's id: the same opaque id as their observer record when they are an observer who
 * also accompanies, else one of its own.
 */
public record AccompanierId(String value) {

	public AccompanierId {
		Checks.token("accompanier id", value, 32);
	}

}
