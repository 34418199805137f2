package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.photo.TestPhotos;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The privacy scan finds what it must (a silent scan would prove nothing) and allows what the design allows. */
class PrivacyScanTests {

	static final String PREFIX = "vigia-scan:";

	static final long RESIDENT = 870_001;

	@TempDir
	static Path data;

	static RedisEndpoint endpoint;

	static LettuceConnectionFactory factory;

	static StringRedisTemplate redis;

	@BeforeAll
	static void start() {
		endpoint = RedisEndpoint.from(new RedisSettings(null, "vigia:", Duration.ofMillis(500), Duration.ofSeconds(1),
				data, "test-secret-of-at-least-16-chars", Duration.ofSeconds(15), Duration.ofMillis(250),
				Duration.ofMinutes(15)));
		factory = endpoint.connectionFactory(Duration.ofSeconds(2), Duration.ofSeconds(1));
		factory.afterPropertiesSet();
		factory.start();
		redis = new StringRedisTemplate(factory);
		redis.afterPropertiesSet();
	}

	@AfterAll
	static void stop() {
		factory.destroy();
		endpoint.close();
	}

	@BeforeEach
	void empty() {
		var keys = redis.keys(PREFIX + "*");
		if (!keys.isEmpty()) {
			redis.delete(keys);
		}
	}

	static PrivacyScan scan() {
		return PrivacyScan.start().resident(RESIDENT).place(41.87812, -87.62981).phone("+1 312-555-0142").secret("t0ken");
	}

	@Test
	void whatTheDesignAllowsPasses() {
		var scan = scan();
		LoggerFactory.getLogger("org.vigia.test").trace("a report at {} from {}", "GeoPoint[redacted]", "pseudonym 3f9a");
		redis.opsForValue().set(PREFIX + "conv:9a8b", "{\"step\":\"WHEN\",\"lat\":41.87812}");
		var pseudonyms = new org.vigia.store.Pseudonyms("test-secret-of-at-least-16-chars");
		redis.opsForHash().put(PREFIX + "followers:inc1", pseudonyms.chat(Long.toString(RESIDENT)),
				pseudonyms.seal().seal(RESIDENT + ":es", "inc1"));
		redis.opsForValue().set(PREFIX + "report:r1", "{\"lat\":41.87812,\"lon\":-87.62981,\"at\":\"2026-11-25T10:20:13.870001Z\"}");
		redis.opsForHash().put(PREFIX + "incident:i1", "j", "{\"lat\":41.8781234}");
		redis.opsForValue().set(PREFIX + "photo:p1", Base64.getEncoder().encodeToString(TestPhotos.jpeg(40, 30)));

		assertThat(scan.assertClean(redis, PREFIX).keys()).isEqualTo(5);
	}

	@Test
	void anIdANameAPhoneAPlaceOrASecretAnywhereElseFails() {
		var scan = scan();
		LoggerFactory.getLogger("org.vigia.test").debug("user {} wrote", RESIDENT);
		LoggerFactory.getLogger("org.example").warn("failed", new IllegalStateException("at 41.8781,-87.6298"));
		redis.opsForValue().set(PREFIX + "rate:" + RESIDENT, "1");
		redis.opsForStream().add(PREFIX + "events", java.util.Map.of("detail", FakeTelegram.username(RESIDENT)));
		redis.opsForZSet().add(PREFIX + "deadlines", "call 3125550142", 1);
		redis.opsForList().leftPush(PREFIX + "list", "t0ken");
		redis.opsForHash().put(PREFIX + "observer:o1", "c", Long.toString(RESIDENT));
		redis.opsForValue().set(PREFIX + "conv:9a8c", "{\"chat\":" + RESIDENT + "}");
		redis.opsForHash().put(PREFIX + "followers:inc2", "3f9a", RESIDENT + ":es");
		redis.opsForValue().set(PREFIX + "photo:p1", Base64.getEncoder().encodeToString(
				TestPhotos.withGps(TestPhotos.jpeg(40, 30), "Phone", 41.87812, -87.62981, "x")));

		assertThatThrownBy(() -> scan.assertClean(redis, PREFIX)).hasMessageContaining("log line leaks a resident id")
			.hasMessageContaining("log line leaks an exact coordinate")
			.hasMessageContaining("key name leaks a resident id")
			.hasMessageContaining("\"" + FakeTelegram.username(RESIDENT) + "\"")
			.hasMessageContaining("\"3125550142\"")
			.hasMessageContaining("a secret")
			.hasMessageContaining("the value of " + PREFIX + "observer:o1 leaks a resident id")
			.hasMessageContaining("the value of " + PREFIX + "conv:9a8c leaks a resident id")
			.hasMessageContaining("the value of " + PREFIX + "followers:inc2 leaks a resident id")
			.hasMessageContaining("is not a bare JPEG");
	}

}
