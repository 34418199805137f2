package org.vigia.bot.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the {@link SignalOutbox} may send, whatever the recipient: Signal limits the account as a whole, so
 * its holds close the gate for every lane.
 *
 * <p>Three holds, strongest first: a captcha demand ({@code PROOF_REQUIRED}) closes it until an admin's
 * captcha is accepted, except for one probe once Signal's own wait (if it gave one) has passed; a rate limit
 * closes it for the time Signal asked; {@value #DOWN_AFTER} failures in a row (Signal or signal-cli
 * unreachable) make Signal count as down, and then one message at a time probes it, with a growing pause.
 * Times are clock milliseconds. Not thread-safe: the outbox calls it under its lock.
 */
final class SendGate {

	/** Failures in a row, across recipients, after which Signal counts as down. */
	static final int DOWN_AFTER = 3;

	/** The pause after a rate limit when Signal does not say how long. */
	static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(30);

	/** A captcha demand being held for; {@code probeAt} 0: only a solved captcha opens the gate. */
	private record Demand(String token, Instant since, long probeAt) {
	}

	private final Duration backoffCap;

	private int failuresInARow;

	private long probeAt;

	private long pausedUntil;

	private Demand demand;

	SendGate(Duration backoffCap) {
		this.backoffCap = backoffCap;
	}

	/** Whether one more message may start now, with {@code inFlight} calls under way. */
	boolean open(long now, int inFlight) {
		if (demand != null) {
			return demand.probeAt() != 0 && now >= demand.probeAt() && inFlight == 0;
		}
		if (now < pausedUntil) {
			return false;
		}
		return !down() || inFlight == 0 && now >= probeAt;
	}

	/** When a closed gate may open by itself: at the end of a pause or a probe's wait (0 when it will not). */
	long opensAt() {
		if (demand != null) {
			return demand.probeAt();
		}
		return Math.max(pausedUntil, down() ? probeAt : 0);
	}

	boolean down() {
		return failuresInARow >= DOWN_AFTER;
	}

	/** Signal took a message or refused it for good: it answers. */
	void answered() {
		failuresInARow = 0;
	}

	/**
	 * A message could not reach Signal.
	 *
	 * @param attempts how many times this message was tried
	 * @return when its lane may try again
	 */
	long failed(long now, int attempts) {
		failuresInARow++;
		if (down()) {
			probeAt = now + jittered(backoff(failuresInARow - DOWN_AFTER + 1));
			return now;
		}
		return now + jittered(backoff(attempts));
	}

	/** Signal asked to slow down: nothing goes for that long. */
	Duration rateLimited(long now, Duration retryAfter) {
		Duration pause = retryAfter != null ? retryAfter : DEFAULT_RATE_LIMIT_PAUSE;
		pausedUntil = Math.max(pausedUntil, now + pause.toMillis());
		return pause;
	}

	/**
	 * Signal demands a captcha (again, or with a new token).
	 *
	 * @return whether this is a new demand, which dispatchers should hear of
	 */
	boolean demanded(String token, Duration retryAfter, long now) {
		long probe = retryAfter == null ? 0 : now + retryAfter.toMillis();
		boolean fresh = demand == null;
		demand = new Demand(token, fresh ? Instant.ofEpochMilli(now) : demand.since(), probe);
		return fresh;
	}

	/** The challenge token of the demand in force, or null. */
	String challenge() {
		return demand == null ? null : demand.token();
	}

	/** Since when a captcha is demanded, or null. */
	Instant demandedSince() {
		return demand == null ? null : demand.since();
	}

	/** The captcha for {@code token} was accepted, or a probe went through: the demand is lifted. */
	boolean lift(String token) {
		if (demand == null || token != null && !demand.token().equals(token)) {
			return false;
		}
		demand = null;
		failuresInARow = 0;
		return true;
	}

	/** 0.5 s, 1 s, 2 s … up to the cap. */
	private long backoff(int attempt) {
		return Math.min(backoffCap.toMillis(), 500L << Math.min(20, Math.max(0, attempt - 1)));
	}

	/** Between half and all of the backoff, so that lanes and instances do not retry in step. */
	private static long jittered(long backoff) {
		return backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
	}

}
