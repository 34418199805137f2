package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;


/**
 * A real Redis for tests: the embedded server on a free loopback port, or the server at REDIS_URL
 * when set. Each instance uses its own key prefix and can open several connection factories, each
 * standing for one bot instance. {@link #close} deletes this prefix's keys, closes the connections
 * and stops the embedded server.
 */
final class RedisTestServer implements AutoCloseable {

	static final String SECRET = "test-secret-of-at-least-16-chars";

	private final RedisEndpoint endpoint;

	private final RedisKeys keys = new RedisKeys("vigia-test-" + UUID.randomUUID().toString().substring(0, 8) + ":");

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private RedisTestServer(RedisEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	static RedisTestServer start(Path dataDir) {
		String url = System.getenv("REDIS_URL");
		var settings = new RedisSettings(url, "vigia:", Duration.ofMillis(500), Duration.ofSeconds(1), dataDir,
				SECRET, Duration.ofSeconds(15), Duration.ofMillis(250), Duration.ofMinutes(15));
		return new RedisTestServer(RedisEndpoint.from(settings));
	}

	RedisKeys keys() {
		return keys;
	}

	RedisEndpoint endpoint() {
		return endpoint;
	}

	/** The incident store and the assigner of one instance, with the default merge rule. */
	RedisIncidentAssigner assigner(org.springframework.data.redis.core.StringRedisTemplate redis, RedisIncidentStore incidents) {
		return new RedisIncidentAssigner(redis, keys, incidents, org.vigia.core.config.VigiaSettings.Clustering.DEFAULTS,
				org.vigia.core.cluster.Areas.NONE, java.time.Duration.ofHours(12));
	}

	/** A template on a connection of its own: one "bot instance". */
	StringRedisTemplate newInstance() {
		LettuceConnectionFactory factory = endpoint.connectionFactory(Duration.ofSeconds(2), Duration.ofSeconds(1));
		factory.afterPropertiesSet();
		factory.start();
		factories.add(factory);
		var template = new StringRedisTemplate(factory);
		template.afterPropertiesSet();
		return template;
	}

	/** Every key under this test's prefix. */
	List<String> keysNow(StringRedisTemplate redis) {
		var found = new ArrayList<String>();
		try (var cursor = redis.scan(ScanOptions.scanOptions().match(keys.prefix() + "*").count(1000).build())) {
			cursor.forEachRemaining(found::add);
		}
		return found;
	}

	@Override
	public void close() {
		try {
			if (!factories.isEmpty() && (endpoint.embedded() == null || endpoint.embedded().running())) {
				var redis = new StringRedisTemplate(factories.get(0));
				redis.afterPropertiesSet();
				var leftovers = keysNow(redis);
				if (!leftovers.isEmpty()) {
					redis.delete(leftovers);
				}
			}
		}
		finally {
			factories.forEach(LettuceConnectionFactory::destroy);
			endpoint.close();
		}
	}

}
