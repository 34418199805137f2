package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Accompanier invite codes: used once, with their TTL, and never taken for an observer's code or the reverse. */
class RedisAccompanierInvitesTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static StringRedisTemplate redis;

	static RedisAccompanierInvites invites;

	static RedisChatState chatState;

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		redis = server.newInstance();
		invites = new RedisAccompanierInvites(redis, server.keys());
		chatState = new RedisChatState(redis, server.keys(), new Pseudonyms(RedisTestServer.SECRET));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aCodeWorksOnceAndExpiresWithItsTtl() {
		String code = invites.create("rita", Duration.ofHours(48));

		assertThat(code).matches("[A-Z0-9]{10}");
		assertThat(invites.exists(code)).isTrue();
		assertThat(redis.getExpire(server.keys().accompanierInvite(code), TimeUnit.SECONDS))
			.isBetween(Duration.ofHours(47).toSeconds(), Duration.ofHours(48).toSeconds());
		assertThat(invites.redeem(code)).isTrue();
		assertThat(invites.redeem(code)).isFalse();
		assertThat(invites.exists(code)).isFalse();
	}

	@Test
	void anAccompanierCodeIsNoObserverCodeAndAnObserverCodeIsNoAccompanierCode() {
		String accompany = invites.create("rita", Duration.ofHours(48));
		String observe = chatState.newInvite("rita", Duration.ofHours(48));

		assertThat(chatState.inviteExists(accompany)).isFalse();
		assertThat(chatState.redeemInvite(accompany)).isFalse();
		assertThat(invites.exists(observe)).isFalse();
		assertThat(invites.redeem(observe)).isFalse();
		assertThat(invites.redeem(accompany)).isTrue();
		assertThat(chatState.redeemInvite(observe)).isTrue();
	}

	@Test
	void malformedCodesAreRefusedBeforeRedisIsAsked() {
		for (String forged : new String[] { null, "", "abc", "ABCDEFGHIJ*", "A".repeat(17), "../../x", "*" }) {
			assertThat(invites.exists(forged)).as(String.valueOf(forged)).isFalse();
			assertThat(invites.redeem(forged)).as(String.valueOf(forged)).isFalse();
		}
	}

}
