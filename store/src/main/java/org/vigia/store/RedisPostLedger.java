package org.vigia.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.channel.ChannelPost;
import org.vigia.core.delivery.PostLedger;
import org.vigia.core.incident.IncidentId;

/**
 * Channel posts: which message was posted for which incident in which channel (to edit it later), and
 * the claim that makes "post once" hold across instances and restarts ({@link RedisDeliveries}: a claim
 * left by a process killed mid-send is taken over, so the alert is posted after all). An alert is two
 * messages per channel, each delivered once: its text (target: the channel) and its map pin (target:
 * {@link PostLedger#pin(String) pin:channel}).
 */
public class RedisPostLedger extends RedisDeliveries implements PostLedger {

	public RedisPostLedger(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances, Duration ttl) {
		super(redis, keys, instances, "post", ttl);
	}

	public void record(ChannelPost post) {
		record(post.incident(), post.channel(), post.messageId());
	}

	/**
	 * The posts of an incident that can be edited, by channel name order (a post whose message id is unknown,
	 * because Telegram's answer could not be read, is recorded with id 0 and is not among them).
	 */
	public List<ChannelPost> posts(IncidentId incident) {
		var out = new ArrayList<ChannelPost>();
		delivered(incident).forEach((channel, id) -> {
			if (id > 0 && !PostLedger.isPin(channel)) {
				out.add(new ChannelPost(incident, channel, id));
			}
		});
		return List.copyOf(out);
	}

	/** How many channels have the alert's text (pins are not counted). */
	public int channels(IncidentId incident) {
		return (int) delivered(incident).keySet().stream().filter(target -> !PostLedger.isPin(target)).count();
	}

}
