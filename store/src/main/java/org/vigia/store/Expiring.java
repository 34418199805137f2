package org.vigia.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Writes that set the key's TTL in the same step (write-ttl.lua, set-all.lua). A write followed by EXPIRE
 * as a second command leaves a key without a TTL, for ever, when the connection fails in between; every
 * write to a hash, set, sorted set, list or stream that may create its key goes through here instead.
 * Both scripts run on the shared connection (a MULTI would take a connection of its own).
 */
final class Expiring {

	private Expiring() {
	}

	/**
	 * Runs one write command ({@code HSET}, {@code SADD}, {@code ZADD}, {@code HINCRBY}, {@code RPUSH} or
	 * {@code XADD}) on {@code key} with these arguments and sets the key's TTL, atomically.
	 * @return the command's answer, as text
	 */
	static String write(StringRedisTemplate redis, String key, Duration ttl, String command, String... arguments) {
		Ttl.check(ttl);
		var args = new ArrayList<String>(arguments.length + 2);
		args.add(Long.toString(ttl.toMillis()));
		args.add(command);
		args.addAll(List.of(arguments));
		return redis.execute(Scripts.WRITE_TTL, List.of(key), args.toArray());
	}

	/**
	 * Like {@link #write}, for {@code SADD} or {@code ZADD} on an index whose members are kept for different
	 * times: the key's TTL is set to {@code ttl} only if that lengthens it, so that it outlives every member.
	 */
	static String writeExtending(StringRedisTemplate redis, String key, Duration ttl, String command,
			String... arguments) {
		Ttl.check(ttl);
		var args = new ArrayList<String>(arguments.length + 2);
		args.add(Long.toString(ttl.toMillis()));
		args.add(command);
		args.addAll(List.of(arguments));
		return redis.execute(Scripts.WRITE_EXTEND, List.of(key), args.toArray());
	}

	/**
	 * Makes these keys expire within {@code ttl}, never later than they would have (retention shortens a key's
	 * life, it never lengthens it); keys that do not exist are skipped.
	 */
	static void retain(StringRedisTemplate redis, List<String> keys, Duration ttl) {
		Ttl.check(ttl);
		if (!keys.isEmpty()) {
			redis.execute(Scripts.RETAIN, keys, Long.toString(ttl.toMillis()));
		}
	}

	/** Sets each key to its value, all with this TTL, atomically. */
	static void setAll(StringRedisTemplate redis, List<String> keys, List<String> values, Duration ttl) {
		Ttl.check(ttl);
		if (keys.size() != values.size() || keys.isEmpty()) {
			throw new IllegalArgumentException("one value per key, at least one key: " + keys.size() + " keys, "
					+ values.size() + " values");
		}
		var args = new ArrayList<String>(values.size() + 1);
		args.add(Long.toString(ttl.toMillis()));
		args.addAll(values);
		redis.execute(Scripts.SET_ALL, keys, args.toArray());
	}

}
