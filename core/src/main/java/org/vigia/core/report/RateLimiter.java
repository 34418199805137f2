package org.vigia.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * Counts reports per pseudonym against the limits of DESIGN.md (3 per 5 minutes, 20 per day, by default), in
 * sliding windows: at any moment, the reports of the last 5 minutes and of the last 24 hours count, so that
 * no run of reports beats the limit by straddling a clock boundary. Implementations are thread-safe and
 * atomic across processes.
 */
public interface RateLimiter {

	/** Records one report by {@code who} at {@code now} if both windows have room, and says whether it did. */
	Decision tryAcquire(Pseudonym who, Instant now);

	/**
	 * Whether a report by {@code who} would be allowed at {@code now}, counting nothing: asked when a resident
	 * starts a report, so that one who is over the limit is told before answering the questions. The report
	 * is counted (and may still be refused) by {@link #tryAcquire} when it is sent.
	 */
	Decision check(Pseudonym who, Instant now);

	/**
	 * One answer of the limiter.
	 *
	 * @param allowed whether a report is (or would be) allowed
	 * @param retryAt when refused, the first moment a report would be allowed again; null when allowed
	 */
	record Decision(boolean allowed, Instant retryAt) {

		public static final Decision ALLOWED = new Decision(true, null);

		public Decision {
			if (allowed != (retryAt == null)) {
				throw new IllegalArgumentException("a refusal, and only a refusal, says when to retry");
			}
		}

		public static Decision refusedUntil(Instant retryAt) {
			return new Decision(false, Objects.requireNonNull(retryAt, "retryAt must not be null"));
		}

	}

}
