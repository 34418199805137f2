package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.Due;
import org.vigia.core.accompany.DueSchedule;
import org.vigia.core.accompany.Retention;

/**
 * Accompaniment reminders and check-in deadlines in one sorted set ({@code acc:due}, member
 * {@code {kind}:{appointmentId}}, score the due time), so that they survive restarts; {@link #takeDue} hands each
 * out once across bot processes (take-due.lua). A process that dies between taking an item and acting on it
 * loses that item: a reminder is not worth a lease.
 */
public class RedisDueSchedule implements DueSchedule {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	public RedisDueSchedule(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	static String member(Due.Kind kind, String appointmentId) {
		return kind.name() + ":" + appointmentId;
	}

	@Override
	public void schedule(List<Due> due) {
		for (Due d : due) {
			// kept past the due time for as long as the appointment itself is kept
			Duration ttl = Duration.between(clock.instant(), d.at()).plus(Retention.AFTER_APPOINTMENT);
			Duration keep = ttl.isNegative() || ttl.isZero() ? Duration.ofSeconds(1) : ttl;
			Guard.run("due schedule", () -> Expiring.writeExtending(redis, keys.accompanyDue(), keep, "ZADD",
					Long.toString(d.at().toEpochMilli()), member(d.kind(), d.appointment().value())));
		}
	}

	@Override
	public List<Due> takeDue(int max) {
		if (max < 1) {
			throw new IllegalArgumentException("max must be at least 1, was " + max);
		}
		List<?> taken = Guard.call("due take", () -> redis.execute(Scripts.TAKE_DUE, List.of(keys.accompanyDue()),
				Long.toString(clock.instant().toEpochMilli()), Integer.toString(max)));
		var due = new ArrayList<Due>();
		for (int i = 0; taken != null && i + 1 < taken.size(); i += 2) {
			String[] member = String.valueOf(taken.get(i)).split(":", 2);
			long at = (long) Double.parseDouble(String.valueOf(taken.get(i + 1)));
			due.add(new Due(new AppointmentId(member[1]), Due.Kind.valueOf(member[0]), Instant.ofEpochMilli(at)));
		}
		return due;
	}

}
