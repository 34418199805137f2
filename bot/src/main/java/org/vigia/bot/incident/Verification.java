package org.vigia.bot.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.channel.Publisher;
import org.vigia.core.messaging.SendFailure;
import org.vigia.core.incident.Deadline;
import org.vigia.core.incident.DeadlineSchedule;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.observer.ObserverStore;
import org.vigia.core.delivery.PostLedger;
import org.vigia.core.delivery.PromptLedger;
import org.vigia.store.Eventually;
import org.vigia.core.report.ReportStore;
import org.vigia.core.stats.Stats;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Dispatch;
import org.vigia.core.incident.DisputeRule;
import org.vigia.core.incident.DispatchPolicy;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentLifecycle.VerdictOutcome;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Transition;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;

/**
 * Carries an incident from its first report to its outcome: asks observers, records their answers,
 * publishes what they confirmed, and applies the deadlines.
 *
 * <p>Design note: every change of an incident goes through {@link IncidentStore#update}, an atomic
 * read-change-compare-and-set, with core's {@link IncidentLifecycle} as the change; so two instances, or
 * two observers answering at once, can never count one verdict twice or lose one. Side effects (prompts,
 * posts, notices) happen after the write succeeded, from the state that was written. Deadlines live in
 * Redis ({@link DeadlineSchedule}), so they fire after a restart and on one instance only.
 *
 * <p>Prompts and posts are claimed in Redis before they are sent and recorded once the messenger took them
 * ({@link PromptLedger}, {@link PostLedger}): each observer gets one "can you go and check?" and
 * one "what did you see?" per incident, each channel one alert, whichever instance sends them. A process
 * killed between a state change and its side effects leaves work that {@link #resume} and
 * {@link #republish} finish, from the state in Redis (the {@link Recovery} sweep calls them).
 */
public final class Verification {

	private static final Logger log = LoggerFactory.getLogger(Verification.class);

	static final String EXPIRE = "deadline";

	static final String WIDEN = "widen";

	/** Prompt ledger targets: the "can you go and check?" and the "what did you see?" of an observer. */
	static final String ASK = "ask:", VERDICT = "verdict:";

	private final IncidentStore incidents;

	private final ObserverStore observers;

	private final ReportStore reports;

	private final PostLedger posts;

	private final PromptLedger prompts;

	private final DeadlineSchedule schedule;

	private final Stats stats;

	private final Publisher publisher;

	private final Notices notices;

	private final IncidentLifecycle lifecycle;

	private final DispatchPolicy dispatch;

	private final VigiaSettings settings;

	private final Clock clock;

	private volatile java.util.function.Consumer<Incident> changes = incident -> {
	};

	private volatile Candidates eligible = (incident, nearby) -> nearby;

	public Verification(IncidentStore incidents, ObserverStore observers, ReportStore reports,
			PostLedger posts, PromptLedger prompts, DeadlineSchedule schedule, Stats stats,
			Publisher publisher, Notices notices, VigiaSettings settings, Clock clock) {
		this.incidents = incidents;
		this.observers = observers;
		this.reports = reports;
		this.posts = posts;
		this.prompts = prompts;
		this.schedule = schedule;
		this.stats = stats;
		this.publisher = publisher;
		this.notices = notices;
		this.lifecycle = new IncidentLifecycle(settings);
		this.dispatch = new DispatchPolicy(settings);
		this.settings = settings;
		this.clock = clock;
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
		schedule.schedule(new Deadline(EXPIRE, incident.id(), incident.openedAt().plus(settings.deadlines().unverified())));
		return dispatchWave(incident.id());
	}

