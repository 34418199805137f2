package org.vigia.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Vigía's Redis Sentinel settings into Spring Data Redis's own: {@code REDIS_SENTINEL_MASTER} →
 * {@code spring.data.redis.sentinel.master}, {@code REDIS_SENTINEL_NODES} → {@code .nodes},
 * {@code REDIS_SENTINEL_PASSWORD} → {@code .password} (the sentinels'), {@code REDIS_PASSWORD} →
 * {@code spring.data.redis.password} (the data nodes'). Only when a master is named: an empty sentinel
 * section would make Spring Boot's own Redis configuration refuse to start. Settings given directly as
 * {@code spring.data.redis.*} win. Reads the environment and the {@code .env} file alike (it runs after
 * the configuration files are loaded).
 */
public final class SentinelEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String master = environment.getProperty("REDIS_SENTINEL_MASTER", "").strip();
		if (master.isEmpty()) {
			return;
		}
		Map<String, Object> spring = new LinkedHashMap<>();
		spring.put("spring.data.redis.sentinel.master", master);
		spring.put("spring.data.redis.sentinel.nodes", environment.getProperty("REDIS_SENTINEL_NODES", ""));
		putIfSet(spring, "spring.data.redis.sentinel.password", environment.getProperty("REDIS_SENTINEL_PASSWORD", ""));
		putIfSet(spring, "spring.data.redis.password", environment.getProperty("REDIS_PASSWORD", ""));
		environment.getPropertySources().addLast(new MapPropertySource("vigia-redis-sentinel", spring));
	}

	private static void putIfSet(Map<String, Object> into, String property, String value) {
		if (!value.isEmpty()) {
			into.put(property, value);
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
