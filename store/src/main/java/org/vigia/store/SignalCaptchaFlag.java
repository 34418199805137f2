package org.vigia.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.messaging.SignalCaptcha;

/**
 * Whether Signal holds the bot's messages until a person solves a captcha, for the console's banner: the bot
 * raises the flag ({@code {prefix}signal:captcha}: since when, how many messages wait) when the demand starts,
 * renews it while it lasts and lowers it when it is lifted. It expires {@link #TTL} after its last renewal, so a
 * bot that stopped leaves no banner behind. Holds no token, id or text of anyone.
 */
public final class SignalCaptchaFlag implements SignalCaptcha {

	/** How long a raised flag lasts without being renewed. */
	public static final Duration TTL = Duration.ofMinutes(2);

	private final StringRedisTemplate redis;

	private final String key;

	public SignalCaptchaFlag(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.key = keys.prefix() + "signal:captcha";
	}

	/** Signal demands a captcha (or still does): raised, or renewed, for {@link #TTL}. */
	public void raise(Hold hold) {
		Guard.run("signal captcha flag", () -> redis.opsForValue().set(key, hold.since() + "|" + hold.held(), TTL));
	}

	/** The demand is lifted. */
	public void lower() {
		Guard.run("signal captcha flag", () -> redis.delete(key));
	}

	/** The demand the bot last reported, if it is still raised. */
	public Optional<Hold> find() {
		String value = Guard.call("signal captcha flag", () -> redis.opsForValue().get(key));
		if (value == null || !value.matches("[0-9TZ:.+-]{10,40}\\|[0-9]{1,9}")) {
			return Optional.empty();
		}
		String[] parts = value.split("\\|");
		try {
			return Optional.of(new Hold(Instant.parse(parts[0]), Integer.parseInt(parts[1])));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
