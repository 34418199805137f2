package org.vigia.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Which bot processes are alive: each one has a random id for its lifetime and keeps a heartbeat key
 * with a short TTL while it runs.
 *
 * <p>Work that must happen exactly once (handling an update, posting an alert, prompting an observer) is
 * claimed under this id. A claim whose owner's heartbeat is gone belongs to a process that was killed
 * (SIGKILL, out of memory, a power cut) before it finished, and may be claimed again; a live owner's claim
 * may not. A process that stops cleanly removes its heartbeat at once. Thread-safe.
 */
public class RedisInstances {

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration ttl;

	private final String id;

	/** @param ttl how long a heartbeat lasts: beat at least every third of it */
	public RedisInstances(StringRedisTemplate redis, RedisKeys keys, Duration ttl) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.ttl = Ttl.check(ttl);
		var random = new SecureRandom();
		var chars = new char[12];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		this.id = new String(chars);
	}

	/** This process's id. */
	public String id() {
		return id;
	}

	public Duration ttl() {
		return ttl;
	}

	/** Says this process is alive for another {@link #ttl()}. */
	public void beat() {
		Guard.run("instance heartbeat", () -> redis.opsForValue().set(keys.instance(id), "1", ttl));
	}

	/** Whether the process with this id has a heartbeat. */
	public boolean alive(String instance) {
		return id.equals(instance) || Boolean.TRUE.equals(Guard.call("instance check", () -> redis.hasKey(keys.instance(instance))));
	}

	/** Stopping cleanly: this process's claims may be taken over at once. */
	public void leave() {
		Guard.run("instance leave", () -> redis.delete(keys.instance(id)));
	}

	/** The prefix of heartbeat keys, for scripts that check an owner. */
	String keyPrefix() {
		return keys.instance("");
	}

}
