package org.vigia.bot.config;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.drill.DrillDesk;
import org.vigia.bot.incident.Verification;
import org.vigia.core.incident.Deadline;
import org.vigia.store.RedisDeadlineSchedule;

/**
 * Fires due deadlines (expiry, widening the dispatch radius, stale and ended alerts); run once a second. The
 * schedule lives in Redis and each deadline is claimed with a lease, so after a restart they still fire,
 * and with two instances each fires once. Public for the simulator, which ticks it on its virtual clock.
 */
public final class DeadlineTicker {

	private static final Logger log = LoggerFactory.getLogger(DeadlineTicker.class);

	private final RedisDeadlineSchedule schedule;

	private final Verification verification;

	public DeadlineTicker(RedisDeadlineSchedule schedule, Verification verification) {
		this(schedule, verification, null);
	}

	/** With {@code drills}, drill scenes due later start when their deadline comes. */
	public DeadlineTicker(RedisDeadlineSchedule schedule, Verification verification, DrillDesk drills) {
		this.schedule = schedule;
		this.verification = verification;
		this.drills = drills;
	}

	private final DrillDesk drills;

	/** Fires what is due; a failure to reach Redis is left to the caller ({@link Periodic} tries again). */
	public void tick() {
		for (RedisDeadlineSchedule.Claimed claimed : schedule.claimDue(50, Duration.ofSeconds(60))) {
			Deadline deadline = claimed.deadline();
			try {
				if (DrillDesk.SCENE.equals(deadline.kind())) {
					if (drills != null) {
						drills.due(deadline.incident());
					}
				}
				else {
					verification.due(deadline);
				}
				// a deadline scheduled again while handled (a stale alert given its end) keeps its new time
				schedule.complete(claimed);
			}
			catch (RuntimeException ex) {
				// claimed with a lease: it comes due again when the lease ends
				log.warn("A {} deadline failed: {}", deadline.kind(), ex.getClass().getSimpleName());
			}
		}
	}

}
