package org.vigia.store;

import java.time.Duration;
import java.util.Objects;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisServer;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Makes deleted and expired data leave Redis's files on disk: asks every data node to rewrite its
 * append-only file, to be run every {@code vigia.redis.rewrite-every}.
 *
 * <p>Design note: Redis appends every write to its append-only file; a key deleted or expired later is
 * followed there by a DEL, but its value stays readable in the file until the file is rewritten from what
 * is in memory ({@code BGREWRITEAOF}). Redis rewrites on its own only when the file has doubled in size,
 * which for Vigía's small data can take days, so the bot asks for a rewrite on a schedule: a value deleted
 * (or expired) leaves the files at the next rewrite, within one interval and the seconds a rewrite takes.
 * The rewritten file replaces the old one, whose blocks the file system frees but does not erase (an
 * encrypted disk covers that). Redis 7 keeps the file in parts (a base and increments under
 * {@code appendonlydir}); a rewrite writes a new base and deletes the old parts. With Redis Sentinel the
 * replicas keep their own files: each replica the sentinels name is asked too. A rewrite already running
 * is left to finish. Thread-safe.
 */
public final class DiskRewrite {

	private static final Logger log = LoggerFactory.getLogger(DiskRewrite.class);

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory connections;

	private final RedisSentinelConfiguration sentinel;

	/**
	 * @param sentinel the sentinels and the master they watch, to reach the replicas too; null without
	 */
	public DiskRewrite(StringRedisTemplate redis, RedisConnectionFactory connections,
			RedisSentinelConfiguration sentinel) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.connections = Objects.requireNonNull(connections, "connections must not be null");
		this.sentinel = sentinel;
	}

	/**
	 * Asks the primary, and with Redis Sentinel each replica, to rewrite its append-only file.
	 * @throws StoreUnavailableException if the primary cannot be reached
	 */
	public void run() {
		try {
			Guard.run("disk rewrite", () -> redis.execute((RedisCallback<Void>) c -> {
				c.serverCommands().bgReWriteAof();
				return null;
			}));
		}
		catch (RedisSystemException ex) {
			// a rewrite is already running (another instance asked, or Redis's own): it does the same
			log.debug("Redis did not start a rewrite: {}", ex.getClass().getSimpleName());
		}
		if (sentinel != null && sentinel.getMaster() != null) {
			rewriteReplicas();
		}
	}

	private void rewriteReplicas() {
		Iterable<RedisServer> replicas;
		try (var sentinels = connections.getSentinelConnection()) {
			replicas = sentinels.replicas(sentinel.getMaster());
		}
		catch (Exception ex) {
			log.warn("Could not ask the sentinels for the replicas to rewrite: {}", ex.getClass().getSimpleName());
			return;
		}
		for (RedisServer replica : replicas) {
			var uri = RedisURI.builder()
				.withHost(replica.getHost())
				.withPort(replica.getPort())
				.withTimeout(Duration.ofSeconds(5));
			sentinel.getDataNodePassword().toOptional().ifPresent(uri::withPassword);
			if (sentinel.getDataNodeUsername() != null) {
				sentinel.getDataNodePassword()
					.toOptional()
					.ifPresent(p -> uri.withAuthentication(sentinel.getDataNodeUsername(), p));
			}
			RedisClient client = RedisClient.create(uri.build());
			try (var connection = client.connect()) {
				connection.sync().bgrewriteaof();
			}
			catch (RuntimeException ex) {
				log.warn("A replica did not start a rewrite of its append-only file: {}", ex.getClass().getSimpleName());
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
		}
	}

}
