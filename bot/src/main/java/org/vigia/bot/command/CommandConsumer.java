package org.vigia.bot.command;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.incident.Verification;
import org.vigia.store.RedisChatState;
import org.vigia.bot.telegram.Outbox;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;

/**
 * Carries out what dispatchers decide in the console: the console appends commands to the Redis Stream
 * {@code {prefix}commands}; every bot instance reads it in one consumer group, so each command is carried
 * out once, and the result goes to {@code {prefix}events} for the console's live view.
 *
 * <p>Commands (fields): {@code id}, {@code type} (confirm, not-ice, unfounded, end, correct, test-post, invite, reload-neighborhoods,
 * ask), {@code incident}, {@code channel}, {@code observer}, {@code reason}, {@code actor}. A command id already carried out is
 * acknowledged again without acting (a console retry). Anything malformed is answered
 * {@code command-failed} with the reason and changes nothing. Both streams are capped.
 */
public final class CommandConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

	static final String GROUP = "bots";

	static final long MAX_EVENTS = 10_000;

	private final StringRedisTemplate redis;

	private final String commands;

	private final String events;

	private final String prefix;

	private final Verification verification;

	private final Outbox outbox;

	private final RedisChatState state;

	private final Clock clock;

	private final org.vigia.bot.neighborhood.NeighborhoodDirectory neighborhoods;

	private final String consumer = "bot-" + UUID.randomUUID().toString().substring(0, 8);

	private ScheduledExecutorService loop;

	private volatile boolean running;

	public CommandConsumer(StringRedisTemplate redis, String prefix, Verification verification, Outbox outbox,
			RedisChatState state, org.vigia.bot.neighborhood.NeighborhoodDirectory neighborhoods, Clock clock) {
		this.neighborhoods = neighborhoods;
		this.redis = redis;
		this.prefix = prefix;
		this.commands = prefix + "commands";
		this.events = prefix + "events";
		this.verification = verification;
		this.outbox = outbox;
		this.state = state;
		this.clock = clock;
		verification.onChange(this::changed);
	}

	/** An incident changed state: tell the console (no ids of people, only the incident's). */
	void changed(Incident incident) {
		reply("incident-changed", Map.of("incident", incident.id().value()), incident.state().name(), null);
	}

	/** Whether the consumer group is known to exist (created once, again after a failure). */
	private volatile boolean groupReady;

	@Override
	public void start() {
		running = true;
		loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigia-commands"));
		loop.scheduleWithFixedDelay(this::poll, 0, 200, TimeUnit.MILLISECONDS);
	}

	/** Reads and carries out what is waiting; also callable directly. */
	void poll() {
		if (!running) {
			return;
		}
		try {
			if (!groupReady) {
				ensureGroup();
				groupReady = true;
			}
			// no BLOCK: a blocking read takes a connection of its own each time (two a second, opened and
			// closed); a plain read every 200 ms shares the bot's connection
			List<MapRecord<String, Object, Object>> records = redis.opsForStream()
				.read(Consumer.from(GROUP, consumer), StreamReadOptions.empty().count(20),
						StreamOffset.create(commands, ReadOffset.lastConsumed()));
			if (records == null) {
				return;
			}
			for (MapRecord<String, Object, Object> record : records) {
				Map<String, String> fields = new LinkedHashMap<>();
				record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
				try {
					handle(fields);
				}
				catch (RuntimeException ex) {
					log.warn("A console command failed: {}", ex.getClass().getSimpleName());
					reply("command-failed", fields, null, ex.getClass().getSimpleName());
				}
				redis.opsForStream().acknowledge(commands, GROUP, record.getId());
			}
		}
		catch (RuntimeException ex) {
			// Redis away, or back without the stream (NOGROUP): make sure of the group and try on the next tick
			groupReady = false;
			log.debug("Command stream not read: {}", ex.getClass().getSimpleName());
		}
	}

	private void ensureGroup() {
		try {
			redis.opsForStream().createGroup(commands, ReadOffset.from("0"), GROUP);
		}
		catch (RedisSystemException ex) {
			// BUSYGROUP: the group exists already
		}
	}

	private void handle(Map<String, String> command) {
		String id = command.getOrDefault("id", "");
		if (!id.matches("[A-Za-z0-9-]{8,64}")) {
			reply("command-failed", command, null, "missing or malformed command id");
			return;
		}
		Boolean first = redis.opsForValue().setIfAbsent(prefix + "cmd:" + id, "1", Duration.ofDays(7));
		if (!Boolean.TRUE.equals(first)) {
			return;
		}
		String type = command.getOrDefault("type", "");
		String reason = command.getOrDefault("reason", "").replaceAll("[^A-Za-z0-9 _.,:-]", "").strip();
		if (reason.length() > 80) {
			reason = reason.substring(0, 80);
		}
		String tag = "console:" + (reason.isEmpty() ? "no-reason" : reason.replace(' ', '-'));
		switch (type) {
			case "confirm" -> incident(command, id2 -> verification.dispatcherConfirm(id2, tag));
			case "not-ice" -> incident(command, id2 -> verification.dispatcherReject(id2, IncidentState.NOT_ICE, tag));
			case "unfounded" -> incident(command, id2 -> verification.dispatcherReject(id2, IncidentState.UNFOUNDED, tag));
			case "end" -> incident(command, id2 -> verification.dispatcherEnd(id2, tag));
			case "invite" -> reply("command-done", command, null,
					state.newInvite(command.getOrDefault("actor", "console"), Duration.ofHours(48)));
			case "test-post" -> testPost(command);
			case "correct" -> correct(command);
			case "ask" -> ask(command);
			case "reload-neighborhoods" -> reply(neighborhoods.reload() ? "command-done" : "command-failed", command, null,
					neighborhoods.map().map(m -> m.size() + " neighborhoods").orElse("none saved"));
			default -> reply("command-failed", command, null, "unknown command type");
		}
	}

	private void incident(Map<String, String> command, java.util.function.Function<IncidentId, Optional<Incident>> action) {
		String raw = command.getOrDefault("incident", "");
		if (!raw.matches("[A-Za-z0-9_-]{1,24}")) {
			reply("command-failed", command, null, "missing or malformed incident id");
			return;
		}
		Optional<Incident> done = action.apply(new IncidentId(raw));
		if (done.isEmpty()) {
			reply("command-failed", command, null, "the incident does not exist or cannot make that change");
			return;
		}
		reply("command-done", command, done.get().state().name(), null);
	}

	/** A dispatcher's correction, shown at the end of every post of the incident. */
	private void correct(Map<String, String> command) {
		String raw = command.getOrDefault("incident", "");
		String text = command.getOrDefault("text", "").strip();
		if (!raw.matches("[A-Za-z0-9_-]{1,24}") || text.isEmpty() || text.length() > 300) {
			reply("command-failed", command, null, "a correction needs an incident and a text of 1 to 300 characters");
			return;
		}
		var id = new IncidentId(raw);
		Optional<Incident> incident = verification.correct(id, text);
		if (incident.isEmpty()) {
			reply("command-failed", command, null, "the incident does not exist");
			return;
		}
		reply("command-done", command, incident.get().state().name(), "posts edited");
	}

	/** A dispatcher asks one particular on-duty observer to go and check (manual dispatch). */
	private void ask(Map<String, String> command) {
		String raw = command.getOrDefault("incident", "");
		String observer = command.getOrDefault("observer", "");
		if (!raw.matches("[A-Za-z0-9_-]{1,24}") || !observer.matches("[A-Za-z0-9_-]{1,24}")) {
			reply("command-failed", command, null, "an ask needs an incident and an observer");
			return;
		}
		Optional<Incident> asked = verification.ask(new IncidentId(raw), new org.vigia.core.observer.ObserverId(observer));
		if (asked.isEmpty()) {
			reply("command-failed", command, null, "the incident is not waiting for a verdict, or the observer is unknown");
			return;
		}
		reply("command-done", command, asked.get().state().name(), "observer asked");
	}

	private void testPost(Map<String, String> command) {
		String channel = command.getOrDefault("channel", "");
		if (!channel.matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?[0-9]{5,20}")) {
			reply("command-failed", command, null, "not a channel");
			return;
		}
		var message = SendMessage.builder().chatId(channel).text("✅ Vigía test post: the bot can post here.")
			.parseMode(ParseMode.HTML).build();
		outbox.call(channel, message, Outbox.Priority.NORMAL).whenComplete((sent, error) -> reply(
				error == null ? "command-done" : "command-failed", command, null,
				error == null ? "posted" : "the bot cannot post there"));
	}

	void reply(String type, Map<String, String> command, String incidentState, String detail) {
		Map<String, String> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("command", command.getOrDefault("id", ""));
		event.put("commandType", command.getOrDefault("type", ""));
		if (command.containsKey("incident")) {
			event.put("incident", command.get("incident"));
		}
		if (incidentState != null) {
			event.put("state", incidentState);
		}
		if (detail != null) {
			event.put("detail", detail);
		}
		event.put("at", clock.instant().toString());
		redis.opsForStream().add(events, event);
		redis.opsForStream().trim(events, MAX_EVENTS, true);
	}

	@Override
	public void stop() {
		running = false;
		if (loop != null) {
			loop.shutdownNow();
			try {
				loop.awaitTermination(3, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}

}
