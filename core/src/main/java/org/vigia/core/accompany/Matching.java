package org.vigia.core.accompany;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Who is asked to go, and in what order appointments are served.
 *
 * <p>Design note: accompaniers who speak the person's language and serve the venue are asked, all at once,
 * skipping those already asked; the first who accept are assigned ({@link Appointment#accept}), as many as
 * the person asked for. Appointments are served nearest first, so that a hearing tomorrow finds its
 * accompaniers before one next month. Stateless and thread-safe.
 */
public final class Matching {

	/** Highlighted in the console when not fully covered this close to the appointment... */
	public static final Duration WARN = Duration.ofHours(48);

	/** ...and more strongly this close. */
	public static final Duration URGENT = Duration.ofHours(24);

	/** How an upcoming appointment stands, for the console's ordering and highlighting. */
	public enum Coverage {

		/** Not fully covered, 24 h away or less. */
		UNCOVERED_24H,
		/** Not fully covered, 48 h away or less. */
		UNCOVERED_48H,
		/** Not fully covered, further away. */
		UNCOVERED,
		/** As many accompaniers as asked for. */
		COVERED

	}

	private Matching() {
	}

	/** The accompaniers to ask now: they fit the request and were not asked before. */
	public static List<AccompanierId> toAsk(Appointment appointment, Collection<Accompanier> accompaniers) {
		if (appointment.cancelled() || appointment.covered()) {
			return List.of();
		}
		return accompaniers.stream()
			.filter(a -> a.canServe(appointment.request()))
			.map(Accompanier::id)
			.filter(id -> !appointment.asked().contains(id))
			.sorted(Comparator.comparing(AccompanierId::value))
			.toList();
	}

	/** The appointments still to come (not cancelled), nearest first. */
	public static List<Appointment> nearestFirst(Collection<Appointment> appointments, Instant now) {
		return appointments.stream()
			.filter(a -> !a.cancelled() && a.request().at().isAfter(now))
			.sorted(Comparator.comparing((Appointment a) -> a.request().at()).thenComparing(a -> a.id().value()))
			.toList();
	}

	/** For the console: uncovered ones first, the nearest and most urgent on top, then the covered ones by time. */
	public static List<Appointment> uncoveredFirst(Collection<Appointment> appointments, Instant now) {
		return nearestFirst(appointments, now).stream()
			.sorted(Comparator.comparing((Appointment a) -> coverage(a, now)))
			.toList();
	}

	public static Coverage coverage(Appointment appointment, Instant now) {
		if (appointment.covered()) {
			return Coverage.COVERED;
		}
		Duration left = Duration.between(now, appointment.request().at());
		if (left.compareTo(URGENT) <= 0) {
			return Coverage.UNCOVERED_24H;
		}
		return left.compareTo(WARN) <= 0 ? Coverage.UNCOVERED_48H : Coverage.UNCOVERED;
	}

}
