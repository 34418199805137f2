package org.vigia.core.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.vigia.core.support.Claim;

/**
 * The console's commands to the bot and the bot's answers, so that each command is carried out once, by one bot
 * process, even when a process dies in the middle of one.
 *
 * <p>Protocol, for each command: {@link #claim} it by its id (the console may send one command twice), carry it
 * out, {@link #answer} (the answer and the mark "done" are one step), then {@link #acknowledge} it. A command
 * left by a process that died is given to a survivor ({@link #abandoned}), whose {@link #claim} then says
 * {@link Claim#TAKEN_OVER}: the command may have had its effect already, so carrying it out must be idempotent,
 * or its effect must be written in the answering step (an invite code).
 */
public interface ConsoleCommands {

	/** How long the commands live after the console's last one, and how long a command's claim is kept. */
	Duration KEEP = Duration.ofDays(7);

	/** A command as read: its entry in the stream of commands and its fields. */
	record Command(String entry, Map<String, String> fields) {

		public Command {
			Objects.requireNonNull(entry, "entry must not be null");
			fields = Map.copyOf(fields);
		}

		/** The command's own id (the console's), or empty. */
		public String id() {
			return fields.getOrDefault("id", "");
		}

	}

	/** An invite code to create in the answering step, for whom, and for how long. */
	record Invite(String createdBy, Duration ttl) {

		public Invite {
			Objects.requireNonNull(createdBy, "createdBy must not be null");
			if (ttl == null || ttl.toMillis() <= 0) {
				throw new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl);
			}
		}

	}

	/** Makes the commands readable by this process (creating what they need if they are not there). */
	void ensureGroup();

	/** Up to {@code max} commands no process has been given yet, now given to this one. */
	List<Command> next(int max);

	/** Up to {@code max} commands this process was given and has not acknowledged. */
	List<Command> unanswered(int max);

	/** Up to {@code max} commands left pending by processes that died, now given to this one. */
	List<Command> abandoned(int max);

	/** Whether this process should carry out the command with this id now (see the protocol). */
	Claim claim(String commandId);

	/**
	 * Publishes the answer to a command this process holds, and marks it carried out, in one step.
	 * @return false if the claim is no longer this process's (another took it over): nothing was written
	 */
	boolean answer(String commandId, Map<String, String> answer);

	/**
	 * As {@link #answer(String, Map)}, creating a new invite code in the same step; the code is added to the
	 * answer as {@code detail}.
	 * @return the code, or empty if the claim is no longer this process's (no code was created)
	 */
	Optional<String> answerWithInvite(String commandId, Map<String, String> answer, Invite invite);

	/** An event for the console that answers no command (an incident changed; a malformed command refused). */
	void event(Map<String, String> event);

	/** The command is dealt with: no process will be given it again. */
	void acknowledge(Command command);

	/** Deletes the command (it held a secret, such as a captcha solution): after {@link #acknowledge}. */
	void forget(Command command);

}
