package org.vigia.store;

import java.time.Duration;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.AccompanierInvites;

/**
 * Invite codes with the accompaniment role ({@code acc:invite:{code}} → who created it, with the code's TTL):
 * kept apart from observers' codes, so that each code makes one kind of volunteer. Codes look like observers'
 * (10 characters that cannot be mistaken for one another read aloud) and are used once.
 */
public class RedisAccompanierInvites implements AccompanierInvites {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	public RedisAccompanierInvites(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
	}

	/** A new single-use code, valid for {@code ttl}. */
	public String create(String createdBy, Duration ttl) {
		String code = RedisChatState.newInviteCode();
		Guard.run("accompanier invite", () -> redis.opsForValue()
			.set(keys.accompanierInvite(code), RedisChatState.inviteRecord(createdBy), Ttl.check(ttl)));
		return code;
	}

	/** Whether this is a live accompanier code (without using it). */
	public boolean exists(String code) {
		return wellFormed(code)
				&& Boolean.TRUE.equals(Guard.call("accompanier invite", () -> redis.hasKey(keys.accompanierInvite(code))));
	}

	/** Uses up a code: true exactly once, if it exists and has not expired. */
	public boolean redeem(String code) {
		return wellFormed(code) && Guard.call("accompanier invite",
				() -> redis.opsForValue().getAndDelete(keys.accompanierInvite(code))) != null;
	}

	private static boolean wellFormed(String code) {
		return code != null && code.matches("[A-Z0-9]{6,16}");
	}

}
