package org.vigia.core.cluster;

import java.util.Objects;

import org.vigia.core.incident.Incident;

/**
 * Where a new report went: into an existing incident, or a new one it opened.
 *
 * @param incident the incident after the report was added
 * @param opened true when the report opened this incident
 */
public record Placement(Incident incident, boolean opened) {

	public Placement {
		Objects.requireNonNull(incident, "incident must not be null");
	}

}
