package org.vigia.core.incident;

import org.vigia.core.support.Checks;

/** Opaque id of an incident. Short, so that it fits into button data with room to spare. */
public record IncidentId(String value) {

	public IncidentId {
		Checks.token("incident id", value, 24);
	}

	/** Starts the id of every drill incident; real ids are base-36 digits and letters only, never with a dash. */
	public static final String DRILL_PREFIX = "drill-";

	/** Whether this is a practice scene of a drill, never a real one: never merged, posted or told to residents. */
	public boolean drill() {
		return value.startsWith(DRILL_PREFIX);
	}

	@Override
	public String toString() {
		return value;
	}

}
