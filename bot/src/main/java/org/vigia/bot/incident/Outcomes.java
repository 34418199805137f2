package org.vigia.bot.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.DisputeRule;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Transition;
import org.vigia.core.stats.Stats;

/**
 * What follows a change of an incident's state, whoever made it (observers' verdicts, a dispatcher, a deadline):
 * publish, edit posts, tell residents, start retention. Also the changes that are not an observer's to make: a
 * dispatcher's decisions, a surge of reports, a deadline that came due.
 */
public final class Outcomes {

	private final Changes changes;

	private final Publishing publishing;

	private final Verification.Notices notices;

	private final Retention retention;

	private final Stats stats;

	private final IncidentLifecycle lifecycle;

	private final Clock clock;

	public Outcomes(Changes changes, Publishing publishing, Verification.Notices notices, Retention retention,
			Stats stats, VigiaSettings settings, Clock clock) {
		this.changes = changes;
		this.publishing = publishing;
		this.notices = notices;
		this.retention = retention;
		this.stats = stats;
		this.lifecycle = new IncidentLifecycle(settings);
		this.clock = clock;
	}

	/**
	 * A counted verdict: what follows a change of state, or the posts edited; a verdict that makes a confirmation
	 * disputed warns dispatchers at once.
	 *
	 * @param incident the incident as the verdict left it in the store
	 */
	void counted(Transition transition, Incident incident) {
		if (transition.changedState()) {
			after(incident);
		}
		else if (incident.state() == IncidentState.PUBLISHED) {
			publishing.update(incident);
		}
		if (DisputeRule.becameDisputed(transition)) {
			stats.count("disputes");
			changes.announce(incident);
			notices.disputed(incident);
		}
		notices.changed(incident);
	}

	/**
	 * An unverified scene drew a surge of reports: recorded in its history, dispatchers are warned, observers'
	 * prompts say so; nothing is published.
	 */
	void surge(Incident incident) {
		stats.count("surges");
		Incident surged = changes.change(incident.id(), i -> i.state().unverified()
				? Optional.of(lifecycle.surge(i, clock.instant())) : Optional.empty())
			.map(Transition::incident)
			.orElse(incident);
		notices.surge(surged);
		changes.announce(surged);
		notices.changed(surged);
	}

	Optional<Incident> dispatcherConfirm(IncidentId id, String reason) {
		return decided(changes.change(id, i -> Optional.of(lifecycle.dispatcherConfirm(i, reason, clock.instant()))));
	}

	Optional<Incident> dispatcherReject(IncidentId id, IncidentState outcome, String reason) {
		return decided(changes.change(id,
				i -> Optional.of(lifecycle.dispatcherReject(i, outcome, reason, clock.instant()))));
	}

	Optional<Incident> dispatcherEnd(IncidentId id, String reason) {
		return decided(changes.change(id,
				i -> Optional.of(lifecycle.end(i, ActorKind.DISPATCHER, reason, clock.instant()))));
	}

	/** An expiry, stale or end deadline came due: the incident moves on if it is time. */
	void deadline(IncidentId id) {
		Instant now = clock.instant();
		Optional<Transition> t = changes.change(id, i -> lifecycle.deadlineCheck(i, now));
		t.ifPresent(tr -> {
			if (tr.changedState()) {
				after(tr.incident());
			}
			else {
				publishing.update(tr.incident());
			}
			notices.changed(tr.incident());
		});
	}

	/** What follows a step that changed the state, if it applied; the incident it left. */
	Optional<Incident> decided(Optional<Transition> t) {
		t.ifPresent(tr -> {
			after(tr.incident());
			notices.changed(tr.incident());
		});
		return t.map(Transition::incident);
	}

	/** What follows a change of state: publish, edit posts, tell residents, start retention. */
	private void after(Incident incident) {
		changes.announce(incident);
		stats.count("incidents-" + incident.state().name().toLowerCase(Locale.ROOT));
		if (incident.state() == IncidentState.CONFIRMED || incident.state() == IncidentState.NOT_ICE
				|| incident.state() == IncidentState.UNFOUNDED) {
			stats.measure("verdict-seconds", Duration.between(incident.openedAt(), clock.instant()).toSeconds());
		}
		switch (incident.state()) {
			case CONFIRMED -> {
				publishing.publish(incident);
				notices.outcome(incident);
			}
			case ENDED, NOT_ICE, UNFOUNDED, EXPIRED -> {
				publishing.update(incident);
				notices.outcome(incident);
				retention.retain(incident);
			}
			default -> {
			}
		}
	}

}
