package org.vigia.core.incident;

import java.util.List;
import java.util.Objects;

/**
 * The result of a lifecycle operation: the incident after it, and the events it produced (already
 * appended to the incident's history).
 */
public record Transition(Incident incident, List<IncidentEvent> events) {

	public Transition {
		Objects.requireNonNull(incident, "incident must not be null");
		events = List.copyOf(events);
	}

	/** Whether the state changed. */
	public boolean changedState() {
		return events.stream().anyMatch(IncidentEvent::transition);
	}

}
