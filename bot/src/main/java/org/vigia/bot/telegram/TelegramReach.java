package org.vigia.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the bot reaches Telegram's Bot API, from what its own calls found: long polling's getUpdates (or, with
 * a webhook, a getMe every {@link #PROBE_EVERY}) either gets the Bot API's answer or fails (refused, timed out, a
 * server error, a refused token). The API is unreachable after {@link #FAILURES} failed calls in a row, or when
 * no call got an answer for longer than the window (a call that hangs fails only after its timeout); one answer
 * makes it reachable again. That the polling loop runs is not enough: it runs while Telegram is down.
 * Thread-safe.
 */
public final class TelegramReach {

	/** Failed calls in a row that make the Bot API unreachable (a single failure is a blip, and is retried). */
	static final int FAILURES = 3;

	/** How often a bot on a webhook, which makes no call of its own when nobody writes, asks getMe. */
	static final Duration PROBE_EVERY = Duration.ofSeconds(30);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final Duration window;

	private final Instant started;

	private volatile Instant lastAnswer;

	private volatile Instant failingSince;

	private volatile int failures;

	/**
	 * @param window the longest time without an answer while calls are made: longer than a long poll plus its
	 * read timeout, or than the probe's period plus its timeout
	 */
	public TelegramReach(Clock clock, Duration window) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive, was " + window);
		}
		this.window = window;
		this.started = clock.instant();
	}

	/** A call got the Bot API's answer. */
	public synchronized void answered() {
		lastAnswer = clock.instant();
		failures = 0;
		failingSince = null;
	}

	/** A call failed: no answer, or not the Bot API's. */
	public synchronized void failed() {
		if (failures++ == 0) {
			failingSince = clock.instant();
		}
	}

	/** Why the Bot API counts as unreachable now, in words for an operator; empty while it answers. */
	public Optional<String> problem() {
		Instant now = clock.instant();
		Instant last = lastAnswer;
		int failed = failures;
		Instant since = failingSince;
		if (failed >= FAILURES) {
			return Optional.of("Telegram's Bot API did not answer the last " + failed + " calls (failing since "
					+ TIME.format(since) + (last == null ? "; never answered since the bot started)" : ")"));
		}
		Instant reference = last == null ? started : last;
		if (now.isAfter(reference.plus(window))) {
			return Optional.of(last == null ? "Telegram's Bot API has not answered since the bot started at "
					+ TIME.format(started) : "Telegram's Bot API has not answered since " + TIME.format(last));
		}
		return Optional.empty();
	}

	/** When a call last got an answer, if one did. */
	public Optional<Instant> lastAnswer() {
		return Optional.ofNullable(lastAnswer);
	}

}
