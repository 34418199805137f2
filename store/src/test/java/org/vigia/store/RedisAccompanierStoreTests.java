package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAccompanierStoreTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static StringRedisTemplate redis;

	static RedisAccompanierStore accompaniers;

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		redis = server.newInstance();
		accompaniers = new RedisAccompanierStore(redis, server.keys(), new Pseudonyms(RedisTestServer.SECRET));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void anAccompanierIsFoundByIdAndByAddressWhichIsStoredOnlyEncryptedOrHashed() {
		var ana = Accompaniments.accompanier("ana", 7_001_002_003L);
		accompaniers.save(ana);

		assertThat(accompaniers.find(ana.id())).contains(ana);
		assertThat(accompaniers.byAddress(Address.telegramChat(7_001_002_003L))).contains(ana);
		assertThat(accompaniers.all()).contains(ana);
		for (String key : server.keysNow(redis)) {
			assertThat(key).doesNotContain("7001002003");
			assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as(key)
				.isGreaterThan(Duration.ofDays(399).toMillis());
			if (redis.type(key).code().equals("string")) {
				assertThat(redis.opsForValue().get(key)).as(key).doesNotContain("7001002003");
			}
		}
	}

	@Test
	void aNewAddressReplacesTheOldOneAndARemovedAccompanierIsGone() {
		var ben = Accompaniments.accompanier("ben", 7_001_002_004L);
		accompaniers.save(ben);
		var moved = new Accompanier(ben.id(), ben.displayName(), ben.languages(), ben.places(),
				Address.telegramChat(7_001_002_005L));
		accompaniers.save(moved);

		assertThat(accompaniers.byAddress(Address.telegramChat(7_001_002_004L))).isEmpty();
		assertThat(accompaniers.byAddress(Address.telegramChat(7_001_002_005L))).contains(moved);

		accompaniers.remove(ben.id());
		assertThat(accompaniers.find(ben.id())).isEmpty();
		assertThat(accompaniers.byAddress(Address.telegramChat(7_001_002_005L))).isEmpty();
		assertThat(accompaniers.all()).doesNotContain(moved);
	}

}
