package org.vigia.bot.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.MenuItem;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisKeys;

/**
 * What the bot remembers of the messages it sent on Signal, so that a typed answer resolves to the same
 * choice a Telegram button gives: the options each message carried (a numbered menu), which menu of a chat is
 * the open one (the last sent), whether a menu was answered, and how many times a message was edited (Signal
 * allows {@code Capabilities.SIGNAL.maxEdits()}).
 *
 * <p>Keys: {@code {prefix}signal:sent:{hmac(chat)}:{timestamp}}, a hash of {@code rows} (the options as JSON:
 * labels, values, aliases, written by the bot, never a person's words), {@code answered} and {@code edits},
 * kept {@link #KEEP} after the message was sent or last edited; {@code {prefix}signal:open:{hmac(chat)}}, a hash
 * of the chat's last menu ({@code rows}; {@code t}, its timestamp, 0 while on its way; {@code seq}, which
 * sending it is), kept as long. A chat is named by a keyed hash of its address, never its
 * service id. Thread-safe.
 */
public final class SignalMenus {

	/** How long a menu is remembered: Signal's edit window, and longer than any prompt stays open. */
	static final Duration KEEP = Duration.ofHours(24);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The chat's open menu is now this one, not yet sent: a new number for it. */
	private static final RedisScript<Long> OPENING = new DefaultRedisScript<>("""
			local n = redis.call('HINCRBY', KEYS[1], 'seq', 1)
			redis.call('HSET', KEYS[1], 'rows', ARGV[1], 't', '0')
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return n
			""", Long.class);

	/** The menu went out at a timestamp: its message's record, and the open menu's timestamp if still the same. */
	private static final RedisScript<Long> REMEMBER = new DefaultRedisScript<>("""
			redis.call('HSET', KEYS[1], 'rows', ARGV[1])
			redis.call('HDEL', KEYS[1], 'answered')
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			if ARGV[4] ~= '0' and redis.call('HGET', KEYS[2], 'seq') == ARGV[4] then
			  redis.call('HSET', KEYS[2], 't', ARGV[3])
			  redis.call('PEXPIRE', KEYS[2], ARGV[2])
			end
			return 1
			""", Long.class);

	private static final RedisScript<Long> EDITED = new DefaultRedisScript<>("""
			local n = redis.call('HINCRBY', KEYS[1], 'edits', 1)
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			return n
			""", Long.class);

