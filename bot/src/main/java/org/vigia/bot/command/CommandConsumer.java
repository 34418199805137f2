package org.vigia.bot.command;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.vigia.bot.dispatcher.SignalCaptcha;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.StyledText;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.support.Claim;
import org.vigia.core.console.ConsoleCommands;
import org.vigia.core.console.ConsoleCommands.Command;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Carries out what dispatchers decide in the console: the console appends commands to the Redis Stream
 * {@code {prefix}commands}; bot processes read it in one consumer group, and each command is carried out
 * once, by one process, with its result on {@code {prefix}events} for the console's live view.
 *
 * <p>Commands (fields): {@code id}, {@code type} (confirm, not-ice, unfounded, end, correct, test-post, invite,
 * reload-neighborhoods, ask; those that features carry out themselves, {@link CommandRoutes} (accompany-assign and
 * accompany-close-case, {@code AccompanyCommands}; drill-start, {@code DrillCommands}); signal-captcha,
 * with the admin's {@code signalcaptcha://} link in {@code captcha}), {@code incident},
 * {@code appointment}, {@code channel}, {@code observer}, {@code accompanier}, {@code reason}, {@code actor}. Exactly once, across
 * processes and crashes ({@link ConsoleCommands}): a command is claimed by its id, so one sent twice is
 * carried out once; its answer and the mark "done" are one write; and a command left half-done by a process
 * that died is taken over once that process's heartbeat is gone, and carried out again, which is safe because
 * each effect is idempotent: a decision on an incident already in the state asked for is answered as done,
 * an invite code is created in the answering write itself, an observer
 * asked by name is asked once, a correction or a reload repeated changes nothing.
 * The one exception is a test post, which may then be posted twice. Anything malformed is answered
 * {@code command-failed} with the reason and changes nothing.
 *
 * <p>A captcha solution is a credential for the bot's Signal account: it is never logged or put in an event, and its
 * stream entry is deleted once answered (a process that dies while submitting it leaves it to be taken over and
 * submitted again; Signal refuses a used one, and the answer says so).
 *
 * <p>Every instance applies a neighborhoods reload, not only the one given the command: the others see the new
 * map's version in Redis ({@link NeighborhoodDirectory#refresh()}).
 */
public final class CommandConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

	private static final int BATCH = 20;

	/** The console's captcha solution for Signal (field {@code captcha}). */
	static final String SIGNAL_CAPTCHA = "signal-captcha";

	/** Every this many polls (2 s), look for commands of dead processes and for this one's unanswered ones. */
	private static final int SWEEP_EVERY = 10;

	private final ConsoleCommands stream;

	private final Verification verification;

	private final Messenger messenger;

	private final NeighborhoodDirectory neighborhoods;

	private final IncidentStore incidents;

	private final Clock clock;

	private final CommandRoutes routes;

	private final SignalCaptcha captcha;

	/**
	 * Commands (by id) being carried out by this process (a test post waits for the messenger): not to be taken again
	 * meanwhile, from this entry or from another entry of the same command.
	 */
	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private ScheduledExecutorService loop;

	private volatile boolean running;

	/** Whether the consumer group is known to exist (created once, again after a failure). */
	private volatile boolean groupReady;

	/** Polls so far, on the loop's thread only. */
	private long polls;

	public CommandConsumer(ConsoleCommands stream, Verification verification, Messenger messenger,
			NeighborhoodDirectory neighborhoods, IncidentStore incidents, Clock clock, CommandRoutes routes,
			SignalCaptcha captcha) {
		this.stream = stream;
		this.verification = verification;
		this.messenger = messenger;
		this.neighborhoods = neighborhoods;
		this.incidents = incidents;
		this.clock = clock;
		this.routes = routes;
		this.captcha = captcha;
		verification.onChange(this::changed);
	}

	/** An incident changed state: tell the console (no ids of people, only the incident's). */
	void changed(Incident incident) {
		stream.event(event(new Answer("incident-changed", incident.state().name(), null),
				Map.of("incident", incident.id().value())));
	}

	@Override
	public void start() {
		running = true;
		loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigia-commands"));
		loop.scheduleWithFixedDelay(this::poll, 0, 200, TimeUnit.MILLISECONDS);
	}

	/** Reads and carries out what is waiting. */
	void poll() {
		if (!running) {
			return;
		}
		try {
			if (!groupReady) {
				stream.ensureGroup();
				groupReady = true;
			}
			if (polls++ % SWEEP_EVERY == 0) {
				stream.abandoned(BATCH).forEach(this::take);
				stream.unanswered(BATCH).forEach(this::take);
			}
			// no BLOCK: a blocking read takes a connection of its own each time (two a second, opened and
			// closed); a plain read every 200 ms shares the bot's connection
			stream.next(BATCH).forEach(this::take);
		}
		catch (RuntimeException ex) {
			// Redis away, or back without the stream (NOGROUP): make sure of the group and try on the next tick
			groupReady = false;
			log.debug("Command stream not read: {}", ex.getClass().getSimpleName());
		}
	}

	private void take(Command command) {
		if (!command.id().matches("[A-Za-z0-9-]{8,64}")) {
			stream.event(event(Answer.failed("missing or malformed command id"), command.fields()));
			settled(command);
			return;
		}
		if (!inFlight.add(command.id())) {
			// being carried out here: this entry is acknowledged once that is answered (unanswered())
			return;
		}
		boolean answering = false;
		try {
			Claim claim = stream.claim(command.id());
			if (!claim.granted()) {
				// carried out already, or by a live process now (the console sent it twice)
				settled(command);
				return;
			}
			CompletableFuture<Answer> answer;
			try {
				answer = carryOut(command.fields(), claim == Claim.TAKEN_OVER);
			}
			catch (StoreUnavailableException ex) {
				// left unanswered: this process tries it again from unanswered(), or another after it dies
				log.debug("A console command waits for Redis");
				return;
			}
			catch (RuntimeException ex) {
				log.warn("A console command failed: {}", ex.getClass().getSimpleName());
				answer = done(Answer.failed(ex.getClass().getSimpleName()));
			}
			answering = true;
			answer.whenComplete((done, error) -> answer(command,
					done != null ? done : Answer.failed(error.getClass().getSimpleName())));
		}
		finally {
			if (!answering) {
				inFlight.remove(command.id());
			}
		}
	}

	/** No process is to take this entry again; one that carries a captcha solution is deleted as well. */
	private void settled(Command command) {
		stream.acknowledge(command);
		if (SIGNAL_CAPTCHA.equals(command.fields().get("type"))) {
			stream.forget(command);
		}
	}

	/** Answers and marks the command done (one write), then acknowledges it; tried again later if Redis fails. */
	private void answer(Command command, Answer answer) {
		try {
			Map<String, String> event = event(answer, command.fields());
			boolean mine = answer.invite() != null
					? stream.answerWithInvite(command.id(), event, answer.invite()).isPresent()
					: stream.answer(command.id(), event);
			if (mine) {
				settled(command);
			}
		}
		catch (RuntimeException ex) {
			log.debug("A console command's answer waits for Redis: {}", ex.getClass().getSimpleName());
		}
		finally {
			inFlight.remove(command.id());
		}
	}

	/**
	 * Carries out one command.
	 * @param again whether a process that died may have carried it out already
	 */
	private CompletableFuture<Answer> carryOut(Map<String, String> command, boolean again) {
		String type = command.getOrDefault("type", "");
		String reason = command.getOrDefault("reason", "").replaceAll("[^A-Za-z0-9 _.,:-]", "").strip();
		if (reason.length() > 80) {
			reason = reason.substring(0, 80);
		}
		String tag = "console:" + (reason.isEmpty() ? "no-reason" : reason.replace(' ', '-'));
		return switch (type) {
			case "confirm" -> done(incident(command, again, EnumSet.of(IncidentState.CONFIRMED, IncidentState.PUBLISHED),
					id2 -> verification.dispatcherConfirm(id2, tag)));
			case "not-ice" -> done(incident(command, again, EnumSet.of(IncidentState.NOT_ICE),
					id2 -> verification.dispatcherReject(id2, IncidentState.NOT_ICE, tag)));
			case "unfounded" -> done(incident(command, again, EnumSet.of(IncidentState.UNFOUNDED),
					id2 -> verification.dispatcherReject(id2, IncidentState.UNFOUNDED, tag)));
			case "end" -> done(incident(command, again, EnumSet.of(IncidentState.ENDED),
					id2 -> verification.dispatcherEnd(id2, tag)));
			case "invite" -> done(new Answer("command-done", null, null,
					new ConsoleCommands.Invite(command.getOrDefault("actor", "console"), Duration.ofHours(48))));
			case "test-post" -> testPost(command);
			case "correct" -> done(correct(command));
			case "ask" -> done(ask(command, again));
			case "reload-neighborhoods" -> done(new Answer(neighborhoods.reload() ? "command-done" : "command-failed",
					null, neighborhoods.map().map(m -> m.size() + " neighborhoods").orElse("none saved")));
			case SIGNAL_CAPTCHA -> done(signalCaptcha(command.getOrDefault("captcha", "")));
			default -> done(routes.handler(type).map(h -> routed(h.carryOut(type, command, again)))
				.orElse(Answer.failed("unknown command type")));
		};
	}

	private static Answer routed(CommandRoutes.Result result) {
		return result.done() ? new Answer("command-done", null, result.detail()) : Answer.failed(result.detail());
	}

	/**
	 * Submits an admin's captcha solution; the answer says what Signal made of it ({@code state}: ACCEPTED,
	 * REJECTED, NOT_NEEDED or UNAVAILABLE), never the solution.
	 */
	private Answer signalCaptcha(String solution) {
		if (!SignalCaptcha.isSolution(solution) || solution.length() > 4096) {
			return Answer.failed("not a signalcaptcha:// link");
		}
		return switch (captcha.solveFromConsole(solution)) {
			case ACCEPTED -> new Answer("command-done", "ACCEPTED", "captcha accepted: held messages are being sent");
			case REJECTED -> new Answer("command-failed", "REJECTED", "Signal refused the captcha: solve a new one");
			case NOT_NEEDED -> new Answer("command-done", "NOT_NEEDED", "no captcha is needed now");
			case UNAVAILABLE -> new Answer("command-failed", "UNAVAILABLE", "signal-cli could not be reached: try again");
		};
	}

	private static CompletableFuture<Answer> done(Answer answer) {
		return CompletableFuture.completedFuture(answer);
	}

	private Answer incident(Map<String, String> command, boolean again, Set<IncidentState> wanted,
			java.util.function.Function<IncidentId, Optional<Incident>> action) {
		String raw = command.getOrDefault("incident", "");
		if (!raw.matches("[A-Za-z0-9_-]{1,24}")) {
			return Answer.failed("missing or malformed incident id");
		}
		var id = new IncidentId(raw);
		if (again) {
			// a process that died may have made this change: then it is made, and the answer says so
			Optional<Incident> now = incidents.find(id).filter(i -> wanted.contains(i.state()));
			if (now.isPresent()) {
				return new Answer("command-done", now.get().state().name(), null);
			}
		}
		Optional<Incident> done = action.apply(id);
		if (done.isEmpty()) {
			return Answer.failed("the incident does not exist or cannot make that change");
		}
		return new Answer("command-done", done.get().state().name(), null);
	}

	/** A dispatcher's correction, shown at the end of every post of the incident. */
	private Answer correct(Map<String, String> command) {
		String raw = command.getOrDefault("incident", "");
		String text = command.getOrDefault("text", "").strip();
		if (!raw.matches("[A-Za-z0-9_-]{1,24}") || text.isEmpty() || text.length() > 300) {
			return Answer.failed("a correction needs an incident and a text of 1 to 300 characters");
		}
		Optional<Incident> incident = verification.correct(new IncidentId(raw), text);
		if (incident.isEmpty()) {
			return Answer.failed("the incident does not exist");
		}
		return new Answer("command-done", incident.get().state().name(), "posts edited");
	}

	/**
	 * A dispatcher asks one particular on-duty observer to go and check (manual dispatch). Taken over after a
	 * crash, an observer already asked counts as done: they are never asked twice.
	 */
	private Answer ask(Map<String, String> command, boolean again) {
		String raw = command.getOrDefault("incident", "");
		String observer = command.getOrDefault("observer", "");
		if (!raw.matches("[A-Za-z0-9_-]{1,24}") || !observer.matches("[A-Za-z0-9_-]{1,24}")) {
			return Answer.failed("an ask needs an incident and an observer");
		}
		var id = new IncidentId(raw);
		var who = new org.vigia.core.observer.ObserverId(observer);
		if (again) {
			Optional<Incident> now = incidents.find(id).filter(i -> i.dispatch().asked().contains(who));
			if (now.isPresent()) {
				return new Answer("command-done", now.get().state().name(), "observer asked");
			}
		}
		Optional<Incident> asked = verification.ask(id, who);
		if (asked.isEmpty()) {
			return Answer.failed("the incident is not waiting for a verdict, or the observer is unknown");
		}
		return new Answer("command-done", asked.get().state().name(), "observer asked");
	}

	private CompletableFuture<Answer> testPost(Map<String, String> command) {
		String channel = command.getOrDefault("channel", "");
		if (!channel.matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?[0-9]{5,20}")) {
			return done(Answer.failed("not a channel"));
		}
		Address to;
		try {
			to = Address.telegramChannel(channel);
		}
		catch (IllegalArgumentException ex) {
			return done(Answer.failed("not a channel"));
		}
		return messenger.send(to, Outbound.of(StyledText.plain("✅ Vigía test post: the bot can post here.")),
				Messenger.Urgency.NORMAL)
			.handle((sent, error) -> error == null ? new Answer("command-done", null, "posted")
					: Answer.failed("the bot cannot post there"));
	}

	/** The event the console reads: no ids of people, the command's id and type, the result. */
	private Map<String, String> event(Answer answer, Map<String, String> command) {
		Map<String, String> event = new LinkedHashMap<>();
		event.put("type", answer.type());
		event.put("command", command.getOrDefault("id", ""));
		event.put("commandType", command.getOrDefault("type", ""));
		if (command.containsKey("incident")) {
			event.put("incident", command.get("incident"));
		}
		if (command.containsKey("appointment")) {
			event.put("appointment", command.get("appointment"));
		}
		if (answer.state() != null) {
			event.put("state", answer.state());
		}
		if (answer.detail() != null) {
			event.put("detail", answer.detail());
		}
		event.put("at", clock.instant().toString());
		return event;
	}

	/** What a command came to: the event's type, the incident's state and a detail, each optional. */
	private record Answer(String type, String state, String detail, ConsoleCommands.Invite invite) {

		Answer(String type, String state, String detail) {
			this(type, state, detail, null);
		}

		static Answer failed(String detail) {
			return new Answer("command-failed", null, detail);
		}

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
