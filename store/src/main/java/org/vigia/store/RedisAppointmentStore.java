package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentStore;
import org.vigia.core.accompany.Due;

/**
 * Accompaniment appointments in Redis (docs/redis-keys.md, {@code acc:}). Each appointment is one string, changed
 * by compare-and-set; three sorted sets index it by time, by retention and, with a case, by the case's opening.
 *
 * <p>Design note: an appointment is forgotten at {@link Appointment#retainUntil()} by {@link #forgetExpired},
 * which the bot runs every few minutes by its clock: it counts what was done, then removes the appointment, its
 * index entries, its family links and its schedule. Its TTL, set in the same command as the value, is a safety
 * net {@link #SAFETY_NET} later, for when no bot runs: late enough that the sweep, not Redis, forgets it (or its
 * counts would be lost), and no key outlives its retention by more than that. An index entry written by a process
 * that died before updating it is corrected by the sweep: the appointment itself says how long it is kept.
 */
public class RedisAppointmentStore implements AppointmentStore {

	/** How long after its retention an appointment's keys expire by themselves if no sweep forgot them. */
	public static final Duration SAFETY_NET = Duration.ofHours(1);

	/** At most this many appointments are forgotten per call. */
	static final int FORGET_BATCH = 500;

	private static final int MAX_ATTEMPTS = 20;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final AccompanyCodec codec;

	private final RedisStats stats;

	private final Clock clock;

	public RedisAppointmentStore(StringRedisTemplate redis, RedisKeys keys, Pseudonyms secret, RedisStats stats,
			Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.codec = new AccompanyCodec(secret.seal());
		this.stats = Objects.requireNonNull(stats, "stats must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public void create(Appointment appointment) {
		Duration ttl = keep(appointment);
		String key = keys.appointment(appointment.id().value());
		Guard.run("appointment create", () -> redis.opsForValue().set(key, codec.appointment(appointment), ttl));
		index(appointment, ttl);
		stats.count("accompany-requested");
	}

	@Override
	public Optional<Appointment> find(AppointmentId id) {
		String json = Guard.call("appointment find", () -> redis.opsForValue().get(keys.appointment(id.value())));
		return Optional.ofNullable(json).map(codec::appointment);
	}

	@Override
	public Optional<Appointment.Change> update(AppointmentId id, Function<Appointment, Appointment.Change> action) {
		String key = keys.appointment(id.value());
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			String read = Guard.call("appointment find", () -> redis.opsForValue().get(key));
			if (read == null) {
				return Optional.empty();
			}
			Appointment.Change change = action.apply(codec.appointment(read));
			if (!change.changed()) {
				return Optional.of(change);
			}
			Appointment next = change.appointment();
			Duration ttl = keep(next);
			Long replaced = Guard.call("appointment update", () -> redis.execute(Scripts.COMPARE_AND_SET, List.of(key),
					read, codec.appointment(next), Long.toString(ttl.toMillis())));
			if (replaced != null && replaced == 1) {
				index(next, ttl);
				return Optional.of(change);
			}
		}
		throw new IllegalStateException("appointment " + id.value() + " changed " + MAX_ATTEMPTS + " times during one update");
	}

	@Override
	public List<Appointment> between(Instant from, Instant to) {
		Set<String> ids = Guard.call("appointments list", () -> redis.opsForZSet()
			.rangeByScore(keys.appointmentsByTime(), from.toEpochMilli(), to.toEpochMilli() - 1));
		return load(ids == null ? List.of() : List.copyOf(ids));
	}

	@Override
	public List<Appointment> withCases() {
		Set<String> ids = Guard.call("cases list", () -> redis.opsForZSet().reverseRange(keys.detentionCases(), 0, -1));
		return load(ids == null ? List.of() : List.copyOf(ids));
	}

	@Override
	public int forgetExpired() {
		Instant now = clock.instant();
		Set<String> due = Guard.call("appointments retention", () -> redis.opsForZSet()
			.rangeByScore(keys.appointmentsRetention(), Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, FORGET_BATCH));
		int forgotten = 0;
		for (String id : due == null ? Set.<String>of() : due) {
			Optional<Appointment> kept = find(new AppointmentId(id));
			if (kept.isPresent() && kept.get().retainUntil().isAfter(now)) {
				// a detention opened after the index was written: kept longer, as the appointment says
				index(kept.get(), keep(kept.get()));
				continue;
			}
			// taken in one step: of two processes sweeping at once, one gets it and counts it
			String taken = Guard.call("appointment forget",
					() -> redis.opsForValue().getAndDelete(keys.appointment(id)));
			if (taken != null) {
				count(taken);
				forgotten++;
			}
			forget(id);
		}
		return forgotten;
	}

	/** What stays after retention: how many, covered or not, cancelled, detained; nothing that says who or where. */
	private void count(String stored) {
		stats.count("accompany-forgotten");
		Appointment a;
		try {
			a = codec.appointment(stored);
		}
		catch (RuntimeException ex) {
			// sealed under another secret, or written by another version: forgotten all the same, counted as such
			return;
		}
		stats.count(a.cancelled() ? "accompany-cancelled" : a.covered() ? "accompany-covered" : "accompany-uncovered");
		if (a.detention() != null) {
			stats.count("accompany-detained");
		}
	}

	private void forget(String id) {
		String links = keys.familyLinksOf(id);
		Guard.run("appointment forget", () -> {
			Set<String> hashes = redis.opsForSet().members(links);
			var doomed = new ArrayList<String>(List.of(keys.appointment(id), links));
			if (hashes != null) {
				hashes.forEach(h -> doomed.add(keys.familyLink(h)));
			}
			redis.delete(doomed);
			redis.opsForZSet().remove(keys.appointmentsByTime(), id);
			redis.opsForZSet().remove(keys.appointmentsRetention(), id);
			redis.opsForZSet().remove(keys.detentionCases(), id);
			redis.opsForZSet().remove(keys.accompanyDue(),
					java.util.Arrays.stream(Due.Kind.values()).map(k -> RedisDueSchedule.member(k, id)).toArray());
		});
	}

	private List<Appointment> load(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<String> texts = Guard.call("appointments load",
				() -> redis.opsForValue().multiGet(ids.stream().map(keys::appointment).toList()));
		var found = new ArrayList<Appointment>();
		for (String text : texts == null ? List.<String>of() : texts) {
			if (text != null) {
				found.add(codec.appointment(text));
			}
		}
		return found;
	}

	private void index(Appointment a, Duration ttl) {
		String id = a.id().value();
		Guard.run("appointment index", () -> {
			Expiring.writeExtending(redis, keys.appointmentsByTime(), ttl, "ZADD",
					Long.toString(a.request().at().toEpochMilli()), id);
			Expiring.writeExtending(redis, keys.appointmentsRetention(), ttl, "ZADD",
					Long.toString(a.retainUntil().toEpochMilli()), id);
			if (a.detention() != null) {
				Expiring.writeExtending(redis, keys.detentionCases(), ttl, "ZADD",
						Long.toString(a.detention().openedAt().toEpochMilli()), id);
			}
		});
	}

	/** The TTL of its keys: until its retention and the safety net; never less than a second. */
	private Duration keep(Appointment a) {
		Duration left = Duration.between(clock.instant(), a.retainUntil()).plus(SAFETY_NET);
		return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
	}

}
