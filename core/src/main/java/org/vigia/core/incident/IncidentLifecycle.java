package org.vigia.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.observer.ObserverId;

import static org.vigia.core.incident.IncidentState.CONFIRMED;
import static org.vigia.core.incident.IncidentState.DISPATCHED;
import static org.vigia.core.incident.IncidentState.ENDED;
import static org.vigia.core.incident.IncidentState.EXPIRED;
import static org.vigia.core.incident.IncidentState.NEW;
import static org.vigia.core.incident.IncidentState.NOT_ICE;
import static org.vigia.core.incident.IncidentState.PUBLISHED;
import static org.vigia.core.incident.IncidentState.UNFOUNDED;

/**
 * The incident state machine of DESIGN.md, as pure functions: each operation takes an incident and the
 * time, and returns the new incident with the events it produced; nothing is stored or sent here.
 *
 * <p>Design note: {@link #ALLOWED} is the whole machine; every state change goes through {@link #move},
 * which rejects anything else with an {@link IllegalTransitionException}. Steps that change no state
 * (an observer asked, going, declining, a re-confirmation) are history events with {@code from == to},
 * so the audit trail tells the whole story. Observers' answers that must not count (a second answer, an
 * answer from someone never asked, an answer on a closed incident) are typed outcomes, not exceptions:
 * they are ordinary events in a chat, not bugs.
 */
public final class IncidentLifecycle {

	static final Map<IncidentState, Set<IncidentState>> ALLOWED = Map.of(NEW,
			EnumSet.of(DISPATCHED, CONFIRMED, NOT_ICE, UNFOUNDED, EXPIRED), DISPATCHED,
			EnumSet.of(CONFIRMED, NOT_ICE, UNFOUNDED, EXPIRED), CONFIRMED, EnumSet.of(PUBLISHED, ENDED, NOT_ICE,
					UNFOUNDED),
			PUBLISHED, EnumSet.of(ENDED, NOT_ICE, UNFOUNDED), ENDED, EnumSet.noneOf(IncidentState.class), NOT_ICE,
			EnumSet.noneOf(IncidentState.class), UNFOUNDED, EnumSet.noneOf(IncidentState.class), EXPIRED,
			EnumSet.noneOf(IncidentState.class));

	/** Event reasons that mean "confirmed at this time" (the clock of a published alert restarts). */
	static final String RECONFIRMED = "reconfirmed";

	static final String STALE = "alert-stale";

	/** An unverified scene drew a surge of reports (a possible false-report flood). */
	static final String SURGE = "surge:";

	private final QuorumPolicy quorum;

	private final DisputeRule disputes;

	private final VigiaSettings.Deadlines deadlines;

	public IncidentLifecycle(VigiaSettings settings) {
		this.quorum = new QuorumPolicy(settings.quorum());
		this.disputes = new DisputeRule(settings.quorum().observers());
		this.deadlines = settings.deadlines();
	}

	/** Observers were asked to check: NEW becomes DISPATCHED; later waves add to those asked. */
	public Transition dispatch(Incident incident, Set<ObserverId> asked, double radiusMeters, Instant now) {
		requireOpen(incident, DISPATCHED);
		var all = new HashSet<>(incident.dispatch().asked());
		all.addAll(asked);
		var d = incident.dispatch();
		var askedAt = new HashMap<>(d.askedAt());
		asked.stream().filter(o -> !d.asked().contains(o)).forEach(o -> askedAt.put(o, now));
		var dispatch = new Dispatch(d.startedAt() == null ? now : d.startedAt(), radiusMeters, all, d.going(),
				d.declined(), askedAt);
		var withDispatch = incident.withDispatch(dispatch);
		String reason = "observers-asked:" + asked.size() + ":" + Math.round(radiusMeters) + "m";
		if (incident.state() == NEW) {
			return move(withDispatch, DISPATCHED, ActorKind.SYSTEM, reason, now);
		}
		return note(withDispatch, ActorKind.SYSTEM, reason, now);
	}

	/** An asked observer answered "I'm going". */
	public Optional<Transition> going(Incident incident, ObserverId observer, Instant now) {
		if (incident.state().closed() || !incident.dispatch().asked().contains(observer)) {
			return Optional.empty();
		}
		var d = incident.dispatch();
		var going = new HashSet<>(d.going());
		if (!going.add(observer)) {
			return Optional.empty();
		}
		var declined = new HashSet<>(d.declined());
		declined.remove(observer);
		var updated = incident.withDispatch(new Dispatch(d.startedAt(), d.radiusMeters(), d.asked(), going, declined,
				d.askedAt()));
		return Optional.of(note(updated, ActorKind.OBSERVER, "observer-going", now));
	}

