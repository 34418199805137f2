package org.vigia.bot.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.signal.SignalOutbox;
import org.vigia.store.RedisKeys;
import org.vigia.store.SignalCaptchaFlag;

/**
 * With Signal, the console's captcha banner: the flag in Redis ({@link SignalCaptchaFlag}) is raised as soon as
 * Signal demands a captcha, renewed every 5 s while the demand holds messages (it expires by itself if this bot
 * stops) and lowered within 5 s of the demand's end, however it ended (a solved captcha, Signal's own wait).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${vigia.signal.url:}'.trim() != ''")
class SignalCaptchaBannerConfig {

	static final Duration RENEW = Duration.ofSeconds(5);

	@Bean
	SignalCaptchaFlag signalCaptchaFlag(StringRedisTemplate redis, RedisKeys keys) {
		return new SignalCaptchaFlag(redis, keys);
	}

	@Bean
	Periodic signalCaptchaBanner(SignalOutbox outbox, SignalCaptchaFlag flag) {
		var raised = new AtomicBoolean();
		outbox.onChallenge(challenge -> {
			try {
				flag.raise(new SignalCaptchaFlag.Hold(challenge.since(), challenge.held()));
				raised.set(true);
			}
			catch (RuntimeException ex) {
				// Redis away: the next renewal raises it
			}
		});
		return Periodic.every("vigia-signal-captcha-flag", RENEW, () -> {
			var now = outbox.challenge();
			if (now.isPresent()) {
				flag.raise(new SignalCaptchaFlag.Hold(now.get().since(), now.get().held()));
				raised.set(true);
			}
			else if (raised.getAndSet(false)) {
				flag.lower();
			}
		});
	}

}
