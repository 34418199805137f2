package org.vigia.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.delivery.Deliveries;
import org.vigia.core.incident.IncidentId;

/**
 * Messages that must reach a target once per incident (a channel's alert, an observer's prompt), across
 * instances, retries and restarts.
 *
 * <p>Protocol: {@link #claim} before sending; {@link #record} once Telegram took the message; {@link #release}
 * if sending certainly failed, so that a later attempt may claim again. A claim holds the id of the process
 * that made it ({@link RedisInstances}): while that process lives, nobody else gets the claim; if it died
 * before recording (killed mid-send), the next claim takes over and the message is sent after all. The
 * price is a duplicate in the rare case the dead process had sent it a moment before dying, chosen over an
 * alert or a prompt that never arrives.
 */
public class RedisDeliveries implements Deliveries {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisInstances instances;

	private final String kind;

	private final Duration ttl;

	/**
	 * @param kind what is delivered, part of the keys ({@code post}, {@code prompt})
	 * @param ttl how long claims and records are kept (at least as long as an incident stays open)
	 */
	protected RedisDeliveries(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances, String kind,
			Duration ttl) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.instances = Objects.requireNonNull(instances, "instances must not be null");
		this.kind = Objects.requireNonNull(kind, "kind must not be null");
		this.ttl = Ttl.check(ttl);
	}

	/** Whether the caller may send to this target now: not delivered yet, and nobody alive is sending. */
	public boolean claim(IncidentId incident, String target) {
		return Claims.of(Guard.call(kind + " claim", () -> redis.execute(Scripts.CLAIM,
				List.of(keys.deliveryClaim(kind, incident, target), keys.deliveries(kind, incident)), instances.id(),
				Long.toString(ttl.toMillis()), instances.keyPrefix(), target))).granted();
	}

	/** Gives up a claim after a send that certainly failed. */
	public void release(IncidentId incident, String target) {
		Guard.run(kind + " release", () -> redis.delete(keys.deliveryClaim(kind, incident, target)));
	}

	/**
	 * Telegram took the message: its id, to edit it later. A record that lands after the incident closed keeps
	 * the shorter life retention gave its keys.
	 */
	public void record(IncidentId incident, String target, long messageId) {
		Guard.run(kind + " record", () -> redis.execute(Scripts.RECORD_DELIVERY,
				List.of(keys.deliveries(kind, incident), keys.deliveryClaim(kind, incident, target)),
				Long.toString(ttl.toMillis()), target, Long.toString(messageId)));
	}

	/** What was delivered for an incident: target → message id, in target order. */
	public Map<String, Long> delivered(IncidentId incident) {
		Map<Object, Object> entries = Guard.call(kind + " list", () -> redis.opsForHash().entries(keys.deliveries(kind, incident)));
		var out = new TreeMap<String, Long>();
		entries.forEach((target, id) -> out.put((String) target, Long.parseLong((String) id)));
		return out;
	}

	/** Whether a live process holds a claim to this target that it has not recorded yet: a send in flight. */
	public boolean inFlight(IncidentId incident, String target) {
		Optional<String> owner = Optional.ofNullable(
				Guard.call(kind + " owner", () -> redis.opsForValue().get(keys.deliveryClaim(kind, incident, target))));
		return owner.isPresent() && !delivered(incident).containsKey(target) && instances.alive(owner.get());
	}

	/** Sets the remaining lifetime of an incident's records and claims (when it closes). */
	public void retain(IncidentId incident, List<String> targets, Duration remaining) {
		Ttl.check(remaining);
		var retained = new java.util.ArrayList<String>(List.of(keys.deliveries(kind, incident)));
		targets.forEach(t -> retained.add(keys.deliveryClaim(kind, incident, t)));
		Guard.run(kind + " retain", () -> Expiring.retain(redis, retained, remaining));
	}

}
