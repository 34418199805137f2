package org.vigia.bot.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import org.vigia.core.messaging.Address;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisInstances;
import org.vigia.store.RedisKeys;

/**
 * Where received Signal messages wait in Redis until they are handled, each one once.
 *
 * <p>Design note: signal-cli acknowledges a message to Signal's servers before {@code receive} answers, so
 * from then on the bot's copy is the only one. {@link #add} therefore keeps each message in a Redis stream
 * ({@code {prefix}signal:inbox}) before anything is done with it, in one script with its de-duplication
 * mark ({@code {prefix}signal:seen:{hmac(sender)}:{timestamp}}, kept {@link #SEEN}): a message signal-cli
 * hands over twice (it retries what it could not finish after a restart) is not kept twice. Handlers read it
 * through a consumer group under their process id ({@link RedisInstances}); {@link #done} removes it. A
 * message taken by a process that died before {@code done} (SIGKILL, power cut) stays pending under that
 * process; {@link #take} claims it once that process has no heartbeat, so it is handled by the next process
 * instead of never. The one case handled twice: a process killed after handling a message and before
 * {@code done}.
 *
 * <p>Privacy: the stream holds a message only until it is handled, and what it holds is
 * {@link SignalMessage} (service id, text, attachment ids; no phone number, no name); the stream key expires
 * {@link #KEEP} after the last message added. The de-duplication mark names the sender by a keyed hash.
 * Nothing here logs a message or a sender. Thread-safe; meant for one handling thread per process.
 */
public final class SignalInbox {

	private static final Logger log = LoggerFactory.getLogger(SignalInbox.class);

	/** How long a message's de-duplication mark lasts. */
	static final Duration SEEN = Duration.ofDays(1);

	/** How long the stream outlives the last message added to it (handled messages are deleted at once). */
	static final Duration KEEP = Duration.ofDays(1);

	static final String GROUP = "handlers";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Keep a message once: its mark, then the entry; the group is made on the first add. */
	private static final RedisScript<Long> ADD = new DefaultRedisScript<>("""
			pcall(redis.call, 'XGROUP', 'CREATE', KEYS[2], ARGV[4], '0', 'MKSTREAM')
			if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
			  redis.call('XADD', KEYS[2], '*', 'm', ARGV[3])
			  redis.call('PEXPIRE', KEYS[2], ARGV[2])
			  return 1
			end
			return 0
			""", Long.class);

	/** The stream and its group exist (with the stream's TTL), whatever expired or was never made. */
	private static final RedisScript<Long> ENSURE = new DefaultRedisScript<>("""
			pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
			if redis.call('PTTL', KEYS[1]) < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			end
			return 1
			""", Long.class);

	private static final RedisScript<Long> DONE = new DefaultRedisScript<>("""
			redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
			return redis.call('XDEL', KEYS[1], ARGV[2])
			""", Long.class);

	/** A message taken from the inbox, to hand back to {@link #done} once handled. */
	public record Entry(String id, SignalMessage message) {

		public Entry {
			Objects.requireNonNull(id, "id must not be null");
			Objects.requireNonNull(message, "message must not be null");
		}

	}

	private final StringRedisTemplate redis;

	private final String stream;

	private final String seenPrefix;

	private final RedisInstances instances;

	private final Pseudonyms pseudonyms;

