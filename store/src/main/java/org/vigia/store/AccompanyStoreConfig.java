package org.vigia.store;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The accompaniment stores (issue 13), for the bot and the console alike. */
@Configuration(proxyBeanMethods = false)
public class AccompanyStoreConfig {

	@Bean
	RedisAppointmentStore appointmentStore(StringRedisTemplate redis, RedisKeys keys, Pseudonyms pseudonyms,
			RedisStats stats, Clock clock) {
		return new RedisAppointmentStore(redis, keys, pseudonyms, stats, clock);
	}

	@Bean
	RedisAccompanierStore accompanierStore(StringRedisTemplate redis, RedisKeys keys, Pseudonyms pseudonyms) {
		return new RedisAccompanierStore(redis, keys, pseudonyms);
	}

	@Bean
	RedisFamilyLinkStore familyLinkStore(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		return new RedisFamilyLinkStore(redis, keys, clock);
	}

	@Bean
	RedisAccompanierInvites accompanierInvites(StringRedisTemplate redis, RedisKeys keys) {
		return new RedisAccompanierInvites(redis, keys);
	}

	@Bean
	RedisDueSchedule accompanyDueSchedule(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		return new RedisDueSchedule(redis, keys, clock);
	}

}
