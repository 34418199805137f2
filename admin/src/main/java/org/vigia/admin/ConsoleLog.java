package org.vigia.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import org.vigia.core.console.ConsoleCommands;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisStreams;

/**
 * What the console tells the bot, and the audit log of who did what, when and why. Commands go to the
 * {@code commands} stream the bot consumes; every action is appended to the {@code audit} stream. Both are
 * capped and expire a while after their last entry, set in the same write (commands 7 days, the audit log 400
 * days: no "keep forever").
 */
@Component
public class ConsoleLog {

	static final long MAX_ENTRIES = 10_000;

	static final Duration AUDIT_RETENTION = Duration.ofDays(400);

	private final StringRedisTemplate redis;

	private final String commands;

	private final String audit;

	private final Clock clock;

	ConsoleLog(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = redis;
		this.commands = keys.prefix() + "commands";
		this.audit = keys.prefix() + "audit";
		this.clock = clock;
	}

	/** Sends a command to the bot and records it; returns the command id. */
	public String command(String actor, String type, Map<String, String> fields, String reason) {
		String id = UUID.randomUUID().toString();
		var command = new LinkedHashMap<String, String>(fields);
		command.put("id", id);
		command.put("type", type);
		command.put("actor", actor);
		command.put("reason", reason);
		command.put("at", clock.instant().toString());
		RedisStreams.append(redis, commands, command, MAX_ENTRIES, ConsoleCommands.KEEP);
		record(actor, type, fields.getOrDefault("incident", fields.getOrDefault("appointment",
				fields.getOrDefault("channel", ""))), reason);
		return id;
	}

	/** Appends an entry to the audit log. */
	public void record(String actor, String action, String subject, String reason) {
		var entry = new LinkedHashMap<String, String>();
		entry.put("at", clock.instant().toString());
		entry.put("user", actor);
		entry.put("action", action);
		entry.put("subject", subject == null ? "" : subject);
		entry.put("reason", reason == null ? "" : reason);
		RedisStreams.append(redis, audit, entry, MAX_ENTRIES, AUDIT_RETENTION);
	}

	/** The audit log, newest first, optionally only entries whose subject or user contains {@code filter}. */
	public List<Map<Object, Object>> auditLog(String filter) {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(StreamOffset.fromStart(audit));
		if (records == null) {
			return List.of();
		}
		return records.stream()
			.map(MapRecord::getValue)
			.filter(e -> filter == null || filter.isBlank() || String.valueOf(e.get("subject")).contains(filter)
					|| String.valueOf(e.get("user")).contains(filter) || String.valueOf(e.get("at")).startsWith(filter))
			.sorted((a, b) -> String.valueOf(b.get("at")).compareTo(String.valueOf(a.get("at"))))
			.limit(500)
			.toList();
	}

	/**
	 * Waits up to {@code patience} for the bot's answer to a command on the event stream: its
	 * {@code detail}, or empty if the bot did not answer in time (it may be stopped).
	 */
	public java.util.Optional<Map<Object, Object>> answer(String commandId, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		String events = commands.substring(0, commands.length() - "commands".length()) + "events";
		while (System.nanoTime() < deadline) {
			List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(StreamOffset.fromStart(events));
			if (records != null) {
				for (MapRecord<String, Object, Object> r : records) {
					if (commandId.equals(r.getValue().get("command"))) {
						return java.util.Optional.of(r.getValue());
					}
				}
			}
			java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
		}
		return java.util.Optional.empty();
	}

}
