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
 * Family links by the keyed hash of their code ({@code acc:link:{hash}} → appointment id), until they expire;
 * taken with GETDEL, so that a link works once. The hashes given out for an appointment are listed
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
	public void keep(FamilyLinks.Issued link, AppointmentId appointment) {
		Duration left = Duration.between(clock.instant(), link.expires());
		if (left.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("the link has already expired: " + link.expires());
		}
		if (!link.hash().matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("a link is kept by its 64-character hash");
		}
		Guard.run("family link keep", () -> {
			Expiring.writeExtending(redis, keys.familyLinksOf(appointment.value()), left.plus(Retention.AFTER_APPOINTMENT),
					"SADD", link.hash());
			redis.opsForValue().set(keys.familyLink(link.hash()), appointment.value(), left);
		});
	}

	@Override
	public Optional<AppointmentId> take(String hash) {
		if (hash == null || !hash.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		String id = Guard.call("family link take", () -> redis.opsForValue().getAndDelete(keys.familyLink(hash)));
		return Optional.ofNullable(id).map(AppointmentId::new);
	}

}