	public SignalInbox(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances, Pseudonyms pseudonyms) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.stream = keys.prefix() + "signal:inbox";
		this.seenPrefix = keys.prefix() + "signal:seen:";
		this.instances = Objects.requireNonNull(instances, "instances must not be null");
		this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms must not be null");
	}

	/**
	 * Keeps these messages, skipping any seen before.
	 *
	 * @return how many were new
	 * @throws RuntimeException when Redis fails: the caller must keep the messages and try again
	 */
	public int add(List<SignalMessage> messages) {
		int added = 0;
		for (SignalMessage message : messages) {
			String seen = seenPrefix + pseudonyms.hash("signal:" + message.sender().id(), 32) + ":" + message.timestamp();
			Long result = redis.execute(ADD, List.of(seen, stream), Long.toString(SEEN.toMillis()),
					Long.toString(KEEP.toMillis()), encode(message), GROUP);
			if (result != null && result == 1) {
				added++;
			}
		}
		return added;
	}

	/**
	 * Up to {@code max} messages to handle, oldest first: first those a dead process left unfinished and those
	 * this process took without finishing, then new ones. A stored entry that cannot be read is dropped.
	 */
	public List<Entry> take(int max) {
		redis.execute(ENSURE, List.of(stream), GROUP, Long.toString(KEEP.toMillis()));
		claimFromTheDead();
		String me = instances.id();
		var entries = read(StreamOffset.create(stream, ReadOffset.from("0")), me, max);
		if (entries.isEmpty()) {
			entries = read(StreamOffset.create(stream, ReadOffset.lastConsumed()), me, max);
		}
		return entries;
	}

	/** The message was handled (or could not be, for good): never again. */
	public void done(Entry entry) {
		done(entry.id());
	}

	void done(String entryId) {
		redis.execute(DONE, List.of(stream), GROUP, entryId);
	}

	/** Messages kept and not yet done, for health and tests. */
	public long waiting() {
		Long size = redis.opsForStream().size(stream);
		return size == null ? 0 : size;
	}

	private List<Entry> read(StreamOffset<String> offset, String me, int max) {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream()
			.read(Consumer.from(GROUP, me), StreamReadOptions.empty().count(max), offset);
		var entries = new ArrayList<Entry>();
		for (MapRecord<String, Object, Object> record : records == null ? List.<MapRecord<String, Object, Object>>of()
				: records) {
			SignalMessage message = decode(record.getValue());
			if (message == null) {
				log.warn("A kept Signal message could not be read and was dropped");
				redis.execute(DONE, List.of(stream), GROUP, record.getId().getValue());
				continue;
			}
			entries.add(new Entry(record.getId().getValue(), message));
		}
		return entries;
	}

	/** Entries taken by processes without a heartbeat become this process's. */
	private void claimFromTheDead() {
		PendingMessagesSummary summary = redis.opsForStream().pending(stream, GROUP);
		if (summary == null || summary.getTotalPendingMessages() == 0) {
			return;
		}
		for (Map.Entry<String, Long> owner : summary.getPendingMessagesPerConsumer().entrySet()) {
			if (owner.getKey().equals(instances.id()) || instances.alive(owner.getKey())) {
				continue;
			}
			var pending = redis.opsForStream().pending(stream, Consumer.from(GROUP, owner.getKey()), Range.unbounded(),
					1000);
			RecordId[] ids = pending.stream().map(PendingMessage::getId).toArray(RecordId[]::new);
			if (ids.length > 0) {
				redis.opsForStream().claim(stream, GROUP, instances.id(), Duration.ZERO, ids);
				log.info("Took over {} Signal messages a stopped process had not finished", ids.length);
			}
		}
	}

	static String encode(SignalMessage m) {
		ObjectNode node = JSON.createObjectNode();
		node.put("s", m.sender().id());
		node.put("t", m.timestamp());
		if (m.group() != null) {
			node.put("g", m.group().id());
		}
		if (m.text() != null) {
			node.put("x", m.text());
		}
		if (m.quotes() != null) {
			node.put("q", m.quotes());
		}
		if (!m.attachments().isEmpty()) {
			ArrayNode list = node.putArray("a");
			m.attachments().forEach(a -> list.addObject().put("i", a.id()).put("c", a.contentType()).put("z", a.size()));
		}
		if (m.contactCard()) {
			node.put("c", true);
		}
		return JSON.writeValueAsString(node);
	}

	/** The message of a stored entry, or null if it cannot be read (then it is dropped). */
	static SignalMessage decode(Map<Object, Object> fields) {
		Object raw = fields.get("m");
		if (raw == null) {
			return null;
		}
		try {
			JsonNode n = JSON.readTree(raw.toString());
			var attachments = new ArrayList<SignalMessage.Attachment>();
			for (JsonNode a : n.path("a")) {
				attachments.add(new SignalMessage.Attachment(a.path("i").asString(), a.path("c").asString(),
						a.path("z").asLong(-1)));
			}
			return new SignalMessage(Address.signalPerson(n.path("s").asString()), n.path("t").asLong(),
					n.hasNonNull("g") ? Address.signalGroup(n.get("g").asString()) : null,
					n.hasNonNull("x") ? n.get("x").asString() : null, n.hasNonNull("q") ? n.get("q").asLong() : null,
					attachments, n.path("c").asBoolean(false));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

}
