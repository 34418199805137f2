package org.vigia.bot.incident;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.incident.Deadline;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.stats.Stats;

/**
 * Carries an incident from its first report to its outcome: asks observers, records their answers,
 * publishes what they confirmed, and applies the deadlines.
 *
 * <p>Design note: every change of an incident goes through {@link IncidentStore#update}, an atomic
 * read-change-compare-and-set, with core's {@link IncidentLifecycle} as the change; so two instances, or
 * two observers answering at once, can never count one verdict twice or lose one. Side effects (prompts,
 * posts, notices) happen after the write succeeded, from the state that was written. Deadlines live in
 * Redis ({@link org.vigia.core.incident.DeadlineSchedule}), so they fire after a restart and on one instance only.
 *
 * <p>Prompts and posts are claimed in Redis before they are sent and recorded once the messenger took them
 * ({@link org.vigia.core.delivery.PromptLedger}, {@link org.vigia.core.delivery.PostLedger}): each observer gets one "can you go and check?" and
 * one "what did you see?" per incident, each channel one alert, whichever instance sends them. A process
 * killed between a state change and its side effects leaves work that {@link #resume} and
 * {@link #republish} finish, from the state in Redis (the {@link Recovery} sweep calls them).
 *
 * <p>This class is the entry point the chat layer, the console and the simulator call; the work is done by
 * {@link Dispatching} (who is asked, and their "going"/"can't"), {@link Verdicts} (what observers saw),
 * {@link Outcomes} (what follows a change of state, a dispatcher's decisions), {@link Publishing} (the channel
 * posts), {@link Deadlines} (when an incident is looked at again), all changing incidents through
 * {@link Changes}.
 */
public final class Verification {

	private static final Logger log = LoggerFactory.getLogger(Verification.class);

	private final Changes changes;

	private final Deadlines deadlines;

	private final Dispatching dispatching;

	private final Verdicts verdicts;

	private final Outcomes outcomes;

	private final Publishing publishing;

	private final Stats stats;

	public Verification(Changes changes, Deadlines deadlines, Dispatching dispatching, Verdicts verdicts,
			Outcomes outcomes, Publishing publishing, Stats stats) {
		this.changes = Objects.requireNonNull(changes, "changes must not be null");
		this.deadlines = Objects.requireNonNull(deadlines, "deadlines must not be null");
		this.dispatching = Objects.requireNonNull(dispatching, "dispatching must not be null");
		this.verdicts = Objects.requireNonNull(verdicts, "verdicts must not be null");
		this.outcomes = Objects.requireNonNull(outcomes, "outcomes must not be null");
		this.publishing = Objects.requireNonNull(publishing, "publishing must not be null");
		this.stats = Objects.requireNonNull(stats, "stats must not be null");
	}

	/** What the bot sends to people as an incident moves (implemented by the chat layer). */
	public interface Notices {

		/**
		 * Asks an observer to go and check; completes with the message id the messenger gave it, or fails as the
		 * messaging port says ({@code SendFailure}).
		 */
		CompletableFuture<Long> ask(Observer observer, Incident incident);

		/** Sends an observer who is going the scene and asks what they saw; completes like {@link #ask}. */
		CompletableFuture<Long> askVerdict(Observer observer, Incident incident);

		/** Tells the residents who asked what came of the incident. */
		void outcome(Incident incident);

		/** Warns dispatchers that an unverified scene is drawing an unusual number of reports. */
		void surge(Incident incident);

		/** Warns dispatchers at once that later verdicts dispute a confirmed scene (DisputeRule). */
		void disputed(Incident incident);

		/** The scene changed (a report, an answer, a state): what observers were shown should follow. */
		void changed(Incident incident);

		/** The incident is closed: what observers hold about it (their buttons) lives no longer than {@code ttl}. */
		void retain(Incident incident, java.time.Duration ttl);

	}

	/**
	 * Of the on-duty observers near an incident (nearest first), those who may be asked about it: all of them, but
	 * for a drill whose coordinator chose who takes part.
	 */
	@FunctionalInterface
	public interface Candidates {

		List<NearbyObserver> among(Incident incident, List<NearbyObserver> nearby);

	}

	/** What came of an observer's press. */
	public enum Answer {

		/** Done as asked. */
		DONE,
		/** Done before (a second press): nothing changed. */
		ALREADY,
		/** Not something this observer may do now (never asked, not going, not theirs): nothing changed. */
		NOT_ALLOWED,
		/** The scene is closed: nothing changed. */
		CLOSED,
		/** Redis stayed too busy to record it (sustained contention): nothing changed, it may be pressed again. */
		BUSY

	}

	/** Whether anyone can check an incident, as a dispatch found it: what the residents who report it are told. */
	public enum Reach {

