package org.vigia.core.report;

import java.time.Instant;

/**
 * Counts reports per pseudonym against the limits of DESIGN.md (3 per 5 minutes, 20 per day, by
 * default). Implementations are thread-safe and atomic across processes.
 */
public interface RateLimiter {

	/** Records one report by {@code who} at {@code now} if allowed, and says whether it was. */
	boolean tryAcquire(Pseudonym who, Instant now);

}
