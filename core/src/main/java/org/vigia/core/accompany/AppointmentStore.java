package org.vigia.core.accompany;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where appointments are kept, each until {@link Appointment#retainUntil()}; after that only counts remain.
 * Implementations are safe for concurrent use by several bot processes and the console.
 */
public interface AppointmentStore {

	/** Keeps a new appointment. */
	void create(Appointment appointment);

	Optional<Appointment> find(AppointmentId id);

	/**
	 * Applies an action to the appointment as stored, atomically: when two processes act at once, the action is
	 * applied again to what the other one stored. Nothing is written when the action changes nothing.
	 *
	 * @return the action's result, empty if the appointment is not (or no longer) kept
	 */
	Optional<Appointment.Change> update(AppointmentId id, Function<Appointment, Appointment.Change> action);

	/** The appointments kept whose time is in [from, to), in time order. */
	List<Appointment> between(Instant from, Instant to);

	/** The appointments kept that have a detention case, open or closed, newest first. */
	List<Appointment> withCases();

	/**
	 * Forgets every appointment whose retention has passed by the store's clock, and what points to it, counting
	 * it first (requested, covered, detained).
	 *
	 * @return how many were forgotten
	 */
	int forgetExpired();

}