	/** An asked observer answered "can't": they are not asked again for this incident. */
	public Optional<Transition> declined(Incident incident, ObserverId observer, Instant now) {
		if (incident.state().closed() || !incident.dispatch().asked().contains(observer)
				|| incident.dispatch().declined().contains(observer)) {
			return Optional.empty();
		}
		var d = incident.dispatch();
		var declined = new HashSet<>(d.declined());
		declined.add(observer);
		var going = new HashSet<>(d.going());
		going.remove(observer);
		var updated = incident.withDispatch(new Dispatch(d.startedAt(), d.radiusMeters(), d.asked(), going, declined,
				d.askedAt()));
		return Optional.of(note(updated, ActorKind.OBSERVER, "observer-declined", now));
	}

	/** What happened to an observer's verdict. */
	public sealed interface VerdictOutcome {

		/** Counted; {@code decision} is what the verdicts now amount to. */
		record Counted(Transition transition, QuorumPolicy.Decision decision) implements VerdictOutcome {
		}

		/** This observer already answered for this incident: nothing changed. */
		record AlreadyAnswered() implements VerdictOutcome {
		}

		/** This observer was never asked about this incident: nothing changed. */
		record NotAsked() implements VerdictOutcome {
		}

		/** This observer was asked but never said they were going: nothing changed. */
		record NotGoing() implements VerdictOutcome {
		}

		/** The incident is closed: nothing changed. */
		record Closed() implements VerdictOutcome {
		}

	}

	/**
	 * Records a verdict and applies the quorum: DISPATCHED may become CONFIRMED, NOT_ICE or UNFOUNDED. On
	 * a PUBLISHED alert an "ICE confirmed" re-confirms it (restarting its stale and end clocks). Only an
	 * observer who was asked and said they are going may give one. On a CONFIRMED or PUBLISHED incident, a
	 * verdict that makes the confirmation {@linkplain DisputeRule disputed} (or no longer so) adds an event
	 * saying so.
	 */
	public VerdictOutcome recordVerdict(Incident incident, Verdict verdict, Instant now) {
		if (incident.state().closed()) {
			return new VerdictOutcome.Closed();
		}
		if (!incident.dispatch().asked().contains(verdict.observer())) {
			return new VerdictOutcome.NotAsked();
		}
		if (incident.answeredBy(verdict.observer())) {
			return new VerdictOutcome.AlreadyAnswered();
		}
		if (!incident.dispatch().going().contains(verdict.observer())) {
			return new VerdictOutcome.NotGoing();
		}
		var verdicts = new ArrayList<>(incident.verdicts());
		verdicts.add(verdict);
		Incident updated = incident.withVerdicts(verdicts);
		QuorumPolicy.Decision decision = quorum.decide(verdicts);
		String kind = "verdict:" + verdict.kind().name().toLowerCase(java.util.Locale.ROOT);
		Transition noted = note(updated, ActorKind.OBSERVER, kind, now);
		if (incident.state().unverified() && decision != QuorumPolicy.Decision.PENDING) {
			IncidentState to = switch (decision) {
				case CONFIRMED -> CONFIRMED;
				case NOT_ICE -> NOT_ICE;
				default -> UNFOUNDED;
			};
			Transition moved = move(noted.incident(), to, ActorKind.OBSERVER, "quorum:" + support(verdicts), now);
			return new VerdictOutcome.Counted(join(noted, moved), decision);
		}
		if (incident.state() == PUBLISHED && verdict.kind() == VerdictKind.ICE_CONFIRMED) {
			noted = join(noted, note(noted.incident(), ActorKind.OBSERVER, RECONFIRMED, now));
		}
		boolean was = DisputeRule.disputed(incident);
		boolean is = disputes.holds(noted.incident());
		if (is != was) {
			noted = join(noted, note(noted.incident(), ActorKind.OBSERVER,
					is ? DisputeRule.DISPUTED : DisputeRule.SETTLED, now));
		}
		return new VerdictOutcome.Counted(noted, decision);
	}

	/** An unverified scene reached a surge of reports: recorded, so that everyone shown the scene is told. */
	public Transition surge(Incident incident, Instant now) {
		return note(incident, ActorKind.SYSTEM, SURGE + incident.reports().size(), now);
	}

	/** Whether a surge of reports was recorded for the scene. */
	public static boolean surged(Incident incident) {
		return incident.history().stream().anyMatch(e -> e.reason().startsWith(SURGE));
	}


	/** The alert was posted to its channels: CONFIRMED becomes PUBLISHED. */
	public Transition published(Incident incident, int channels, Instant now) {
		return move(incident, PUBLISHED, ActorKind.SYSTEM, "posted:" + channels + "-channels", now);
	}

