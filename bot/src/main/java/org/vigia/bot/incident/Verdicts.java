package org.vigia.bot.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.vigia.bot.incident.Verification.Answer;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentLifecycle.VerdictOutcome;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Transition;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverStore;

/**
 * What observers at the scene say: their verdicts, weighed by the quorum (a newcomer's counts less), and an
 * "agents left" from one who confirmed.
 */
public final class Verdicts {

	private final Changes changes;

	private final ObserverStore observers;

	private final Outcomes outcomes;

	private final VigiaSettings.Quorum quorum;

	private final IncidentLifecycle lifecycle;

	private final Clock clock;

	public Verdicts(Changes changes, ObserverStore observers, Outcomes outcomes, VigiaSettings settings, Clock clock) {
		this.changes = changes;
		this.observers = observers;
		this.outcomes = outcomes;
		this.quorum = settings.quorum();
		this.lifecycle = new IncidentLifecycle(settings);
		this.clock = clock;
	}

	/**
	 * An observer's verdict; the quorum decides what follows. A verdict that makes a confirmation disputed
	 * warns dispatchers at once and marks the channel posts. A verdict Redis could not record under sustained
	 * contention (the incident's compare-and-set gave up) is {@link Answer#BUSY}: nothing changed.
	 */
	Answer verdict(IncidentId id, Observer observer, VerdictKind kind) {
		Instant now = clock.instant();
		var verdict = new Verdict(observer.id(), kind, observer.lead(), now, null, newcomer(observer, now));
		var outcome = new AtomicReference<VerdictOutcome>(new VerdictOutcome.Closed());
		Optional<Incident> updated;
		try {
			updated = changes.update(id, incident -> {
				VerdictOutcome o = lifecycle.recordVerdict(incident, verdict, now);
				outcome.set(o);
				return o instanceof VerdictOutcome.Counted c ? c.transition().incident() : incident;
			});
		}
		catch (IllegalStateException ex) {
			return Verification.busy(ex);
		}
		if (updated.isEmpty()) {
			return Answer.CLOSED;
		}
		if (!(outcome.get() instanceof VerdictOutcome.Counted counted)) {
			return outcome.get() instanceof VerdictOutcome.AlreadyAnswered ? Answer.ALREADY
					: outcome.get() instanceof VerdictOutcome.Closed ? Answer.CLOSED : Answer.NOT_ALLOWED;
		}
		observers.countVerdict(observer.id());
		outcomes.counted(counted.transition(), updated.get());
		return Answer.DONE;
	}

	/**
	 * Whether the observer counts as a newcomer for the quorum: joined within the newcomer period and after the
	 * network's founders (the first observer's join is looked up only for observers who joined recently).
	 */
	private boolean newcomer(Observer observer, Instant now) {
		if (!quorum.newcomer(observer.joinedAt(), Instant.MIN, now)) {
			return false;
		}
		Instant first = observers.all().stream().map(Observer::joinedAt).min(Instant::compareTo).orElse(observer.joinedAt());
		return quorum.newcomer(observer.joinedAt(), first, now);
	}

	/**
	 * An observer who confirmed says the agents have left: a CONFIRMED or PUBLISHED incident ends and its
	 * posts are edited. Only an observer whose verdict was "ICE confirmed" may end it.
	 */
	Answer agentsLeft(IncidentId id, Observer observer) {
		Instant now = clock.instant();
		var answer = new AtomicReference<>(Answer.CLOSED);
		Optional<Transition> t;
		try {
			t = changes.step(id, i -> {
				boolean confirmedByThem = i.verdicts().stream()
					.anyMatch(v -> v.observer().equals(observer.id()) && v.kind() == VerdictKind.ICE_CONFIRMED);
				boolean live = i.state() == IncidentState.CONFIRMED || i.state() == IncidentState.PUBLISHED;
				answer.set(i.state().closed() ? Answer.CLOSED : Answer.NOT_ALLOWED);
				return confirmedByThem && live ? Optional.of(lifecycle.end(i, ActorKind.OBSERVER, "agents-left", now))
						: Optional.empty();
			});
		}
		catch (IllegalStateException ex) {
			return Verification.busy(ex);
		}
		outcomes.decided(t);
		return t.isPresent() ? Answer.DONE : answer.get();
	}

}
