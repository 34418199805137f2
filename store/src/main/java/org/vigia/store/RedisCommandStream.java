package org.vigia.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.console.ConsoleCommands;
import org.vigia.core.support.Claim;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The console's commands to the bot ({@code commands}, a stream read in the consumer group {@code bots}) and
 * the bot's answers ({@code events}), so that each command is carried out once, by one bot process, even when
 * a process dies in the middle of one.
 *
 * <p>Protocol, for each entry: {@link #claim} the command by its id (not by its entry: the console may append
 * one command twice), carry it out, {@link #answer} (the answer and the mark "done" are one step), then
 * {@link #acknowledge} the entry. Consumers are named by the process id of {@link RedisInstances}: an entry
 * left pending by a process whose heartbeat is gone is claimed by a survivor ({@link #abandoned}), whose
 * {@link #claim} then says {@link Claim#TAKEN_OVER}: the command may have had its effect already, so carrying
 * it out must be idempotent, or its effect must be written in the answering step (an invite code). A process
 * reads again what it was given and did not answer ({@link #unanswered}, e.g. Redis failed meanwhile).
 *
 * <p>Both streams are capped and expire a while after their last entry; a claim lives as long as a command
 * may be sent again.
 */
public class RedisCommandStream implements ConsoleCommands {

	/** The consumer group every bot process reads the commands in. */
	public static final String GROUP = "bots";

	/** About how many entries each stream keeps. */
	public static final long MAX_ENTRIES = 10_000;

	private static final RedisScript<Long> ENSURE_GROUP = script("commands-group.lua", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ABANDONED = script("commands-abandoned.lua", List.class);

	private static final RedisScript<Long> CLAIM = script("commands-claim.lua", Long.class);

	private static final RedisScript<Long> ANSWER = script("commands-answer.lua", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisInstances instances;

	public RedisCommandStream(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.instances = Objects.requireNonNull(instances, "instances must not be null");
	}

	/** Creates the consumer group (and the stream, with its TTL) if it is not there. */
	public void ensureGroup() {
		Guard.run("command group", () -> redis.execute(ENSURE_GROUP, List.of(keys.commands()), GROUP,
				Long.toString(ConsoleCommands.KEEP.toMillis())));
	}

	/** Up to {@code max} commands no process has been given yet, now given to this one. */
	public List<Command> next(int max) {
		return read(max, ReadOffset.lastConsumed());
	}

	/** Up to {@code max} commands this process was given and has not acknowledged. */
	public List<Command> unanswered(int max) {
		return read(max, ReadOffset.from("0"));
	}

	private List<Command> read(int max, ReadOffset offset) {
		List<MapRecord<String, Object, Object>> records = Guard.call("command read",
				() -> redis.opsForStream().read(Consumer.from(GROUP, instances.id()), StreamReadOptions.empty().count(max),
						StreamOffset.create(keys.commands(), offset)));
		var out = new ArrayList<Command>();
		for (MapRecord<String, Object, Object> record : records == null ? List.<MapRecord<String, Object, Object>>of()
				: records) {
			var fields = new LinkedHashMap<String, String>();
			record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
			out.add(new Command(record.getId().getValue(), fields));
		}
		return List.copyOf(out);
	}

	/** Up to {@code max} commands left pending by processes that died, now given to this one. */
	public List<Command> abandoned(int max) {
		List<?> claimed = Guard.call("command takeover", () -> redis.execute(ABANDONED, List.of(keys.commands()), GROUP,
				instances.id(), instances.keyPrefix(), Integer.toString(max)));
		var out = new ArrayList<Command>();
		for (Object each : claimed == null ? List.of() : claimed) {
			if (each instanceof List<?> entry && entry.size() == 2 && entry.get(1) instanceof List<?> flat) {
				var fields = new LinkedHashMap<String, String>();
				for (int i = 0; i + 1 < flat.size(); i += 2) {
					fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
				}
				out.add(new Command(String.valueOf(entry.get(0)), fields));
			}
		}
		return List.copyOf(out);
	}

	/** Whether this process should carry out the command with this id now (see the class's protocol). */
	public Claim claim(String commandId) {
		Long answer = Guard.call("command claim", () -> redis.execute(CLAIM, List.of(keys.command(commandId)),
				instances.id(), Long.toString(ConsoleCommands.KEEP.toMillis()), instances.keyPrefix()));
		return Claims.of(answer);
	}

	/**
	 * Publishes the answer to a command this process holds, and marks it carried out, in one step.
	 * @return false if the claim is no longer this process's (another took it over): nothing was written
	 */
	public boolean answer(String commandId, Map<String, String> answer) {
		return answer(commandId, answer, null, Optional.empty());
	}

	/**
	 * As {@link #answer(String, Map)}, creating a new invite code in the same step; the code is added to the
	 * answer as {@code detail}.
	 * @return the code, or empty if the claim is no longer this process's (no code was created)
	 */
	public Optional<String> answerWithInvite(String commandId, Map<String, String> answer, Invite invite) {
		String code = RedisChatState.newInviteCode();
		var withCode = new LinkedHashMap<>(answer);
		withCode.put("detail", code);
		return answer(commandId, withCode, code, Optional.of(invite)) ? Optional.of(code) : Optional.empty();
	}

	private boolean answer(String commandId, Map<String, String> answer, String code, Optional<Invite> invite) {
		if (answer.isEmpty()) {
			throw new IllegalArgumentException("an answer needs fields");
		}
		var scriptKeys = new ArrayList<>(List.of(keys.events(), keys.command(commandId)));
		var args = new ArrayList<>(List.of(instances.id(), Long.toString(ConsoleCommands.KEEP.toMillis()), Long.toString(MAX_ENTRIES),
				Long.toString(ConsoleCommands.KEEP.toMillis()), invite.map(i -> Long.toString(i.ttl().toMillis())).orElse("0"),
				invite.map(i -> RedisChatState.inviteRecord(i.createdBy())).orElse("")));
		if (code != null) {
			scriptKeys.add(keys.invite(code));
		}
		answer.forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		Long done = Guard.call("command answer", () -> redis.execute(ANSWER, scriptKeys, args.toArray()));
		return done != null && done == 1;
	}

	/** An event for the console that answers no command (an incident changed; a malformed command refused). */
	public void event(Map<String, String> event) {
		RedisStreams.append(redis, keys.events(), event, MAX_ENTRIES, ConsoleCommands.KEEP);
	}

	/** The entry is dealt with: no process will be given it again. */
	public void acknowledge(Command command) {
		Guard.run("command acknowledge",
				() -> redis.opsForStream().acknowledge(keys.commands(), GROUP, command.entry()));
	}

	/** Deletes the entry from the stream (it held a secret, such as a captcha solution): after {@link #acknowledge}. */
	public void forget(Command command) {
		Guard.run("command forget", () -> redis.opsForStream().delete(keys.commands(), command.entry()));
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return RedisScript.of(new ClassPathResource("redis/" + name), type);
	}

}
