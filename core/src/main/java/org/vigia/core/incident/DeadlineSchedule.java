package org.vigia.core.incident;

import java.time.Duration;
import java.util.List;

/**
 * Due deadlines of incidents, kept so that they survive restarts and fire on exactly one instance at a time.
 *
 * <p>Protocol: a scheduler polls {@link #claimDue}, acts, then {@link #complete}s. A claimed deadline is hidden
 * from other instances for the lease; if the claimer dies before completing, it comes due again when the lease
 * ends. Acting must therefore be idempotent. Acting may schedule the same deadline again, for a later time:
 * completing then leaves the new time in place.
 */
public interface DeadlineSchedule {

	/** A deadline claimed until a time (epoch millis), to be {@link #complete}d once handled. */
	record Claimed(Deadline deadline, long until) {
	}

	/** Schedules (or moves) a deadline. */
	void schedule(Deadline deadline);

	/** Schedules a deadline unless it is scheduled already (then its time stays as it is). */
	void scheduleIfAbsent(Deadline deadline);

	/** Claims up to {@code max} deadlines that are due now, for {@code lease}. */
	List<Claimed> claimDue(int max, Duration lease);

	/** Removes a deadline that was handled, unless handling it scheduled it again (then the new time stays). */
	void complete(Claimed claimed);

	/** Every pending deadline, soonest first. */
	List<Deadline> pending();

}
