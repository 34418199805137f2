package org.vigia.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.ObserverId;

/**
 * The small, short-lived pieces of chat state that are not conversations: button tokens sent to observers,
 * residents who asked to hear an outcome, observer invite codes, language choices and sanitised photos.
 * Every key has a TTL (docs/redis-keys.md).
 */
public class RedisChatState {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	public RedisChatState(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/** A button sent to one observer about one incident: who may press it, and what it is about. */
	public record Button(ObserverId observer, IncidentId incident, long chat) {
	}

	/** Issues an unguessable 12-character token standing for this button, for {@code ttl}. */
	public String issue(Button button, Duration ttl) {
		byte[] bytes = new byte[9];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String key = keys.button(token);
		Guard.run("button issue", () -> {
			redis.opsForHash().putAll(key, Map.of("o", button.observer().value(), "i", button.incident().value(), "c",
					Long.toString(button.chat())));
			redis.expire(key, ttl);
		});
		return token;
	}

	/** The button a token stands for, if it exists and has not expired. */
	public Optional<Button> button(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{12}")) {
			return Optional.empty();
		}
		Map<Object, Object> fields = Guard.call("button find", () -> redis.opsForHash().entries(keys.button(token)));
		if (fields == null || fields.size() < 3) {
			return Optional.empty();
		}
		return Optional.of(new Button(new ObserverId((String) fields.get("o")), new IncidentId((String) fields.get("i")),
				Long.parseLong((String) fields.get("c"))));
	}

	/** Remembers that this chat wants to hear the incident's outcome, in this language. */
	public void follow(IncidentId incident, long chat, String language, Duration ttl) {
		String key = keys.followers(incident);
		Guard.run("follow", () -> {
			redis.opsForSet().add(key, chat + ":" + language);
			redis.expire(key, ttl);
		});
	}

	/** The chats waiting for the outcome, forgotten as they are returned: each hears it once. */
	public List<String[]> takeFollowers(IncidentId incident) {
		String key = keys.followers(incident);
		Set<String> members = Guard.call("followers", () -> {
			Set<String> all = redis.opsForSet().members(key);
			redis.delete(key);
			return all;
		});
		return members == null ? List.of() : members.stream().map(m -> m.split(":", 2)).toList();
	}

	/** A new single-use invite code, valid for {@code ttl}. */
	public String newInvite(String createdBy, Duration ttl) {
		var code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		String value = new String(code);
		Guard.run("invite", () -> redis.opsForValue()
			.set(keys.invite(value), "{\"createdBy\":\"" + createdBy.replaceAll("[^A-Za-z0-9_-]", "") + "\"}", ttl));
		return value;
	}

	/** Uses up an invite code: true exactly once, if it exists and has not expired. */
	public boolean redeemInvite(String code) {
		if (code == null || !code.matches("[A-Z0-9]{6,16}")) {
			return false;
		}
		String value = Guard.call("redeem invite", () -> redis.opsForValue().getAndDelete(keys.invite(code)));
		return value != null;
	}

	/** Whether an invite code exists (without using it). */
	public boolean inviteExists(String code) {
		if (code == null || !code.matches("[A-Z0-9]{6,16}")) {
			return false;
		}
		return Boolean.TRUE.equals(Guard.call("invite exists", () -> redis.hasKey(keys.invite(code))));
	}

	public void language(String personHash, String language, Duration ttl) {
		Guard.run("language", () -> redis.opsForValue().set(keys.language(personHash), language, ttl));
	}

	public Optional<String> language(String personHash) {
		return Optional.ofNullable(Guard.call("language", () -> redis.opsForValue().get(keys.language(personHash))));
	}

	/** Keeps a sanitised photo (base64) for {@code ttl}; returns its ref. */
	public String photo(byte[] jpeg, Duration ttl) {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		String ref = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Guard.run("photo", () -> redis.opsForValue().set(keys.photo(ref), Base64.getEncoder().encodeToString(jpeg), ttl));
		return ref;
	}

	public Optional<byte[]> photo(String ref) {
		return Optional.ofNullable(Guard.call("photo", () -> redis.opsForValue().get(keys.photo(ref))))
			.map(Base64.getDecoder()::decode);
	}

	/** A dispatcher's correction of an incident's channel posts, kept as long as the incident may be shown. */
	public void correction(IncidentId incident, String text, Duration ttl) {
		Guard.run("correction", () -> redis.opsForValue().set(keys.correction(incident), text, ttl));
	}

	public Optional<String> correction(IncidentId incident) {
		return Optional.ofNullable(Guard.call("correction", () -> redis.opsForValue().get(keys.correction(incident))));
	}

}
