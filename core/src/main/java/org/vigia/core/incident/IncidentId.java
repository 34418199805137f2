package org.vigia.core.incident;

import org.vigia.core.support.Checks;

/** Opaque id of an incident. Short, so that it fits into button data with room to spare. */
public record IncidentId(String value) {

	public IncidentId {
		Checks.token("incident id", value, 24);
	}

	@Override
	public String toString() {
		return value;
	}

}