		/** Observers were asked (or checked already), or will be when the search widens. */
		ASKED,
		/** No on-duty observer within the widened radius, and nobody asked is still to answer. */
		NOBODY_NEAR,
		/** Nothing to ask any more: the incident is verified, closed or gone. */
		DECIDED

	}

	/** A new incident: schedule its deadline and ask the first observers. */
	public Reach opened(Incident incident) {
		stats.count("incidents-opened");
		deadlines.expiry(incident);
		return dispatching.wave(incident.id());
	}

	/**
	 * Asks the next observers, if the policy wants more in flight now, and says whether anyone can check the
	 * incident. Candidates are searched within the widened radius; the policy asks only those within the radius
	 * of the moment, and those farther out count as reachable (they are asked when the search widens).
	 */
	public Reach dispatchWave(IncidentId id) {
		return dispatching.wave(id);
	}

	/** An observer answered "I'm going": they get the scene and the question "what did you see?". */
	public Answer going(IncidentId id, Observer observer) {
		return dispatching.going(id, observer);
	}

	/** An observer's press that Redis could not record under sustained contention. */
	static Answer busy(IllegalStateException ex) {
		log.warn("An observer's answer was not recorded: {}", ex.getClass().getSimpleName());
		return Answer.BUSY;
	}

	/**
	 * A dispatcher asks one observer by name (manual dispatch): they are added to the incident's dispatch and
	 * get the usual "can you go and check?". Empty if the incident is no longer waiting for a verdict or the
	 * observer is unknown; an observer asked before is not asked twice.
	 */
	public Optional<Incident> ask(IncidentId id, ObserverId observerId) {
		return dispatching.ask(id, observerId);
	}

	/**
	 * Finishes what a killed process may have left undone for an unverified incident: its deadline, its
	 * first wave of observers, and prompts that never reached the observers asked. Idempotent: what was
	 * done already stays as it is.
	 */
	public void resume(Incident incident) {
		dispatching.resume(incident);
	}

	/**
	 * Publishes a CONFIRMED incident whose process died before every channel had its post (or before it
	 * was marked PUBLISHED); does nothing while a live process is still posting it.
	 */
	public void republish(Incident incident) {
		publishing.republish(incident);
	}

	/** An observer answered "can't": someone else is asked. */
	public Answer declined(IncidentId id, Observer observer) {
		return dispatching.declined(id, observer);
	}

	/**
	 * An observer's verdict; the quorum decides what follows. A verdict that makes a confirmation disputed
	 * warns dispatchers at once and marks the channel posts. A verdict Redis could not record under sustained
	 * contention (the incident's compare-and-set gave up) is {@link Answer#BUSY}: nothing changed.
	 */
	public Answer verdict(IncidentId id, Observer observer, VerdictKind kind) {
		return verdicts.verdict(id, observer, kind);
	}

	/**
	 * An observer who confirmed says the agents have left: a CONFIRMED or PUBLISHED incident ends and its
	 * posts are edited. Only an observer whose verdict was "ICE confirmed" may end it.
	 */
	public Answer agentsLeft(IncidentId id, Observer observer) {
		return verdicts.agentsLeft(id, observer);
	}

	/**
	 * An unverified scene drew a surge of reports: recorded in its history, dispatchers are warned, observers'
	 * prompts say so; nothing is published.
	 */
	public void surge(Incident incident) {
		outcomes.surge(incident);
	}

	/** A dispatcher corrected what the channel posts say: kept with the incident, and the posts edited. */
	public Optional<Incident> correct(IncidentId id, String text) {
		return publishing.correct(id, text);
	}

	/** A dispatcher's decision (from the bot or the console). */
	public Optional<Incident> dispatcherConfirm(IncidentId id, String reason) {
		return outcomes.dispatcherConfirm(id, reason);
	}

	public Optional<Incident> dispatcherReject(IncidentId id, IncidentState outcome, String reason) {
		return outcomes.dispatcherReject(id, outcome, reason);
	}

	public Optional<Incident> dispatcherEnd(IncidentId id, String reason) {
		return outcomes.dispatcherEnd(id, reason);
	}

	/** A deadline came due. */
	public void due(Deadline deadline) {
		if (Deadlines.widens(deadline)) {
			dispatching.wave(deadline.incident());
			return;
		}
		outcomes.deadline(deadline.incident());
		changes.find(deadline.incident()).ifPresent(deadlines::next);
	}

	/** Who may be asked about which incident, of the observers on duty near it (the drill desk's participants). */
	public void candidates(Candidates filter) {
		dispatching.candidates(filter);
	}

	/** Who hears about every change of state (the console's live view, through the event stream). */
	public void onChange(Consumer<Incident> listener) {
		changes.onChange(listener);
	}

}