	/**
	 * Asks the next observers, if the policy wants more in flight now, and says whether anyone can check the
	 * incident. Candidates are searched within the widened radius; the policy asks only those within the radius
	 * of the moment, and those farther out count as reachable (they are asked when the search widens).
	 */
	public Reach dispatchWave(IncidentId id) {
		Instant now = clock.instant();
		var asked = new AtomicReference<List<ObserverId>>(List.of());
		var candidates = new AtomicReference<List<NearbyObserver>>(List.of());
		Optional<Incident> updated = incidents.update(id, incident -> {
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
			observers.find(id2).ifPresent(o -> prompt(incident, o, ASK, () -> notices.ask(o, incident)));
		}
		// the radius widens, or a silent observer's slot is released: look again then
		Instant next = dispatch.nextLookAt(incident, now);
		if (next != null && incident.state().unverified()) {
			schedule.schedule(new Deadline(WIDEN, incident.id(), next));
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
	public Answer going(IncidentId id, Observer observer) {
		var answer = new AtomicReference<>(Answer.CLOSED);
		Optional<Transition> t;
		try {
			t = step(id, i -> {
				answer.set(i.state().closed() ? Answer.CLOSED
						: !i.dispatch().asked().contains(observer.id()) ? Answer.NOT_ALLOWED
								: i.dispatch().going().contains(observer.id()) ? Answer.ALREADY : Answer.DONE);
				return lifecycle.going(i, observer.id(), clock.instant());
			});
		}
		catch (IllegalStateException ex) {
			return busy(ex);
		}
		t.ifPresent(tr -> {
			prompt(tr.incident(), observer, VERDICT, () -> notices.askVerdict(observer, tr.incident()));
			notices.changed(tr.incident());
		});
		return t.isPresent() ? Answer.DONE : answer.get() == Answer.DONE ? Answer.ALREADY : answer.get();
	}

	private static Answer busy(IllegalStateException ex) {
		log.warn("An observer's answer was not recorded: {}", ex.getClass().getSimpleName());
		return Answer.BUSY;
	}

	/**
	 * A dispatcher asks one observer by name (manual dispatch): they are added to the incident's dispatch and
	 * get the usual "can you go and check?". Empty if the incident is no longer waiting for a verdict or the
	 * observer is unknown; an observer asked before is not asked twice.
	 */
	public Optional<Incident> ask(IncidentId id, ObserverId observerId) {
		Optional<Observer> observer = observers.find(observerId);
		if (observer.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Transition> t = change(id, i -> i.state().unverified() && !i.dispatch().asked().contains(observerId)
				? Optional.of(lifecycle.dispatch(i, Set.of(observerId), Math.max(i.dispatch().radiusMeters(),
						settings.dispatch().radiusMeters()), now))
				: Optional.empty());
		t.ifPresent(tr -> {
			announce(tr.incident());
			prompt(tr.incident(), observer.get(),
					ASK, () -> notices.ask(observer.get(), tr.incident()));
			notices.changed(tr.incident());
		});
		return t.map(Transition::incident);
	}

	/**
	 * Sends a prompt unless it was delivered or is being sent by a live process: claimed first, recorded
	 * with its message id once the messenger took it. A prompt the messenger refused for good (the observer blocked
	 * the bot) or whose answer was unreadable is settled too (id 0), so that it is not sent again; one that
	 * could not be sent in time is released, for {@link #resume} to try again.
	 */
	private void prompt(Incident incident, Observer observer, String kind, Supplier<CompletableFuture<Long>> send) {
		String target = kind + observer.id().value();
		if (!prompts.claim(incident.id(), target)) {
			return;
		}
		CompletableFuture<Long> sending;
		try {
			sending = send.get();
		}
		catch (RuntimeException ex) {
			// nothing was queued (Redis failed while the prompt was prepared): let a later attempt claim it
			Eventually.store("a released prompt", () -> prompts.release(incident.id(), target));
			throw ex;
		}
		sending.whenComplete((messageId, error) -> {
			Throwable cause = SendFailure.cause(error);
			if (cause == null || SendFailure.settled(cause)) {
				Eventually.store("a delivered prompt",
						() -> prompts.record(incident.id(), target, cause == null ? messageId : 0));
			}
			else {
				Eventually.store("a released prompt", () -> prompts.release(incident.id(), target));
			}
		});
	}

	/**
	 * Finishes what a killed process may have left undone for an unverified incident: its deadline, its
	 * first wave of observers, and prompts that never reached the observers asked. Idempotent: what was
	 * done already stays as it is.
	 */
	public void resume(Incident incident) {
		schedule.scheduleIfAbsent(
				new Deadline(EXPIRE, incident.id(), incident.openedAt().plus(settings.deadlines().unverified())));
		if (incident.state() == IncidentState.NEW) {
			dispatchWave(incident.id());
			return;
		}
		Dispatch dispatch = incident.dispatch();
		for (ObserverId id : dispatch.asked()) {
			if (dispatch.declined().contains(id) || incident.answeredBy(id)) {
				continue;
			}
			observers.find(id).ifPresent(o -> {
				if (dispatch.going().contains(id)) {
					prompt(incident, o, VERDICT, () -> notices.askVerdict(o, incident));
				}
				else {
					prompt(incident, o, ASK, () -> notices.ask(o, incident));
				}
			});
		}
	}

	/**
	 * Publishes a CONFIRMED incident whose process died before every channel had its post (or before it
	 * was marked PUBLISHED); does nothing while a live process is still posting it.
	 */
	public void republish(Incident incident) {
		if (incident.state() == IncidentState.CONFIRMED && !publisher.publishing(incident)) {
			publish(incident);
		}
	}

	/** An observer answered "can't": someone else is asked. */
	public Answer declined(IncidentId id, Observer observer) {
		var answer = new AtomicReference<>(Answer.CLOSED);
		Optional<Transition> t;
		try {
			t = step(id, i -> {
				answer.set(i.state().closed() ? Answer.CLOSED
						: !i.dispatch().asked().contains(observer.id()) ? Answer.NOT_ALLOWED : Answer.ALREADY);
				return lifecycle.declined(i, observer.id(), clock.instant());
			});
		}
		catch (IllegalStateException ex) {
			return busy(ex);
		}
		t.ifPresent(tr -> {
			notices.changed(tr.incident());
			dispatchWave(id);
		});
		return t.isPresent() ? Answer.DONE : answer.get();
	}

	/**
	 * Whether the observer counts as a newcomer for the quorum: joined within the newcomer period and after the
	 * network's founders (the first observer's join is looked up only for observers who joined recently).
	 */
	private boolean newcomer(Observer observer, Instant now) {
		var quorum = settings.quorum();
		if (!quorum.newcomer(observer.joinedAt(), Instant.MIN, now)) {
			return false;
		}
		Instant first = observers.all().stream().map(Observer::joinedAt).min(Instant::compareTo).orElse(observer.joinedAt());
		return quorum.newcomer(observer.joinedAt(), first, now);
	}

	/**
	 * An observer's verdict; the quorum decides what follows. A verdict that makes a confirmation disputed
	 * warns dispatchers at once and marks the channel posts. A verdict Redis could not record under sustained
	 * contention (the incident's compare-and-set gave up) is {@link Answer#BUSY}: nothing changed.
	 */
	public Answer verdict(IncidentId id, Observer observer, VerdictKind kind) {
		Instant now = clock.instant();
		var verdict = new Verdict(observer.id(), kind, observer.lead(), now, null, newcomer(observer, now));
		var outcome = new AtomicReference<VerdictOutcome>(new VerdictOutcome.Closed());
		Optional<Incident> updated;
		try {
			updated = incidents.update(id, incident -> {
				VerdictOutcome o = lifecycle.recordVerdict(incident, verdict, now);
				outcome.set(o);
				return o instanceof VerdictOutcome.Counted c ? c.transition().incident() : incident;
			});
		}
		catch (IllegalStateException ex) {
			return busy(ex);
		}
		if (updated.isEmpty()) {
			return Answer.CLOSED;
		}
		if (!(outcome.get() instanceof VerdictOutcome.Counted counted)) {
			return outcome.get() instanceof VerdictOutcome.AlreadyAnswered ? Answer.ALREADY
					: outcome.get() instanceof VerdictOutcome.Closed ? Answer.CLOSED : Answer.NOT_ALLOWED;
		}
		observers.countVerdict(observer.id());
		Incident incident = updated.get();
		if (counted.transition().changedState()) {
			after(incident);
		}
		else if (incident.state() == IncidentState.PUBLISHED) {
			publisher.update(incident);
		}
		if (DisputeRule.becameDisputed(counted.transition())) {
			stats.count("disputes");
			announce(incident);
			notices.disputed(incident);
		}
		notices.changed(incident);
		return Answer.DONE;
	}

	/**
	 * An observer who confirmed says the agents have left: a CONFIRMED or PUBLISHED incident ends and its
	 * posts are edited. Only an observer whose verdict was "ICE confirmed" may end it.
	 */
	public Answer agentsLeft(IncidentId id, Observer observer) {
		Instant now = clock.instant();
		var answer = new AtomicReference<>(Answer.CLOSED);
		Optional<Transition> t;
		try {
			t = step(id, i -> {
				boolean confirmedByThem = i.verdicts().stream()
					.anyMatch(v -> v.observer().equals(observer.id()) && v.kind() == VerdictKind.ICE_CONFIRMED);
				boolean live = i.state() == IncidentState.CONFIRMED || i.state() == IncidentState.PUBLISHED;
				answer.set(i.state().closed() ? Answer.CLOSED : Answer.NOT_ALLOWED);
				return confirmedByThem && live ? Optional.of(lifecycle.end(i, ActorKind.OBSERVER, "agents-left", now))
						: Optional.empty();
			});
		}
		catch (IllegalStateException ex) {
			return busy(ex);
		}
		decided(t);
		return t.isPresent() ? Answer.DONE : answer.get();
	}

	/**
	 * An unverified scene drew a surge of reports: recorded in its history, dispatchers are warned, observers'
	 * prompts say so; nothing is published.
	 */
	public void surge(Incident incident) {
		stats.count("surges");
		Incident surged = change(incident.id(), i -> i.state().unverified()
				? Optional.of(lifecycle.surge(i, clock.instant())) : Optional.empty())
			.map(Transition::incident)
			.orElse(incident);
		notices.surge(surged);
		announce(surged);
		notices.changed(surged);
	}

	/** A dispatcher corrected what the channel posts say: kept with the incident, and the posts edited. */
	public Optional<Incident> correct(IncidentId id, String text) {
		Optional<Incident> incident = incidents.find(id);
		incident.ifPresent(i -> {
			publisher.correct(i, text, settings.retention().open());
			publisher.update(i);
		});
		return incident;
	}

	/** A dispatcher's decision (from the bot or the console). */
	public Optional<Incident> dispatcherConfirm(IncidentId id, String reason) {
		return decided(change(id, i -> Optional.of(lifecycle.dispatcherConfirm(i, reason, clock.instant()))));
	}

	public Optional<Incident> dispatcherReject(IncidentId id, IncidentState outcome, String reason) {
		return decided(change(id, i -> Optional.of(lifecycle.dispatcherReject(i, outcome, reason, clock.instant()))));
	}

	public Optional<Incident> dispatcherEnd(IncidentId id, String reason) {
		return decided(change(id, i -> Optional.of(lifecycle.end(i, ActorKind.DISPATCHER, reason, clock.instant()))));
	}

	private Optional<Incident> decided(Optional<Transition> t) {
		t.ifPresent(tr -> {
			after(tr.incident());
			notices.changed(tr.incident());
		});
		return t.map(Transition::incident);
	}

	/** A deadline came due. */
	public void due(Deadline deadline) {
		if (WIDEN.equals(deadline.kind())) {
			dispatchWave(deadline.incident());
			return;
		}
		Instant now = clock.instant();
		Optional<Transition> t = change(deadline.incident(), i -> lifecycle.deadlineCheck(i, now));
		t.ifPresent(tr -> {
			if (tr.changedState()) {
				after(tr.incident());
			}
			else {
				publisher.update(tr.incident());
			}
			notices.changed(tr.incident());
		});
		incidents.find(deadline.incident()).ifPresent(this::scheduleNext);
	}

	private void scheduleNext(Incident incident) {
		if (incident.state() == IncidentState.PUBLISHED || incident.state() == IncidentState.CONFIRMED) {
			Instant confirmed = IncidentLifecycle.lastConfirmedAt(incident);
			Instant next = IncidentLifecycle.staleSince(incident, confirmed) || incident.state() == IncidentState.CONFIRMED
					? confirmed.plus(settings.deadlines().publishedEnd())
					: confirmed.plus(settings.deadlines().publishedStale());
			schedule.schedule(new Deadline(EXPIRE, incident.id(), next));
		}
	}

	/** Who may be asked about which incident, of the observers on duty near it (the drill desk's participants). */
	public void candidates(Candidates filter) {
		this.eligible = java.util.Objects.requireNonNull(filter, "filter must not be null");
	}

	/** Who hears about every change of state (the console's live view, through the event stream). */
	public void onChange(java.util.function.Consumer<Incident> listener) {
		this.changes = listener;
	}

	private void announce(Incident incident) {
		try {
			changes.accept(incident);
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce an incident change: {}", ex.getClass().getSimpleName());
		}
	}

	/** What follows a change of state: publish, edit posts, tell residents, start retention. */
	private void after(Incident incident) {
		announce(incident);
		stats.count("incidents-" + incident.state().name().toLowerCase(java.util.Locale.ROOT));
		if (incident.state() == IncidentState.CONFIRMED || incident.state() == IncidentState.NOT_ICE
				|| incident.state() == IncidentState.UNFOUNDED) {
			stats.measure("verdict-seconds",
					java.time.Duration.between(incident.openedAt(), clock.instant()).toSeconds());
		}
		switch (incident.state()) {
			case CONFIRMED -> {
				publish(incident);
				notices.outcome(incident);
			}
			case ENDED, NOT_ICE, UNFOUNDED, EXPIRED -> {
				publisher.update(incident);
				notices.outcome(incident);
				retain(incident);
			}
			default -> {
			}
		}
	}

	/** Posts the alert to every channel around it, then marks it PUBLISHED and schedules its next deadline. */
	private void publish(Incident incident) {
		publisher.publish(incident).thenAccept(count -> Eventually.store("a published incident", () -> {
			Optional<Transition> published = change(incident.id(), i -> i.state() == IncidentState.CONFIRMED
					? Optional.of(lifecycle.published(i, count, clock.instant())) : Optional.empty());
			published.ifPresent(p -> {
				announce(p.incident());
				notices.changed(p.incident());
			});
			incidents.find(incident.id()).ifPresent(this::scheduleNext);
		}));
	}

	private void retain(Incident incident) {
		var ttl = settings.retention().afterClose();
		incidents.retain(incident.id(), ttl);
		reports.retain(incident.reports(), ttl);
		posts.retain(incident.id(), List.copyOf(posts.delivered(incident.id()).keySet()), ttl);
		prompts.retain(incident.id(), List.copyOf(prompts.delivered(incident.id()).keySet()), ttl);
		notices.retain(incident, ttl);
	}

	/** Applies an optional lifecycle step atomically; empty if it did not apply. */
	private Optional<Transition> change(IncidentId id, Function<Incident, Optional<Transition>> step) {
		try {
			return step(id, step);
		}
		catch (IllegalStateException ex) {
			log.info("A step on an incident did not apply: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/**
	 * As {@link #change}, but a step that illegal transitions or sustained contention stopped throws
	 * {@link IllegalStateException}, for callers that must tell the person it did not count.
	 */
	private Optional<Transition> step(IncidentId id, Function<Incident, Optional<Transition>> step) {
		var result = new AtomicReference<Optional<Transition>>(Optional.empty());
		incidents.update(id, incident -> {
			Optional<Transition> t = step.apply(incident);
			result.set(t);
			return t.map(Transition::incident).orElse(incident);
		});
		return result.get();
	}

	Set<ObserverId> asked(Incident incident) {
		return incident.dispatch().asked();
	}

}
