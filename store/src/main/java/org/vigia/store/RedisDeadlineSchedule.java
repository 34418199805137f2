package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.incident.Deadline;
import org.vigia.core.incident.DeadlineSchedule;
import org.vigia.core.incident.IncidentId;

/**
 * Due deadlines in one sorted set ({@code deadlines}, member {@code kind:incident}, score the due time),
 * so that they survive restarts and fire on exactly one instance at a time.
 *
 * <p>Protocol: a scheduler polls {@link #claimDue}, acts, then {@link #complete}s. Claiming moves the
 * deadline's score to now + lease in one script: another instance does not see it meanwhile, and if
 * this one dies before completing, it comes due again when the lease ends. Acting must therefore be
 * idempotent (the incident store's compare-and-set makes state changes so). Acting may schedule the same
 * deadline again, for a later time (a published alert marked stale gets its end): completing then leaves the
 * new time in place.
 */
public class RedisDeadlineSchedule implements DeadlineSchedule {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	private final Duration keep;

	/** @param keep how long the set may live without a new deadline (retention.open) */
	public RedisDeadlineSchedule(StringRedisTemplate redis, RedisKeys keys, Clock clock, Duration keep) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.keep = Ttl.check(keep);
	}

	/** Schedules (or moves) a deadline. */
	public void schedule(Deadline deadline) {
		Guard.run("deadline schedule", () -> Expiring.write(redis, keys.deadlines(), keep, "ZADD",
				Long.toString(deadline.due().toEpochMilli()), member(deadline)));
	}

	/** Schedules a deadline unless it is scheduled already (then its time stays as it is). */
	public void scheduleIfAbsent(Deadline deadline) {
		Guard.run("deadline schedule", () -> Expiring.write(redis, keys.deadlines(), keep, "ZADD", "NX",
				Long.toString(deadline.due().toEpochMilli()), member(deadline)));
	}

	/** Claims up to {@code max} deadlines that are due now, for {@code lease}. */
	public List<Claimed> claimDue(int max, Duration lease) {
		Ttl.check(lease);
		long now = clock.millis();
		List<?> members = Guard.call("deadline claim", () -> redis.execute(Scripts.CLAIM_DUE,
				List.of(keys.deadlines()), Long.toString(now), Long.toString(lease.toMillis()), Integer.toString(max)));
		var out = new ArrayList<Claimed>();
		List<?> flat = members == null ? List.of() : members;
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			out.add(new Claimed(parse((String) flat.get(i), Double.parseDouble((String) flat.get(i + 1))),
					now + lease.toMillis()));
		}
		return List.copyOf(out);
	}

	/** Removes a deadline that was handled, unless handling it scheduled it again (then the new time stays). */
	public void complete(Claimed claimed) {
		Guard.run("deadline complete", () -> redis.execute(Scripts.COMPLETE_DUE, List.of(keys.deadlines()),
				member(claimed.deadline()), Long.toString(claimed.until())));
	}

	/** Every pending deadline, soonest first (for the admin view and tests). */
	public List<Deadline> pending() {
		var tuples = Guard.call("deadline list", () -> redis.opsForZSet().rangeWithScores(keys.deadlines(), 0, -1));
		var out = new ArrayList<Deadline>();
		tuples.forEach(t -> out.add(parse(t.getValue(), t.getScore())));
		return List.copyOf(out);
	}

	/** A deadline's member of the sorted set: {@code kind:incident}. */
	static String member(Deadline deadline) {
		return deadline.kind() + ":" + deadline.incident().value();
	}

	private static Deadline parse(String member, double score) {
		int colon = member.indexOf(':');
		return new Deadline(member.substring(0, colon), new IncidentId(member.substring(colon + 1)),
				java.time.Instant.ofEpochMilli((long) score));
	}

}
