package org.vigia.core.accompany;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vigia.core.accompany.HistoryEntry.Event;
import org.vigia.core.messaging.Address;

/**
 * An accompaniment request and everything that happened to it: who was asked, who declined, who is assigned,
 * the family contacts who joined, the check-ins of the day, a detention case, the history.
 *
 * <p>Design note: immutable; every action returns a {@link Change}, the appointment after it and a typed
 * {@link Outcome}, and an action that is not allowed (a stranger's check-in, a second acceptance when the
 * appointment is covered, a check-in days early) changes nothing. Time is passed in by the caller, who reads
 * it from an injected clock. Whom to tell is read from the result ({@link #family()}, {@link #assigned()}).
 *
 * @param id opaque id
 * @param request what was asked
 * @param cancelled whether the person, or a coordinator for them, cancelled
 * @param asked accompaniers asked so far, in order
 * @param declined accompaniers who said no
 * @param assigned accompaniers who go, in the order they accepted (at most {@code request.companions()})
 * @param family family contacts who joined through the single-use link (at most {@link #MAX_FAMILY})
 * @param checkIns the reports of the day, in order
 * @param detention the detention case, null if none
 * @param history what happened, in order
 */
public record Appointment(AppointmentId id, AccompanyRequest request, boolean cancelled, List<AccompanierId> asked,
		List<AccompanierId> declined, List<AccompanierId> assigned, List<Address> family, List<CheckIn> checkIns,
		DetentionCase detention, List<HistoryEntry> history) {

	public static final int MAX_FAMILY = 3;

	/** Check-ins are taken from this long before the appointment... */
	public static final Duration CHECK_IN_FROM = Duration.ofHours(3);

	/** ...until this long after it. */
	public static final Duration CHECK_IN_UNTIL = Duration.ofHours(12);

	/** What an action did. */
	public enum Outcome {

		/** Done as asked. */
		DONE,
		/** Already so: nothing changed (a button pressed twice). */
		UNCHANGED,
		/** Everyone asked for is already assigned. */
		FULL,
		/** The accompanier was not asked, or is not assigned: not theirs to do. */
		NOT_YOURS,
		/** Not at this time (a check-in far from the appointment). */
		NOT_NOW,
		/** The appointment was cancelled. */
		CANCELLED,
		/** There is no case to close. */
		NO_CASE

	}

	/** An action's result: the appointment after it (the same one when nothing changed) and what happened. */
	public record Change(Appointment appointment, Outcome outcome) {

		public boolean changed() {
			return outcome == Outcome.DONE;
		}

	}

	public Appointment {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(request, "request must not be null");
		asked = List.copyOf(asked);
		declined = List.copyOf(declined);
		assigned = List.copyOf(assigned);
		if (assigned.size() > request.companions()) {
			throw new IllegalArgumentException("more assigned than asked for: " + assigned.size());
		}
		family = List.copyOf(family);
		if (family.size() > MAX_FAMILY) {
			throw new IllegalArgumentException("at most " + MAX_FAMILY + " family contacts, was " + family.size());
		}
		checkIns = List.copyOf(checkIns);
		history = List.copyOf(history);
	}

	/** A new request, nobody asked yet. */
	public static Appointment open(AppointmentId id, AccompanyRequest request) {
		return new Appointment(id, request, false, List.of(), List.of(), List.of(), List.of(), List.of(), null,
				List.of(new HistoryEntry(request.requestedAt(), Event.REQUESTED, null)));
	}

	/** Whether as many accompaniers as asked for are assigned. */
	public boolean covered() {
		return assigned.size() >= request.companions();
	}

	/** How many accompaniers are still needed. */
	public int missing() {
		return Math.max(0, request.companions() - assigned.size());
	}

	/** When everything about it may be forgotten: 72 h after the appointment, 30 days after a detention. */
	public Instant retainUntil() {
		Instant after = request.at().plus(Retention.AFTER_APPOINTMENT);
		if (detention != null) {
			Instant caseEnd = detention.openedAt().plus(Retention.DETENTION_CASE);
			return caseEnd.isAfter(after) ? caseEnd : after;
		}
		return after;
	}

	/** Records that these accompaniers were asked (the ones already asked are skipped). */
	public Change ask(List<AccompanierId> whom, Instant now) {
		if (cancelled) {
			return same(Outcome.CANCELLED);
		}
		var next = this;
		for (AccompanierId a : whom) {
			if (!next.asked.contains(a)) {
				next = next.with(plus(next.asked, a), next.declined, next.assigned, next.family, next.checkIns,
						next.detention, false, new HistoryEntry(now, Event.ASKED, a));
			}
		}
		return next == this ? same(Outcome.UNCHANGED) : new Change(next, Outcome.DONE);
	}

	/** An asked accompanier accepts: assigned if places are left (the first who accept go). */
	public Change accept(AccompanierId who, Instant now) {
		if (cancelled) {
			return same(Outcome.CANCELLED);
		}
		if (assigned.contains(who)) {
			return same(Outcome.UNCHANGED);
		}
		if (!asked.contains(who)) {
			return same(Outcome.NOT_YOURS);
		}
		if (covered()) {
			return same(Outcome.FULL);
		}
		return done(with(asked, minus(declined, who), plus(assigned, who), family, checkIns, detention, false,
				new HistoryEntry(now, Event.ACCEPTED, who)));
	}

	/** An asked accompanier says no. */
	public Change decline(AccompanierId who, Instant now) {
		if (cancelled) {
			return same(Outcome.CANCELLED);
		}
		if (!asked.contains(who) || assigned.contains(who)) {
			return same(assigned.contains(who) ? Outcome.NOT_NOW : Outcome.NOT_YOURS);
		}
		if (declined.contains(who)) {
			return same(Outcome.UNCHANGED);
		}
		return done(with(asked, plus(declined, who), assigned, family, checkIns, detention, false,
				new HistoryEntry(now, Event.DECLINED, who)));
	}

	/** A coordinator assigns an accompanier by hand (asked or not). */
	public Change assignByHand(AccompanierId who, Instant now) {
		if (cancelled) {
			return same(Outcome.CANCELLED);
		}
		if (assigned.contains(who)) {
			return same(Outcome.UNCHANGED);
		}
		if (covered()) {
			return same(Outcome.FULL);
		}
		return done(with(plus(asked, who), minus(declined, who), plus(assigned, who), family, checkIns, detention,
				false, new HistoryEntry(now, Event.ASSIGNED_BY_HAND, who)));
	}

	/** A family contact opened the single-use link and accepted. */
	public Change familyJoined(Address contact, Instant now) {
		if (cancelled) {
			return same(Outcome.CANCELLED);
		}
		if (family.contains(contact)) {
			return same(Outcome.UNCHANGED);
		}
		if (family.size() >= MAX_FAMILY) {
			return same(Outcome.FULL);
		}
		return done(with(asked, declined, assigned, plus(family, contact), checkIns, detention, false,
				new HistoryEntry(now, Event.FAMILY_JOINED, null)));
	}

	/**
	 * An assigned accompanier reports on the day. "Detained" opens the detention case (once; a second report of
	 * it, by another accompanier, is recorded but opens no second case).
	 */
	public Change checkIn(AccompanierId who, CheckInKind kind, Instant now) {
		if (cancelled) {
			return same(Outcome.CANCELLED);
		}
		if (!assigned.contains(who)) {
			return same(Outcome.NOT_YOURS);
		}
		if (now.isBefore(request.at().minus(CHECK_IN_FROM)) || now.isAfter(request.at().plus(CHECK_IN_UNTIL))) {
			return same(Outcome.NOT_NOW);
		}
		if (checkIns.stream().anyMatch(c -> c.by().equals(who) && c.kind() == kind)) {
			return same(Outcome.UNCHANGED);
		}
		DetentionCase opened = kind == CheckInKind.DETAINED && detention == null ? new DetentionCase(now, who, null, null)
				: detention;
		return done(with(asked, declined, assigned, family, plus(checkIns, new CheckIn(who, kind, now)), opened, false,
				new HistoryEntry(now, Event.valueOf(kind.name()), who)));
	}

	/** Whether any accompanier reported anything on the day. */
	public boolean checkedIn() {
		return !checkIns.isEmpty();
	}

	/** The person (or a coordinator for them) cancels: the assigned accompaniers are to be told. */
	public Change cancelByPerson(Instant now) {
		if (cancelled) {
			return same(Outcome.UNCHANGED);
		}
		return done(with(asked, declined, assigned, family, checkIns, detention, true,
				new HistoryEntry(now, Event.CANCELLED_BY_PERSON, null)));
	}

	/** An assigned accompanier can no longer go: their place is open again, and the person is to be told. */
	public Change cancelByAccompanier(AccompanierId who, Instant now) {
		if (cancelled) {
			return same(Outcome.CANCELLED);
		}
		if (!assigned.contains(who)) {
			return same(Outcome.NOT_YOURS);
		}
		return done(with(asked, plus(declined, who), minus(assigned, who), family, checkIns, detention, false,
				new HistoryEntry(now, Event.CANCELLED_BY_ACCOMPANIER, who)));
	}

	/** A coordinator closes the detention case, with a reason. */
	public Change closeCase(String reason, Instant now) {
		if (detention == null) {
			return same(Outcome.NO_CASE);
		}
		if (!detention.open()) {
			return same(Outcome.UNCHANGED);
		}
		return done(with(asked, declined, assigned, family, checkIns, detention.close(reason, now), cancelled,
				new HistoryEntry(now, Event.CASE_CLOSED, null)));
	}

	/** The assigned accompaniers other than this one (told when it reports a detention or cancels). */
	public List<AccompanierId> assignedOtherThan(AccompanierId who) {
		return assigned.stream().filter(a -> !a.equals(who)).toList();
	}

	private Appointment with(List<AccompanierId> asked, List<AccompanierId> declined, List<AccompanierId> assigned,
			List<Address> family, List<CheckIn> checkIns, DetentionCase detention, boolean cancelled, HistoryEntry entry) {
		return new Appointment(id, request, cancelled, asked, declined, assigned, family, checkIns, detention,
				plus(history, entry));
	}

	private Change same(Outcome outcome) {
		return new Change(this, outcome);
	}

	private static Change done(Appointment next) {
		return new Change(next, Outcome.DONE);
	}

	private static <T> List<T> plus(List<T> list, T item) {
		var copy = new ArrayList<>(list);
		copy.add(item);
		return copy;
	}

	private static <T> List<T> minus(List<T> list, T item) {
		return list.stream().filter(x -> !x.equals(item)).toList();
	}

	@Override
	public String toString() {
		return "Appointment[" + id.value() + "]";
	}

}
