package org.vigia.core.incident;

import java.time.Instant;

/**
 * When a confirmed scene is disputed (SECURITY.md, "Disputed alerts").
 *
 * <p>The rule: among the verdicts given after the scene was first confirmed, those that saw no immigration
 * enforcement (local police, another agency, nothing there) must be at least a quorum of observers (or
 * include a lead observer's) and outnumber the later "ICE confirmed" ones. Verdicts given up to the moment
 * of confirmation do not count: they made it. A disputed confirmation stands (only a dispatcher undoes
 * it); dispatchers are warned at once and the channel post says it is disputed. "Nothing there" counts
 * against the confirmation too, though it may only mean that the agents left: a dispatcher tells which.
 *
 * <p>The lifecycle records each change as an event ({@value #DISPUTED}, {@value #SETTLED}), so that whether
 * an incident is disputed is read from its history, the same on every instance and after a restart.
 */
public final class DisputeRule {

	static final String DISPUTED = "disputed";

	static final String SETTLED = "dispute-settled";

	private final int quorum;

	DisputeRule(int quorum) {
		this.quorum = quorum;
	}

	/** Whether the rule holds for the incident as it is now. */
	boolean holds(Incident incident) {
		if (incident.state() != IncidentState.CONFIRMED && incident.state() != IncidentState.PUBLISHED) {
			return false;
		}
		Instant confirmedAt = incident.history().stream().filter(e -> e.transition() && e.to() == IncidentState.CONFIRMED)
			.map(IncidentEvent::at).findFirst().orElse(null);
		if (confirmedAt == null) {
			return false;
		}
		int disputing = 0;
		int confirming = 0;
		boolean lead = false;
		for (Verdict v : incident.verdicts()) {
			if (!v.at().isAfter(confirmedAt)) {
				continue;
			}
			if (v.kind() == VerdictKind.ICE_CONFIRMED) {
				confirming++;
			}
			else {
				disputing++;
				lead |= v.lead();
			}
		}
		return (disputing >= quorum || lead) && disputing > confirming;
	}

	/** Whether the incident's confirmation is disputed now (its latest dispute event says so). */
	public static boolean disputed(Incident incident) {
		for (int i = incident.history().size() - 1; i >= 0; i--) {
			String reason = incident.history().get(i).reason();
			if (DISPUTED.equals(reason)) {
				return true;
			}
			if (SETTLED.equals(reason)) {
				return false;
			}
		}
		return false;
	}

	/** When the confirmation was last found disputed, if it ever was. */
	public static java.util.Optional<Instant> since(Incident incident) {
		Instant at = null;
		for (IncidentEvent e : incident.history()) {
			if (DISPUTED.equals(e.reason())) {
				at = e.at();
			}
		}
		return java.util.Optional.ofNullable(at);
	}

	/** Whether this step made the confirmation disputed: the moment dispatchers must be warned. */
	public static boolean becameDisputed(Transition transition) {
		return transition.events().stream().anyMatch(e -> DISPUTED.equals(e.reason()));
	}

}