	/** Agents left, or the alert is over: CONFIRMED or PUBLISHED becomes ENDED. */
	public Transition end(Incident incident, ActorKind actor, String reason, Instant now) {
		return move(incident, ENDED, actor, reason, now);
	}

	/** A dispatcher confirmed by hand (e.g. a hotline call): a NEW or DISPATCHED incident is CONFIRMED. */
	public Transition dispatcherConfirm(Incident incident, String reason, Instant now) {
		if (!incident.state().unverified()) {
			throw new IllegalTransitionException(incident.id(), incident.state(), CONFIRMED);
		}
		return move(incident, CONFIRMED, ActorKind.DISPATCHER, "dispatcher:" + reason, now);
	}

	/** A dispatcher rejected by hand, from any open state: NOT_ICE or UNFOUNDED. */
	public Transition dispatcherReject(Incident incident, IncidentState outcome, String reason, Instant now) {
		if (outcome != NOT_ICE && outcome != UNFOUNDED) {
			throw new IllegalArgumentException("a dispatcher rejects as NOT_ICE or UNFOUNDED, not " + outcome);
		}
		return move(incident, outcome, ActorKind.DISPATCHER, "dispatcher:" + reason, now);
	}

	/**
	 * What the clock makes due at {@code now}: EXPIRED for an incident unverified past the deadline; for a
	 * published alert, a one-time "stale" event after {@code publishedStale} without re-confirmation and
	 * ENDED after {@code publishedEnd}. Empty when nothing is due.
	 */
	public Optional<Transition> deadlineCheck(Incident incident, Instant now) {
		if (incident.state().unverified() && !now.isBefore(incident.openedAt().plus(deadlines.unverified()))) {
			return Optional.of(move(incident, EXPIRED, ActorKind.SYSTEM, "deadline:unverified", now));
		}
		if (incident.state() == PUBLISHED || incident.state() == CONFIRMED) {
			Instant confirmedAt = lastConfirmedAt(incident);
			if (!now.isBefore(confirmedAt.plus(deadlines.publishedEnd()))) {
				return Optional.of(move(incident, ENDED, ActorKind.SYSTEM, "deadline:alert-ended", now));
			}
			if (incident.state() == PUBLISHED && !now.isBefore(confirmedAt.plus(deadlines.publishedStale()))
					&& !staleSince(incident, confirmedAt)) {
				return Optional.of(note(incident, ActorKind.SYSTEM, STALE, now));
			}
		}
		return Optional.empty();
	}

	/** When the incident was last confirmed or re-confirmed; its opening time if never. */
	public static Instant lastConfirmedAt(Incident incident) {
		Instant last = null;
		for (IncidentEvent e : incident.history()) {
			if ((e.transition() && e.to() == CONFIRMED) || RECONFIRMED.equals(e.reason())) {
				last = e.at();
			}
		}
		return last == null ? incident.openedAt() : last;
	}

	/** Whether the alert was marked stale after its last confirmation. */
	public static boolean staleSince(Incident incident, Instant confirmedAt) {
		return incident.history().stream().anyMatch(e -> STALE.equals(e.reason()) && !e.at().isBefore(confirmedAt));
	}

	private static String support(List<Verdict> verdicts) {
		long observers = verdicts.stream().map(Verdict::observer).distinct().count();
		boolean lead = verdicts.stream().anyMatch(Verdict::lead);
		return observers + "-observers" + (lead ? "-with-lead" : "");
	}

	private static Transition move(Incident incident, IncidentState to, ActorKind actor, String reason, Instant now) {
		Objects.requireNonNull(now, "now must not be null");
		if (!ALLOWED.get(incident.state()).contains(to)) {
			throw new IllegalTransitionException(incident.id(), incident.state(), to);
		}
		var event = new IncidentEvent(now, actor, incident.state(), to, reason);
		return new Transition(incident.withState(to, List.of(event)), List.of(event));
	}

	private static Transition note(Incident incident, ActorKind actor, String reason, Instant now) {
		var event = new IncidentEvent(now, actor, incident.state(), incident.state(), reason);
		return new Transition(incident.withHistory(List.of(event)), List.of(event));
	}

	private static Transition join(Transition first, Transition second) {
		var events = new ArrayList<>(first.events());
		events.addAll(second.events());
		return new Transition(second.incident(), events);
	}

	private static void requireOpen(Incident incident, IncidentState to) {
		if (incident.state() != NEW && incident.state() != DISPATCHED) {
			throw new IllegalTransitionException(incident.id(), incident.state(), to);
		}
	}

}
