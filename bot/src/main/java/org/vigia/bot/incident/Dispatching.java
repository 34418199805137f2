package org.vigia.bot.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.vigia.bot.incident.Verification.Answer;
import org.vigia.bot.incident.Verification.Candidates;
import org.vigia.bot.incident.Verification.Reach;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Dispatch;
import org.vigia.core.incident.DispatchPolicy;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Transition;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.observer.ObserverStore;

/**
 * Who is asked to go and check an incident: waves of the nearest on-duty observers as the policy wants
 * ({@link DispatchPolicy}), one observer a dispatcher names, and what observers answer to "can you go and
 * check?" ("I'm going", "can't").
 */
public final class Dispatching {

	private final Changes changes;

	private final ObserverStore observers;

	private final Prompting prompting;

	private final Verification.Notices notices;

	private final Deadlines deadlines;

	private final VigiaSettings settings;

	private final IncidentLifecycle lifecycle;

	private final DispatchPolicy dispatch;

	private final Clock clock;

	private volatile Candidates eligible = (incident, nearby) -> nearby;

	public Dispatching(Changes changes, ObserverStore observers, Prompting prompting, Verification.Notices notices,
			Deadlines deadlines, VigiaSettings settings, Clock clock) {
		this.changes = changes;
		this.observers = observers;
		this.prompting = prompting;
		this.notices = notices;
		this.deadlines = deadlines;
		this.settings = settings;
		this.lifecycle = new IncidentLifecycle(settings);
		this.dispatch = new DispatchPolicy(settings);
		this.clock = clock;
	}

	/** Who may be asked about which incident, of the observers on duty near it (the drill desk's participants). */
	void candidates(Candidates filter) {
		this.eligible = Objects.requireNonNull(filter, "filter must not be null");
	}

	/**
	 * Asks the next observers, if the policy wants more in flight now, and says whether anyone can check the
	 * incident. Candidates are searched within the widened radius; the policy asks only those within the radius
	 * of the moment, and those farther out count as reachable (they are asked when the search widens).
	 */
	Reach wave(IncidentId id) {
		Instant now = clock.instant();
		var asked = new AtomicReference<List<ObserverId>>(List.of());
		var candidates = new AtomicReference<List<NearbyObserver>>(List.of());
		Optional<Incident> updated = changes.update(id, incident -> {
			if (!incident.state().unverified()) {
				asked.set(List.of());
				return incident;
			}
			double radius = dispatch.radiusAt(incident, now);
			List<NearbyObserver> nearby = eligible.among(incident, observers.nearestOnDuty(incident.center(),
					Math.max(radius, settings.dispatch().widenedRadiusMeters()), 50));
			List<ObserverId> wave = dispatch.nextWave(incident, nearby, now);
			asked.set(wave);
			candidates.set(nearby);
			return wave.isEmpty() ? incident : lifecycle.dispatch(incident, new HashSet<>(wave), radius, now).incident();
		});
		if (updated.isEmpty()) {
			return Reach.DECIDED;
		}
		Incident incident = updated.get();
		for (ObserverId id2 : asked.get()) {
			observers.find(id2).ifPresent(o -> prompting.ask(incident, o));
		}
		// the radius widens, or a silent observer's slot is released: look again then
		Instant next = dispatch.nextLookAt(incident, now);
		if (next != null && incident.state().unverified()) {
			deadlines.widen(incident.id(), next);
		}
		// called after every report that joins an unverified scene: the prompts show the new count
		notices.changed(incident);
		if (!incident.state().unverified()) {
			return Reach.DECIDED;
		}
		Dispatch d = incident.dispatch();
		boolean someone = d.asked().stream().anyMatch(o -> !d.declined().contains(o))
				|| candidates.get().stream().anyMatch(c -> !d.asked().contains(c.id()) && !d.declined().contains(c.id()));
		return someone ? Reach.ASKED : Reach.NOBODY_NEAR;
	}

	/** An observer answered "I'm going": they get the scene and the question "what did you see?". */
	Answer going(IncidentId id, Observer observer) {
		var answer = new AtomicReference<>(Answer.CLOSED);
		Optional<Transition> t;
		try {
			t = changes.step(id, i -> {
				answer.set(i.state().closed() ? Answer.CLOSED
						: !i.dispatch().asked().contains(observer.id()) ? Answer.NOT_ALLOWED
								: i.dispatch().going().contains(observer.id()) ? Answer.ALREADY : Answer.DONE);
				return lifecycle.going(i, observer.id(), clock.instant());
			});
		}
		catch (IllegalStateException ex) {
			return Verification.busy(ex);
		}
		t.ifPresent(tr -> {
			prompting.askVerdict(tr.incident(), observer);
			notices.changed(tr.incident());
		});
		return t.isPresent() ? Answer.DONE : answer.get() == Answer.DONE ? Answer.ALREADY : answer.get();
	}

	/** An observer answered "can't": someone else is asked. */
	Answer declined(IncidentId id, Observer observer) {
		var answer = new AtomicReference<>(Answer.CLOSED);
		Optional<Transition> t;
		try {
			t = changes.step(id, i -> {
				answer.set(i.state().closed() ? Answer.CLOSED
						: !i.dispatch().asked().contains(observer.id()) ? Answer.NOT_ALLOWED : Answer.ALREADY);
				return lifecycle.declined(i, observer.id(), clock.instant());
			});
		}
		catch (IllegalStateException ex) {
			return Verification.busy(ex);
		}
		t.ifPresent(tr -> {
			notices.changed(tr.incident());
			wave(id);
		});
		return t.isPresent() ? Answer.DONE : answer.get();
	}

	/**
	 * A dispatcher asks one observer by name (manual dispatch): they are added to the incident's dispatch and
	 * get the usual "can you go and check?". Empty if the incident is no longer waiting for a verdict or the
	 * observer is unknown; an observer asked before is not asked twice.
	 */
	Optional<Incident> ask(IncidentId id, ObserverId observerId) {
		Optional<Observer> observer = observers.find(observerId);
		if (observer.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Transition> t = changes.change(id, i -> i.state().unverified() && !i.dispatch().asked().contains(observerId)
				? Optional.of(lifecycle.dispatch(i, Set.of(observerId), Math.max(i.dispatch().radiusMeters(),
						settings.dispatch().radiusMeters()), now))
				: Optional.empty());
		t.ifPresent(tr -> {
			changes.announce(tr.incident());
			prompting.ask(tr.incident(), observer.get());
			notices.changed(tr.incident());
		});
		return t.map(Transition::incident);
	}

	/**
	 * Finishes what a killed process may have left undone for an unverified incident: its deadline, its
	 * first wave of observers, and prompts that never reached the observers asked. Idempotent: what was
	 * done already stays as it is.
	 */
	void resume(Incident incident) {
		deadlines.expiryIfAbsent(incident);
		if (incident.state() == IncidentState.NEW) {
			wave(incident.id());
			return;
		}
		Dispatch asked = incident.dispatch();
		for (ObserverId id : asked.asked()) {
			if (asked.declined().contains(id) || incident.answeredBy(id)) {
				continue;
			}
			observers.find(id).ifPresent(o -> {
				if (asked.going().contains(id)) {
					prompting.askVerdict(incident, o);
				}
				else {
					prompting.ask(incident, o);
				}
			});
		}
	}

}