	/** Marks a remembered message as answered, only while it is remembered (its TTL stays as it was). */
	private static final RedisScript<Long> ANSWERED = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  return redis.call('HSET', KEYS[1], 'answered', '1')
			end
			return 0
			""", Long.class);

	/** A message's menu as remembered: its options, and whether it was answered already. */
	public record Menu(long timestamp, List<List<MenuItem>> rows, boolean answered) {

		public Menu {
			rows = rows.stream().map(List::copyOf).toList();
		}

	}

	private final StringRedisTemplate redis;

	private final String prefix;

	private final Pseudonyms pseudonyms;

	public SignalMenus(StringRedisTemplate redis, RedisKeys keys, Pseudonyms pseudonyms) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.prefix = keys.prefix() + "signal:";
		this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms must not be null");
	}

	/**
	 * A message with these options is on its way to {@code chat}: from now on it is the chat's open menu, so that
	 * an answer typed before signal-cli has even answered (messages that waited while the bot was down) reads
	 * against it.
	 *
	 * @return its number, for {@link #remember} once it is sent
	 */
	public long opening(Address chat, List<List<MenuItem>> rows) {
		Long n = redis.execute(OPENING, List.of(openKey(chat)), encode(rows), Long.toString(KEEP.toMillis()));
		return n == null ? 0 : n;
	}

	/**
	 * The message sent to {@code chat} at {@code timestamp} carries these options; if it is still the chat's
	 * open menu ({@code opening}, the number {@link #opening} gave; 0 for an edit), the open menu now names it.
	 */
	public void remember(Address chat, long timestamp, List<List<MenuItem>> rows, long opening) {
		redis.execute(REMEMBER, List.of(sentKey(chat, timestamp), openKey(chat)), encode(rows),
				Long.toString(KEEP.toMillis()), Long.toString(timestamp), Long.toString(opening));
	}

	/** The menu of the message sent to {@code chat} at {@code timestamp}, if it had one and is remembered. */
	public Optional<Menu> menu(Address chat, long timestamp) {
		Map<Object, Object> fields = redis.opsForHash().entries(sentKey(chat, timestamp));
		Object rows = fields.get("rows");
		if (rows == null) {
			return Optional.empty();
		}
		return decode(rows.toString()).map(r -> new Menu(timestamp, r, fields.containsKey("answered")));
	}

	/**
	 * The chat's open menu: the last one the bot sent or is sending there, if still remembered; its timestamp is
	 * 0 while it is on its way.
	 */
	public Optional<Menu> open(Address chat) {
		Map<Object, Object> fields = redis.opsForHash().entries(openKey(chat));
		Object rows = fields.get("rows");
		if (rows == null) {
			return Optional.empty();
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(String.valueOf(fields.get("t")));
		}
		catch (NumberFormatException ex) {
			timestamp = 0;
		}
		long t = timestamp;
		return decode(rows.toString()).map(r -> new Menu(t, r, false));
	}

	/** The conversation ended: no menu of this chat is open any more (a number typed now chooses nothing). */
	public void close(Address chat) {
		redis.delete(openKey(chat));
	}

	/** As {@link #close}, if the chat's open menu is the message sent at {@code timestamp}. */
	public void closeIf(Address chat, long timestamp) {
		if (Long.toString(timestamp).equals(redis.opsForHash().get(openKey(chat), "t"))) {
			redis.delete(openKey(chat));
		}
	}

	/** The person answered this menu: an edit of its message now goes out as a new message below the answer. */
	public void answered(Address chat, long timestamp) {
		// one script: a key that expired between a check and a write would come back without its TTL
		redis.execute(ANSWERED, List.of(sentKey(chat, timestamp)));
	}

	/** Whether the person answered the message sent at {@code timestamp} (false if it had no menu). */
	public boolean wasAnswered(Address chat, long timestamp) {
		return redis.opsForHash().hasKey(sentKey(chat, timestamp), "answered");
	}

	/** Counts an edit of the message sent at {@code timestamp}; returns how many it had before this one. */
	public int edited(Address chat, long timestamp) {
		Long n = redis.execute(EDITED, List.of(sentKey(chat, timestamp)), Long.toString(KEEP.toMillis()));
		return n == null ? 0 : (int) (n - 1);
	}

	/** How many times the message sent at {@code timestamp} was edited. */
	public int edits(Address chat, long timestamp) {
		Object n = redis.opsForHash().get(sentKey(chat, timestamp), "edits");
		try {
			return n == null ? 0 : Integer.parseInt(n.toString());
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private String sentKey(Address chat, long timestamp) {
		return prefix + "sent:" + pseudonyms.hash("signal-menu:" + chat.key(), 32) + ":" + timestamp;
	}

	private String openKey(Address chat) {
		return prefix + "open:" + pseudonyms.hash("signal-menu:" + chat.key(), 32);
	}

	private static String encode(List<List<MenuItem>> rows) {
		ArrayNode out = JSON.createArrayNode();
		for (List<MenuItem> row : rows) {
			ArrayNode r = out.addArray();
			for (MenuItem item : row) {
				ObjectNode o = r.addObject();
				o.put("l", item.label());
				o.put("v", item.value());
				ArrayNode aliases = o.putArray("a");
				item.aliases().forEach(aliases::add);
			}
		}
		return out.toString();
	}

	/** What was written by {@link #encode}; anything else (a damaged value) is no menu. */
	private static Optional<List<List<MenuItem>>> decode(String json) {
		try {
			JsonNode root = JSON.readTree(json);
			var rows = new ArrayList<List<MenuItem>>();
			for (JsonNode r : root) {
				var row = new ArrayList<MenuItem>();
				for (JsonNode o : r) {
					var aliases = new ArrayList<String>();
					o.path("a").forEach(a -> aliases.add(a.asString()));
					row.add(new MenuItem(o.path("l").asString(), o.path("v").asString(), aliases));
				}
				rows.add(row);
			}
			return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
