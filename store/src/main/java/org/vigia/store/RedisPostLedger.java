package org.vigia.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.channel.ChannelPost;
import org.vigia.core.incident.IncidentId;

/**
 * Channel posts: which message was posted for which incident in which channel (to edit it later), and
 * the claim that makes "post once" hold across instances and restarts.
 *
 * <p>Protocol: {@link #claim} before sending (only one caller ever gets {@code true}); {@link #record}
 * after Telegram answered; {@link #release} if sending failed for sure, so that a retry may claim again.
 * A claim that is neither recorded nor released (the instance died mid-send) stays: the alert is then
 * not posted a second time, the conservative choice for an alert system (a dispatcher can re-post).
 */
public class RedisPostLedger {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration ttl;

	/** @param ttl how long posts and claims are kept (at least as long as an incident stays open) */
	public RedisPostLedger(StringRedisTemplate redis, RedisKeys keys, Duration ttl) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.ttl = Ttl.check(ttl);
	}

	/** Whether the caller may post this incident to this channel: true exactly once. */
	public boolean claim(IncidentId incident, String channel) {
		Boolean claimed = Guard.call("post claim",
				() -> redis.opsForValue().setIfAbsent(keys.postClaim(incident, channel), "1", ttl));
		return Boolean.TRUE.equals(claimed);
	}

	/** Gives up a claim after a send that certainly failed. */
	public void release(IncidentId incident, String channel) {
		Guard.run("post release", () -> redis.delete(keys.postClaim(incident, channel)));
	}

	public void record(ChannelPost post) {
		Guard.run("post record", () -> redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations ops) {
				ops.multi();
				ops.opsForHash().put(keys.posts(post.incident()), post.channel(), Long.toString(post.messageId()));
				ops.expire(keys.posts(post.incident()), ttl);
				return ops.exec();
			}
		}));
	}

	/** The posts of an incident, by channel name order. */
	public List<ChannelPost> posts(IncidentId incident) {
		Map<Object, Object> entries = Guard.call("post list", () -> redis.opsForHash().entries(keys.posts(incident)));
		var out = new ArrayList<ChannelPost>();
		entries.forEach((channel, id) -> out.add(new ChannelPost(incident, (String) channel, Long.parseLong((String) id))));
		out.sort(java.util.Comparator.comparing(ChannelPost::channel));
		return List.copyOf(out);
	}

	/** Sets the remaining lifetime of an incident's posts and claims (when it closes). */
	public void retain(IncidentId incident, List<String> channels, Duration remaining) {
		Ttl.check(remaining);
		Guard.run("post retain", () -> {
			redis.expire(keys.posts(incident), remaining);
			channels.forEach(c -> redis.expire(keys.postClaim(incident, c), remaining));
		});
	}

}
