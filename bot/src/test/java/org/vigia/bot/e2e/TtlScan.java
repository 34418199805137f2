package org.vigia.bot.e2e;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof that every key a scenario left in Redis will expire (DESIGN.md: every piece of data has a TTL, there is
 * no "keep forever"): scans every key under a prefix and fails naming each one without a TTL. The keys allowed
 * to live without one are listed below, each with the reason.
 */
final class TtlScan {

	/** Key prefixes (after the deployment's prefix) that may have no TTL, and why. */
	static final Map<String, String> WITHOUT_TTL = Map.of("admin:user:",
			"console accounts are configuration: they last until an admin removes them (the bot never writes them)");

	private TtlScan() {
	}

	/** Fails if a key under {@code prefix} has no TTL; returns how many keys were scanned. */
	static int assertEveryKeyExpires(StringRedisTemplate redis, String prefix) {
		var keys = new ArrayList<String>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		var forever = new ArrayList<String>();
		for (String key : keys) {
			Long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
			// -2: expired between SCAN and PTTL; -1: no TTL
			if (ttl != null && ttl == -1
					&& WITHOUT_TTL.keySet().stream().noneMatch(k -> key.startsWith(prefix + k))) {
				forever.add(key + " (" + redis.type(key) + ")");
			}
		}
		assertThat(forever).as("keys without a TTL").isEmpty();
		return keys.size();
	}

}
