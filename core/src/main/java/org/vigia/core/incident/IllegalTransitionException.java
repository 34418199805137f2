package org.vigia.core.incident;

/** A lifecycle operation that is not allowed from the incident's current state. */
public class IllegalTransitionException extends IllegalStateException {

	private final IncidentState from;

	private final IncidentState to;

	public IllegalTransitionException(IncidentId incident, IncidentState from, IncidentState to) {
		super("incident " + incident + " cannot go from " + from + " to " + to);
		this.from = from;
		this.to = to;
	}

	public IncidentState from() {
		return from;
	}

	public IncidentState to() {
		return to;
	}

}
