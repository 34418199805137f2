package org.vigia.core.neighborhood;

import org.vigia.core.support.Checks;

/** Stable id of a neighborhood, derived from its name (a slug) unless given. */
public record NeighborhoodId(String value) {

	public NeighborhoodId {
		Checks.token("neighborhood id", value, 64);
	}

	@Override
	public String toString() {
		return value;
	}

}
