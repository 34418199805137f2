package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.cluster.Areas;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Redis as the store of record: the connection (short timeouts, reconnecting by itself, rejecting
 * commands while disconnected so that callers fail fast with a
 * {@link org.vigia.core.support.StoreUnavailableException}) and one adapter per storage port.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(RedisSettings.class)
@org.springframework.context.annotation.Import(AccompanyStoreConfig.class)
public class RedisConfig {

	@Bean(destroyMethod = "close")
	RedisEndpoint redisEndpoint(RedisSettings settings, ObjectProvider<DataRedisProperties> spring) {
		return RedisEndpoint.from(settings, sentinel(spring.getIfAvailable()));
	}

	/**
	 * Redis Sentinel from Spring Data Redis's own properties ({@code spring.data.redis.sentinel.master},
	 * {@code .nodes}, {@code .password} for the sentinels, {@code spring.data.redis.password} for the data
	 * nodes); null when no master is named.
	 */
	static RedisSentinelConfiguration sentinel(DataRedisProperties spring) {
		if (spring == null || spring.getSentinel() == null || spring.getSentinel().getMaster() == null
				|| spring.getSentinel().getMaster().isBlank()) {
			return null;
		}
		var sentinel = spring.getSentinel();
		var nodes = sentinel.getNodes() == null ? List.<String>of()
				: sentinel.getNodes().stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
		var config = new RedisSentinelConfiguration(sentinel.getMaster().strip(), new HashSet<>(nodes));
		config.setDatabase(spring.getDatabase());
		if (spring.getUsername() != null && !spring.getUsername().isBlank()) {
			config.setUsername(spring.getUsername());
		}
		if (spring.getPassword() != null && !spring.getPassword().isEmpty()) {
			config.setPassword(spring.getPassword());
		}
		if (sentinel.getUsername() != null && !sentinel.getUsername().isBlank()) {
			config.setSentinelUsername(sentinel.getUsername());
		}
		if (sentinel.getPassword() != null && !sentinel.getPassword().isEmpty()) {
			config.setSentinelPassword(sentinel.getPassword());
		}
		return config;
	}

	/**
	 * With Redis Sentinel, a saved report waits (up to {@code replica-wait}) until a replica holds it too,
	 * so that a failover right after the resident is thanked cannot lose it; without, nothing waits.
	 */
	@Bean
	Replicas replicas(StringRedisTemplate redis, RedisEndpoint endpoint, RedisSettings settings, Clock clock) {
		return new Replicas(redis, endpoint.sentinel() != null ? settings.replicaWait() : Duration.ZERO, clock);
	}

	@Bean
	LettuceConnectionFactory redisConnectionFactory(RedisEndpoint endpoint, RedisSettings settings) {
		return endpoint.connectionFactory(settings.commandTimeout(), settings.connectTimeout());
	}

	/** Asks Redis to rewrite its append-only files (the bot runs it every {@code rewrite-every}). */
	@Bean
	DiskRewrite diskRewrite(StringRedisTemplate redis, LettuceConnectionFactory redisConnectionFactory,
			RedisEndpoint endpoint) {
		return new DiskRewrite(redis, redisConnectionFactory, endpoint.sentinel());
	}

	@Bean
	RedisKeys redisKeys(RedisSettings settings) {
		return new RedisKeys(settings.prefix());
	}

	@Bean
	RedisReportStore reportStore(StringRedisTemplate redis, RedisKeys keys) {
		return new RedisReportStore(redis, keys);
	}

	@Bean
	RedisIncidentStore incidentStore(StringRedisTemplate redis, RedisKeys keys) {
		return new RedisIncidentStore(redis, keys);
	}

	/**
	 * Areas come from the application (the bot's neighborhoods); without any, reports merge as points. Looked
	 * up when a report is placed, not here, so that the assigner does not pull the neighborhoods (and their
	 * first Redis read) ahead of the rest of the startup.
	 */
	@Bean
	RedisIncidentAssigner incidentAssigner(StringRedisTemplate redis, RedisKeys keys, RedisIncidentStore incidents,
			VigiaSettings vigia, org.springframework.beans.factory.ObjectProvider<Areas> areas) {
		Areas late = point -> areas.getIfAvailable(() -> Areas.NONE).areaOf(point);
		return new RedisIncidentAssigner(redis, keys, incidents, vigia.clustering(), late, vigia.retention().open());
	}

	@Bean
	RedisObserverStore observerStore(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		return new RedisObserverStore(redis, keys, clock);
	}

	@Bean
	RedisNeighborhoodText neighborhoodText(StringRedisTemplate redis, RedisKeys keys) {
		return new RedisNeighborhoodText(redis, keys);
	}

	@Bean
	Pseudonyms pseudonyms(RedisEndpoint endpoint) {
		return new Pseudonyms(endpoint.hashSecret());
	}

	@Bean
	RedisConversationStore conversationStore(StringRedisTemplate redis, RedisKeys keys, Pseudonyms pseudonyms,
			VigiaSettings vigia) {
		return new RedisConversationStore(redis, keys, pseudonyms, vigia.retention().conversation());
	}

	@Bean
	RedisInstances instances(StringRedisTemplate redis, RedisKeys keys, RedisSettings settings) {
		return new RedisInstances(redis, keys, settings.instanceTtl());
	}

	@Bean
	RedisPostLedger postLedger(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances,
			VigiaSettings vigia) {
		return new RedisPostLedger(redis, keys, instances, vigia.retention().open());
	}

	@Bean
	RedisDrills drills(StringRedisTemplate redis, RedisKeys keys, VigiaSettings vigia) {
		return new RedisDrills(redis, keys, vigia.retention().open());
	}

	@Bean
	RedisPromptLedger promptLedger(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances,
			VigiaSettings vigia) {
		return new RedisPromptLedger(redis, keys, instances, vigia.retention().open());
	}

	@Bean
	RedisRateLimiter rateLimiter(StringRedisTemplate redis, RedisKeys keys, VigiaSettings vigia) {
		return new RedisRateLimiter(redis, keys, vigia.rateLimit());
	}

	@Bean
	RedisUpdateLedger updateLedger(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances) {
		return new RedisUpdateLedger(redis, keys, instances);
	}

	@Bean
	RedisDeadlineSchedule deadlineSchedule(StringRedisTemplate redis, RedisKeys keys, Clock clock,
			VigiaSettings vigia) {
		return new RedisDeadlineSchedule(redis, keys, clock, vigia.retention().open());
	}

	@Bean
	RedisStats stats(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		return new RedisStats(redis, keys, clock);
	}

}
