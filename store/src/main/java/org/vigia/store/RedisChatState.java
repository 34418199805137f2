package org.vigia.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.chat.ChatStates;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.ObserverId;

/**
 * The small, short-lived pieces of chat state that are not conversations: button tokens sent to observers,
 * residents who asked to hear an outcome (their chat encrypted, {@link ChatSeal}), observer invite codes,
 * language choices and sanitised photos. Every key has a TTL, set in the same step as the value
 * (docs/redis-keys.md).
 */
public class RedisChatState implements ChatStates {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Pseudonyms pseudonyms;

	private final ChatSeal seal;

	/**
	 * @param pseudonyms keyed hashes of chats (one resident follows an incident once) and, from the same
	 * secret, the encryption of the chats that wait for an outcome, so that Redis never holds them in clear
	 */
	public RedisChatState(StringRedisTemplate redis, RedisKeys keys, Pseudonyms pseudonyms) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms must not be null");
		this.seal = pseudonyms.seal();
	}

	/**
	 * Stores what a button token stands for, for {@code ttl}; the hash and its TTL are written together.
	 *
	 * @param token 16 to 32 lower-case hex characters, unguessable (a keyed hash or random)
	 */
	public void issue(String token, Button button, Duration ttl) {
		if (!validToken(token)) {
			throw new IllegalArgumentException("a button token is 16 to 32 lower-case hex characters");
		}
		String key = keys.button(token);
		Guard.run("button issue", () -> Expiring.write(redis, key, ttl, "HSET", "o", button.observer().value(), "i",
				button.incident().value(), "c", button.chat(), "a",
				String.join(",", new java.util.TreeSet<>(button.actions()))));
	}

	/** The button a token stands for, if it exists and has not expired or been used up. */
	public Optional<Button> button(String token) {
		if (!validToken(token)) {
			return Optional.empty();
		}
		Map<Object, Object> fields = Guard.call("button find", () -> redis.opsForHash().entries(keys.button(token)));
		if (fields == null || fields.size() < 4) {
			return Optional.empty();
		}
		String actions = (String) fields.get("a");
		return Optional.of(new Button(new ObserverId((String) fields.get("o")), new IncidentId((String) fields.get("i")),
				(String) fields.get("c"), actions.isEmpty() ? Set.of() : Set.of(actions.split(","))));
	}

	/**
	 * Makes these buttons expire within {@code ttl}, never later than they would have (a closed incident's
	 * buttons live no longer than the incident); unknown or used tokens are skipped.
	 */
	public void retainButtons(java.util.Collection<String> tokens, Duration ttl) {
		List<String> buttons = tokens.stream().filter(RedisChatState::validToken).map(keys::button).toList();
		Guard.run("button retain", () -> Expiring.retain(redis, buttons, ttl));
	}

	/** Uses up a token: its buttons do nothing from now on. */
	public void revoke(String token) {
		if (validToken(token)) {
			Guard.run("button revoke", () -> redis.delete(keys.button(token)));
		}
	}

	private static boolean validToken(String token) {
		return token != null && token.matches("[0-9a-f]{16,32}");
	}

	/**
	 * Remembers that this chat wants to hear the incident's outcome, in this language: under a keyed hash of
	 * the chat (asking twice is remembered once), the chat and language encrypted ({@link ChatSeal}), so that
	 * Redis never holds the chat id in clear. The set lives {@code ttl} from the last one who asked.
	 */
	public void follow(IncidentId incident, String chat, String language, Duration ttl) {
		String key = keys.followers(incident);
		String sealed = seal.seal(chat + ":" + language, incident.value());
		Guard.run("follow", () -> Expiring.write(redis, key, ttl, "HSET", pseudonyms.chat(chat), sealed));
	}

	/**
	 * The chats waiting for the outcome, as {chat key, language}, forgotten as they are returned (in the same
	 * step): each hears it once. One that does not open (sealed under another hash secret) is dropped.
	 */
	public List<String[]> takeFollowers(IncidentId incident) {
		List<?> sealed = Guard.call("followers",
				() -> redis.execute(Scripts.TAKE_HASH, List.of(keys.followers(incident))));
		if (sealed == null) {
			return List.of();
		}
		return sealed.stream()
			.map(s -> seal.open((String) s, incident.value()))
			.flatMap(Optional::stream)
			// the language is after the last colon: a chat key may hold colons ("signal:…")
			.filter(m -> m.lastIndexOf(':') > 0)
			.map(m -> new String[] { m.substring(0, m.lastIndexOf(':')), m.substring(m.lastIndexOf(':') + 1) })
			.toList();
	}

	/** A new single-use invite code, valid for {@code ttl}. */
	public String newInvite(String createdBy, Duration ttl) {
		String code = newInviteCode();
		Guard.run("invite", () -> redis.opsForValue().set(keys.invite(code), inviteRecord(createdBy), ttl));
		return code;
	}

	/** A random invite code: 10 characters that cannot be mistaken for one another when read aloud. */
	static String newInviteCode() {
		var code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

	/** What an invite code's key holds: who created it (a console user name or "dispatcher"), nothing else. */
	static String inviteRecord(String createdBy) {
		return "{\"createdBy\":\"" + createdBy.replaceAll("[^A-Za-z0-9_-]", "") + "\"}";
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
