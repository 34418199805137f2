package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the store of record lives and how patiently the bot talks to it.
 *
 * @param url {@code redis://} or {@code rediss://} URL (password allowed); blank starts an embedded
 * server, for development only
 * @param prefix prefix of every key, so that several deployments can share one server
 * @param commandTimeout how long one command may take before the store counts as unavailable; short, so
 * that a resident gets an answer instead of a spinner
 * @param connectTimeout how long connecting may take
 * @param dataDir where the embedded server keeps its append-only file
 * @param hashSecret the server secret of the keyed hashes that stand for chat ids in keys; blank in
 * embedded mode creates one under {@code dataDir}
 * @param instanceTtl how long a bot process counts as alive after its last heartbeat: after a crash, its
 * unfinished work is taken over this long after it died
 * @param replicaWait with Redis Sentinel, how long a saved report waits for a replica to hold it before the
 * resident is thanked ({@code WAIT 1}); zero does not wait. Below {@code commandTimeout}
 * @param rewriteEvery how often Redis is asked to rewrite its append-only file (and so to drop deleted and
 * expired data from the disk); the bound on how long deleted data stays in Redis's files
 */
@ConfigurationProperties("vigia.redis")
public record RedisSettings(String url, @DefaultValue("vigia:") String prefix,
		@DefaultValue("500ms") Duration commandTimeout, @DefaultValue("1s") Duration connectTimeout,
		@DefaultValue("./data") Path dataDir, String hashSecret, @DefaultValue("15s") Duration instanceTtl,
		@DefaultValue("250ms") Duration replicaWait, @DefaultValue("15m") Duration rewriteEvery) {

	public RedisSettings {
		url = url == null ? "" : url.strip();
		if (prefix == null || prefix.isBlank() || prefix.length() > 32) {
			throw new IllegalArgumentException("vigia.redis.prefix must be 1 to 32 characters");
		}
		positive("vigia.redis.command-timeout", commandTimeout);
		positive("vigia.redis.connect-timeout", connectTimeout);
		positive("vigia.redis.instance-ttl", instanceTtl);
		positive("vigia.redis.rewrite-every", rewriteEvery);
		if (replicaWait == null || replicaWait.isNegative() || replicaWait.compareTo(commandTimeout) >= 0) {
			throw new IllegalArgumentException("vigia.redis.replica-wait (REDIS_REPLICA_WAIT) must be zero or more and "
					+ "below the command timeout (" + commandTimeout + "), was " + replicaWait);
		}
		if (!url.isEmpty() && !url.startsWith("redis://") && !url.startsWith("rediss://")) {
			throw new IllegalArgumentException("vigia.redis.url (REDIS_URL) must start with redis:// or rediss://");
		}
		hashSecret = hashSecret == null ? "" : hashSecret;
	}

	/** Whether to start an embedded server instead of connecting to {@link #url}. */
	public boolean embedded() {
		return url.isEmpty();
	}

	/** The URL may carry a password: never print it. */
	@Override
	public String toString() {
		return "RedisSettings[" + (embedded() ? "embedded" : "url=<redacted>") + ", prefix=" + prefix + "]";
	}

	private static void positive(String field, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(field + " must be positive, was " + value);
		}
	}

}
