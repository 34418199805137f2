package org.vigia.admin;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.core.config.VigiaSettings;

/**
 * The clock and the policy the shared store wiring expects. The console decides nothing by policy (the
 * bot does), so the defaults suffice here.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	org.vigia.store.RedisChatState chatState(org.springframework.data.redis.core.StringRedisTemplate redis,
			org.vigia.store.RedisKeys keys, org.vigia.store.Pseudonyms pseudonyms) {
		return new org.vigia.store.RedisChatState(redis, keys, pseudonyms);
	}

	/** Whether Signal holds the bot's messages for a captcha: the banner on every page. */
	@Bean
	org.vigia.store.SignalCaptchaFlag signalCaptchaFlag(org.springframework.data.redis.core.StringRedisTemplate redis,
			org.vigia.store.RedisKeys keys) {
		return new org.vigia.store.SignalCaptchaFlag(redis, keys);
	}

	@Bean
	VigiaSettings vigiaSettings() {
		return VigiaSettings.defaults();
	}

}
