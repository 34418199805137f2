package org.vigia.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.messaging.UpdateLedger;
import org.vigia.core.support.Claim;

/**
 * Telegram update ids already taken, so that an update delivered twice (webhook retries, a restart
 * between receiving and acknowledging, a second instance) is handled once. Kept a day: Telegram does
 * not redeliver older updates.
 *
 * <p>Protocol: {@link #claim} before handling, {@link #done} after. A claim holds the id of the process
 * handling the update; if that process dies before {@link #done} (Telegram then delivers the update
 * again, since it was never confirmed), the redelivery finds no heartbeat behind the claim and handles the
 * update after all, instead of losing it.
 */
public class RedisUpdateLedger implements UpdateLedger {

	static final Duration KEEP = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisInstances instances;

	public RedisUpdateLedger(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.instances = Objects.requireNonNull(instances, "instances must not be null");
	}

	/** Whether this process should handle the update: once on any instance, or again if its handler died. */
	public Claim claim(long updateId) {
		return Claims.of(Guard.call("update claim", () -> redis.execute(Scripts.CLAIM, List.of(keys.update(updateId)),
				instances.id(), Long.toString(KEEP.toMillis()), instances.keyPrefix())));
	}

	/**
	 * How long to wait for an update another process holds: until its heartbeat would have expired, so
	 * that the update is either done by then or taken over.
	 */
	public Duration patience() {
		return instances.ttl().plusSeconds(1);
	}

	/** The update was handled: never again. */
	public void done(long updateId) {
		Guard.run("update done", () -> redis.opsForValue().set(keys.update(updateId), "done", KEEP));
	}

}
