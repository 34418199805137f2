package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.store.EmbeddedRedis;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisReportStore;

/**
 * A Redis server that belongs to the test rather than to the bot: it outlives a bot the test kills, and the
 * test can kill it with SIGKILL (no shutdown, no last write to its append-only file) and start it again on
 * the same port and data. Bots reach it with {@link #options()}.
 */
final class TestRedis implements AutoCloseable {

	private final EmbeddedRedis server;

	private final LettuceConnectionFactory connection;

	private TestRedis(EmbeddedRedis server) {
		this.server = server;
		this.connection = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
		this.connection.start();
	}

	static TestRedis start(Path folder) {
		return new TestRedis(EmbeddedRedis.start(folder));
	}

	/** The hash secret of the bots on this server: a test computes a resident's pseudonym with it. */
	static final String HASH_SECRET = "test-redis-secret-0123456789abcdef";

	/** The bot's options for this server (a URL, so a hash secret too). */
	String[] options() {
		return new String[] { "--vigia.redis.url=redis://127.0.0.1:" + server.port(),
				"--vigia.redis.hash-secret=" + HASH_SECRET };
	}

	StringRedisTemplate redis() {
		return new StringRedisTemplate(connection);
	}

	/** The incidents under a bot's key prefix, as the bot sees them. */
	RedisIncidentStore incidents(String prefix) {
		return new RedisIncidentStore(redis(), new RedisKeys(prefix));
	}

	/** The reports under a bot's key prefix, as the bot sees them. */
	RedisReportStore reports(String prefix) {
		return new RedisReportStore(redis(), new RedisKeys(prefix));
	}

	/** SIGKILL to the server. */
	void kill() {
		// the server says which process it is
		String pid = redis().execute((RedisCallback<String>) c -> c.serverCommands().info("server").getProperty("process_id"));
		var process = ProcessHandle.of(Long.parseLong(pid.strip())).orElseThrow();
		process.destroyForcibly();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
		server.stop();
	}

	/** Starts the server again, on its append-only file. */
	void restart() {
		server.start();
	}

	@Override
	public void close() {
		connection.destroy();
		server.close();
	}

}
