package org.vigia.bot.load;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

/**
 * The bot's own record of its alerts (docs/redis-keys.md, {@code post:{incidentId}}: channel or Signal group →
 * message id), read from its Redis after a run. Beside the posts a fake saw arrive, it tells apart the two ways a
 * scene can get more than one post: a <b>duplicate</b> (one incident posted twice to a place: more posts than
 * incidents recorded there, the extra one recorded nowhere) and a <b>split</b> (the scene's reports made two
 * incidents, each confirmed and posted once: two incidents recorded, each with its own post).
 */
final class PostLedger {

	/** Channel (its {@code @name}) or Signal group ({@code signal:} + group id) → incident id → message id. */
	private final Map<String, Map<String, String>> byTarget;

	private PostLedger(Map<String, Map<String, String>> byTarget) {
		this.byTarget = byTarget;
	}

	static PostLedger read(MeasuredBot bot) throws IOException {
		var byTarget = new HashMap<String, Map<String, String>>();
		String posts = MeasuredBot.PREFIX + "post:", claims = posts + "claim:";
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", bot.redisPort()));
		try (var connection = client.connect()) {
			var redis = connection.sync();
			for (String key : redis.keys(posts + "*")) {
				if (key.startsWith(claims)) {
					continue;
				}
				String incident = key.substring(posts.length());
				redis.hgetall(key).forEach((target, messageId) -> {
					if (!target.startsWith("pin:")) {
						byTarget.computeIfAbsent(target, t -> new TreeMap<>()).put(incident, messageId);
					}
				});
			}
		}
		finally {
			client.shutdown();
		}
		return new PostLedger(byTarget);
	}

	/** The incidents recorded as posted to this target, with the message id of each post. */
	Map<String, String> incidents(String target) {
		return byTarget.getOrDefault(target, Map.of());
	}

	/**
	 * What went wrong at a target that should have got exactly one post, or null if it got one post of one
	 * incident.
	 *
	 * @param postIds the message ids of the posts the fake took for it (Telegram's message_id, Signal's timestamp)
	 */
	String explain(String target, Collection<String> postIds) {
		Map<String, String> recorded = incidents(target);
		if (postIds.size() == 1 && recorded.size() == 1 && recorded.containsValue(postIds.iterator().next())) {
			return null;
		}
		long unrecorded = postIds.stream().filter(id -> !recorded.containsValue(id)).count();
		var why = new StringBuilder(String.format(java.util.Locale.ROOT, "%d posts, %d incidents recorded as posted",
				postIds.size(), recorded.size()));
		if (postIds.isEmpty()) {
			why.append(": no post");
		}
		if (recorded.size() > 1) {
			why.append(": the scene split into ").append(recorded.size()).append(" incidents");
		}
		if (postIds.size() > recorded.size()) {
			why.append(": ").append(postIds.size() - recorded.size()).append(" duplicate post(s) of one incident");
		}
		if (unrecorded > 0 && postIds.size() <= recorded.size()) {
			why.append(": ").append(unrecorded).append(" post(s) the ledger does not name");
		}
		return why.append(" (ledger ").append(recorded).append(", posts ").append(postIds).append(')').toString();
	}

}
