package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisEndpointTests {

	@Test
	void aSecondProcessOnTheSameDataFolderJoinsTheRunningEmbeddedServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
		var settings = new RedisSettings("", "vigia:", java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1),
				dir, "", java.time.Duration.ofSeconds(15), java.time.Duration.ofMillis(250), java.time.Duration.ofMinutes(15));
		try (var bot = RedisEndpoint.from(settings)) {
			assertThat(bot.embedded()).isNotNull();
			assertThat(bot.local()).isTrue();
			try (var console = RedisEndpoint.from(settings)) {
				assertThat(console.embedded()).as("the console starts no server of its own").isNull();
				assertThat(console.local()).as("but it is the same local server").isTrue();
				assertThat(console.server().getPort()).isEqualTo(bot.embedded().port());
				assertThat(console.hashSecret()).isEqualTo(bot.hashSecret());
			}
		}
		try (var alone = RedisEndpoint.from(settings)) {
			assertThat(alone.embedded()).as("after the bot stopped, a stale port file is not trusted").isNotNull();
		}
	}

	@Test
	void usesTheServerAtRedisUrlWithPasswordAndTls() {
		var settings = settings("rediss://:s3cret-pass@redis.example.org:6380/2", "a-hash-secret-of-16+");

		try (var endpoint = RedisEndpoint.from(settings)) {
			assertThat(endpoint.embedded()).isNull();
			assertThat(endpoint.local()).isFalse();
			assertThat(endpoint.ssl()).isTrue();
			assertThat(endpoint.server().getHostName()).isEqualTo("redis.example.org");
			assertThat(endpoint.server().getPort()).isEqualTo(6380);
			assertThat(endpoint.server().getDatabase()).isEqualTo(2);
			assertThat(endpoint.server().getPassword().get()).isEqualTo("s3cret-pass".toCharArray());
			assertThat(endpoint + " " + settings).doesNotContain("s3cret");
		}
	}

	@Test
	void refusesARedisUrlWithoutAHashSecret() {
		assertThatIllegalStateException().isThrownBy(() -> RedisEndpoint.from(settings("redis://localhost:6379", "")))
			.withMessageContaining("VIGIA_HASH_SECRET");
	}

	@Test
	void sentinelModeNeedsNodesAHashSecretAndNoRedisUrl() {
		var sentinel = new org.springframework.data.redis.connection.RedisSentinelConfiguration("vigia",
				java.util.Set.of("127.0.0.1:26379"));
		assertThatIllegalStateException().isThrownBy(() -> RedisEndpoint.from(settings("redis://localhost:6379",
				"a-hash-secret-of-16+"), sentinel)).withMessageContaining("REDIS_URL and REDIS_SENTINEL_MASTER");
		assertThatIllegalStateException().isThrownBy(() -> RedisEndpoint.from(settings("", ""), sentinel))
			.withMessageContaining("VIGIA_HASH_SECRET");
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisEndpoint.from(settings("", "a-hash-secret-of-16+"),
					new org.springframework.data.redis.connection.RedisSentinelConfiguration()
						.master("vigia")))
			.withMessageContaining("REDIS_SENTINEL_NODES");
		try (var endpoint = RedisEndpoint.from(settings("", "a-hash-secret-of-16+"), sentinel)) {
			assertThat(endpoint.embedded()).as("no embedded server with Sentinel").isNull();
			assertThat(endpoint.local()).as("a real Redis: the console needs its ADMIN_TOTP_KEY").isFalse();
			assertThat(endpoint.sentinel().getMaster().getName()).isEqualTo("vigia");
		}
	}

	@Test
	void refusesAUrlThatIsNotRedis() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("http://localhost:6379", "x"))
			.withMessageContaining("redis://");
	}

	private static RedisSettings settings(String url, String secret) {
		return new RedisSettings(url, "vigia:", Duration.ofMillis(500), Duration.ofSeconds(1), Path.of("data"), secret, Duration.ofSeconds(15),
				Duration.ofMillis(250), Duration.ofMinutes(15));
	}

}
