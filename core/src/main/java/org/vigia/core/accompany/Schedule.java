package org.vigia.core.accompany;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When reminders and the check-in deadline fall, and what to do when they come due. Stateless.
 */
public final class Schedule {

	public static final Duration DAY_BEFORE = Duration.ofHours(24);

	public static final Duration TWO_HOURS_BEFORE = Duration.ofHours(2);

	/** Coordinators are warned if nobody checked in this long after the appointment time. */
	public static final Duration CHECK_IN_GRACE = Duration.ofMinutes(30);

	private Schedule() {
	}

	/**
	 * What to schedule for an appointment requested at {@code now}: the reminders still ahead (a request made 3
	 * hours before gets no day-before reminder), the check-in deadline, and the coordinators' warnings if it is
	 * still not covered 48 and 24 hours before ({@link Matching#WARN}, {@link Matching#URGENT}: the marks the
	 * console shows).
	 */
	public static List<Due> of(Appointment appointment, Instant now) {
		Instant at = appointment.request().at();
		var due = new ArrayList<Due>();
		add(due, appointment.id(), Due.Kind.REMIND_DAY_BEFORE, at.minus(DAY_BEFORE), now);
		add(due, appointment.id(), Due.Kind.REMIND_TWO_HOURS, at.minus(TWO_HOURS_BEFORE), now);
		add(due, appointment.id(), Due.Kind.CHECK_IN_DEADLINE, at.plus(CHECK_IN_GRACE), now);
		add(due, appointment.id(), Due.Kind.UNCOVERED_48H, at.minus(Matching.WARN), now);
		add(due, appointment.id(), Due.Kind.UNCOVERED_24H, at.minus(Matching.URGENT), now);
		return due;
	}

	private static void add(List<Due> due, AppointmentId id, Due.Kind kind, Instant at, Instant now) {
		if (at.isAfter(now)) {
			due.add(new Due(id, kind, at));
		}
	}

	/**
	 * Whether coordinators are to be warned now: the appointment started at least {@link #CHECK_IN_GRACE} ago,
	 * nobody checked in, it was not cancelled, and its day is not over ({@link Appointment#CHECK_IN_UNTIL}).
	 */
	public static boolean checkInMissed(Appointment appointment, Instant now) {
		Instant at = appointment.request().at();
		return !appointment.cancelled() && !appointment.checkedIn() && !now.isBefore(at.plus(CHECK_IN_GRACE))
				&& !now.isAfter(at.plus(Appointment.CHECK_IN_UNTIL));
	}

	/**
	 * Whether a due item still applies to the appointment as it is now: nothing for a cancelled one; a
	 * reminder for one that has not started; the deadline warning only when nobody checked in; the coverage
	 * warnings only while fewer accompaniers are going than the person asked for.
	 */
	public static boolean applies(Due due, Appointment appointment) {
		if (appointment.cancelled()) {
			return false;
		}
		return switch (due.kind()) {
			case REMIND_DAY_BEFORE, REMIND_TWO_HOURS -> true;
			case CHECK_IN_DEADLINE -> !appointment.checkedIn();
			case UNCOVERED_48H, UNCOVERED_24H -> !appointment.covered();
		};
	}

	/**
	 * Whether a coverage warning taken at {@code now} is still worth sending: before the appointment, and for
	 * the 48-hour one, not once the 24-hour one is due too (a bot that was stopped sends the stronger only).
	 */
	public static boolean coverageWarningTimely(Due due, Appointment appointment, Instant now) {
		Instant at = appointment.request().at();
		if (!now.isBefore(at)) {
			return false;
		}
		return due.kind() != Due.Kind.UNCOVERED_48H || now.isBefore(at.minus(Matching.URGENT));
	}

}
