package org.vigia.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;


/**
 * The Redis the bot talks to: the primary that Redis Sentinel names (REDIS_SENTINEL_MASTER and
 * REDIS_SENTINEL_NODES, Spring Data Redis's {@code spring.data.redis.sentinel.*}), the server at REDIS_URL,
 * or an embedded one it starts (and stops when the context closes). Also resolves the hash secret, which in embedded mode may be generated once and
 * kept beside the data, so that conversations survive a restart in development too.
 */
public final class RedisEndpoint implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisEndpoint.class);

	private final RedisStandaloneConfiguration server;

	private final RedisSentinelConfiguration sentinel;

	private final boolean ssl;

	private final EmbeddedRedis embedded;

	private final String hashSecret;

	private final boolean local;

	private RedisEndpoint(RedisStandaloneConfiguration server, boolean ssl, EmbeddedRedis embedded,
			String hashSecret, boolean local) {
		this(server, null, ssl, embedded, hashSecret, local);
	}

	private RedisEndpoint(RedisStandaloneConfiguration server, RedisSentinelConfiguration sentinel, boolean ssl,
			EmbeddedRedis embedded, String hashSecret, boolean local) {
		this.server = server;
		this.sentinel = sentinel;
		this.ssl = ssl;
		this.embedded = embedded;
		this.hashSecret = hashSecret;
		this.local = local;
	}

	/**
	 * The primary that these sentinels watch, found through them at every (re)connection: after a failover
	 * the bot reconnects to the new primary by itself. Passwords: the sentinels' and the data nodes', as set
	 * in {@code sentinel}.
	 * @param sentinel the master's name and at least one sentinel
	 * @throws IllegalStateException with REDIS_URL as well (which of the two is meant?), or without a hash secret
	 */
	public static RedisEndpoint from(RedisSettings settings, RedisSentinelConfiguration sentinel) {
		if (sentinel == null) {
			return from(settings);
		}
		if (!settings.url().isEmpty()) {
			throw new IllegalStateException("REDIS_URL and REDIS_SENTINEL_MASTER are both set: set one of them");
		}
		if (sentinel.getSentinels().isEmpty()) {
			throw new IllegalStateException("REDIS_SENTINEL_MASTER is set without REDIS_SENTINEL_NODES (host:port, ...)");
		}
		if (settings.hashSecret().isEmpty()) {
			throw new IllegalStateException(
					"VIGIA_HASH_SECRET (vigia.redis.hash-secret) must be set with REDIS_SENTINEL_MASTER");
		}
		log.info("Using the Redis primary that {} sentinels name for master {}", sentinel.getSentinels().size(),
				sentinel.getMaster() == null ? "?" : sentinel.getMaster().getName());
		return new RedisEndpoint(null, sentinel, false, null, settings.hashSecret(), false);
	}

	/** Starts the embedded server when {@code settings} has no URL; {@link #close} stops it. */
	public static RedisEndpoint from(RedisSettings settings) {
		if (settings.embedded()) {
			var shared = EmbeddedRedis.running(settings.dataDir());
			if (shared.isPresent()) {
				// a live bot (or console) already runs the embedded server of this data folder: join it; one whose
				// process was killed is not offered here, and EmbeddedRedis.start replaces it
				log.info("Joined the embedded Redis already running on loopback port {}", shared.getAsInt());
				String secret = settings.hashSecret().isEmpty() ? secretFile(settings.dataDir()) : settings.hashSecret();
				return new RedisEndpoint(new RedisStandaloneConfiguration("127.0.0.1", shared.getAsInt()), false, null,
						secret, true);
			}
			EmbeddedRedis redis = EmbeddedRedis.start(settings.dataDir());
			log.warn("No REDIS_URL: started an embedded Redis on loopback port {} with its append-only file in {}. "
					+ "Production should point REDIS_URL at a real Redis.", redis.port(), settings.dataDir());
			String secret = settings.hashSecret().isEmpty() ? secretFile(settings.dataDir()) : settings.hashSecret();
			return new RedisEndpoint(new RedisStandaloneConfiguration("127.0.0.1", redis.port()), false, redis, secret,
					true);
		}
		if (settings.hashSecret().isEmpty()) {
			throw new IllegalStateException("VIGIA_HASH_SECRET (vigia.redis.hash-secret) must be set with REDIS_URL");
		}
		RedisURI uri = RedisURI.create(settings.url());
		var config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
		config.setDatabase(uri.getDatabase());
		if (uri.getUsername() != null) {
			config.setUsername(uri.getUsername());
		}
		if (uri.getPassword() != null) {
			config.setPassword(uri.getPassword());
		}
		log.info("Using the Redis at REDIS_URL{}", uri.isSsl() ? " over TLS" : "");
		return new RedisEndpoint(config, uri.isSsl(), null, settings.hashSecret(), false);
	}

	/**
	 * A connection factory for this server: short command timeouts, reconnecting by itself, and
	 * rejecting commands while disconnected so that callers fail fast instead of queueing.
	 */
	public LettuceConnectionFactory connectionFactory(Duration commandTimeout, Duration connectTimeout) {
		var options = ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(commandTimeout))
			.build();
		var client = LettuceClientConfiguration.builder()
			.commandTimeout(commandTimeout)
			.clientOptions(options)
			.clientName("vigia-bot");
		if (ssl) {
			client.useSsl();
		}
		// the typed constructors: with the one server, getStandaloneConfiguration() is the configuration the
		// connections use, so the console can move them to the port a restarted embedded Redis took
		return sentinel != null ? new LettuceConnectionFactory(sentinel, client.build())
				: new LettuceConnectionFactory(server, client.build());
	}

	/** The one server (REDIS_URL or embedded); null with Redis Sentinel. */
	public RedisStandaloneConfiguration server() {
		return server;
	}

	/** The sentinels and the master they watch; null without Redis Sentinel. */
	public RedisSentinelConfiguration sentinel() {
		return sentinel;
	}

	public boolean ssl() {
		return ssl;
	}

	/**
	 * Whether this is the embedded server of a first local run (started here or by the other application on
	 * this machine), not a Redis at REDIS_URL or behind Redis Sentinel.
	 */
	public boolean local() {
		return local;
	}

	/** The embedded server this process started, or null (REDIS_URL, Sentinel, or joined another's). */
	public EmbeddedRedis embedded() {
		return embedded;
	}

	public String hashSecret() {
		return hashSecret;
	}

	@Override
	public void close() {
		if (embedded != null) {
			embedded.close();
		}
	}

	@Override
	public String toString() {
		return "RedisEndpoint[" + (embedded != null ? "embedded" : sentinel != null ? "sentinel" : "external") + "]";
	}

	private static String secretFile(Path dataDir) {
		Path file = dataDir.resolve("hash-secret");
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			var bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			String secret = HexFormat.of().formatHex(bytes);
			Files.writeString(file, secret, StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the data directory's own permissions apply
			}
			log.warn("Generated a hash secret under the data directory; production sets VIGIA_HASH_SECRET");
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read or create the hash secret file", ex);
		}
	}

}
