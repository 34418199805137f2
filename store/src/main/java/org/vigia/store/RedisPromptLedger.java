package org.vigia.store;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.delivery.PromptLedger;

/**
 * Observer prompts of an incident ("can you go and check?", "what did you see?"), sent once per observer
 * and sent again only if the process that was sending died ({@link RedisDeliveries}). Targets are
 * {@code ask:{observerId}} and {@code verdict:{observerId}}.
 */
public class RedisPromptLedger extends RedisDeliveries implements PromptLedger {

	public RedisPromptLedger(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances, Duration ttl) {
		super(redis, keys, instances, "prompt", ttl);
	}

}
