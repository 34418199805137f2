package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.FamilyLinkStore;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.accompany.Retention;

/**
 * Family links by the keyed hash of their code ({@code acc:link:{hash}} → appointment id and expiry), until they
 * expire (by the key's TTL, and by the store's clock when taken); taken with GETDEL, so that a link works once. The hashes given out for an appointment are listed
 * ({@code acc:links:{id}}) so that they are forgotten with it.
 */
public class RedisFamilyLinkStore implements FamilyLinkStore {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	public RedisFamilyLinkStore(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public void keep(FamilyLinks.Pending link, AppointmentId appointment) {
		Duration left = Duration.between(clock.instant(), link.expires());
		if (left.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("the link has already expired: " + link.expires());
		}
		Guard.run("family link keep", () -> {
			Expiring.writeExtending(redis, keys.familyLinksOf(appointment.value()), left.plus(Retention.AFTER_APPOINTMENT),
					"SADD", link.hash());
			redis.opsForValue().set(keys.familyLink(link.hash()),
					appointment.value() + ":" + link.expires().toEpochMilli(), left);
		});
	}

	@Override
	public Optional<AppointmentId> take(String hash) {
		if (hash == null || !hash.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		String taken = Guard.call("family link take", () -> redis.opsForValue().getAndDelete(keys.familyLink(hash)));
		if (taken == null) {
			return Optional.empty();
		}
		String[] parts = taken.split(":", 2);
		if (parts.length != 2 || Long.parseLong(parts[1]) <= clock.millis()) {
			return Optional.empty();
		}
		return Optional.of(new AppointmentId(parts[0]));
	}

}
