package org.vigia.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.chat.ConversationStore;

/**
 * Where a conversation stands, so that it continues after a restart or on another instance. The key
 * is a keyed hash of the chat ({@code conv:{hash}}); the state itself is opaque text (the chat layer's
 * JSON, which may hold the chat id it must answer) and lives only for the idle TTL, renewed on each
 * save.
 */
public class RedisConversationStore implements ConversationStore {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Pseudonyms hasher;

	private final Duration ttl;

	public RedisConversationStore(StringRedisTemplate redis, RedisKeys keys, Pseudonyms hasher, Duration ttl) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.hasher = Objects.requireNonNull(hasher, "hasher must not be null");
		this.ttl = Ttl.check(ttl);
	}

	public Optional<String> load(String chatKey) {
		return Optional.ofNullable(Guard.call("conversation load", () -> redis.opsForValue().get(key(chatKey))));
	}

	/** Saves the state and restarts its idle TTL. */
	public void save(String chatKey, String state) {
		if (state == null || state.isEmpty()) {
			throw new IllegalArgumentException("state must not be empty");
		}
		Guard.run("conversation save", () -> redis.opsForValue().set(key(chatKey), state, ttl));
	}

	/**
	 * Saves {@code state} only if the conversation is still {@code expected} (nobody saved a newer step in
	 * between), restarting its idle TTL; returns whether it did.
	 */
	public boolean replace(String chatKey, String expected, String state) {
		if (state == null || state.isEmpty()) {
			throw new IllegalArgumentException("state must not be empty");
		}
		Long replaced = Guard.call("conversation replace", () -> redis.execute(Scripts.COMPARE_AND_SET,
				List.of(key(chatKey)), expected, state, Long.toString(ttl.toMillis())));
		return replaced != null && replaced == 1;
	}

	/** Forgets the conversation (finished or cancelled). */
	public void delete(String chatKey) {
		Guard.run("conversation delete", () -> redis.delete(key(chatKey)));
	}

	private String key(String chatKey) {
		return keys.conversation(hasher.chat(chatKey));
	}

}
