package org.vigia.bot.telegram;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One chat's queue in the {@link Outbox}: its calls in order (by priority, then by age) and its pace.
 *
 * <p>Pace, two rules at once: never more than {@code burst} messages within one {@code interval} (the last
 * {@code burst} send times are kept), and on average one per {@code interval}, with credit for up to
 * {@code 2 × burst} messages saved while the chat is quiet (a GCRA token bucket whose tokens come back one whole
 * token at a time). So a person's reply of two or three messages goes at once, a conversation at a person's
 * pace (a tap every second or so) is not held back for the first several steps, and sustained traffic to one
 * chat settles at one message per interval. Answers to button presses are not messages and take no token. Not
 * thread-safe: the outbox's lock guards it.
 */
final class OutboxLane {

	final String chat;

	private final ArrayDeque<Outbox.Job> jobs = new ArrayDeque<>();

	private final long intervalNanos;

	/** The bucket's depth: how much sending ahead of the average pace a quiet chat has saved at most. */
	private final long creditNanos;

	/** The last {@code burst} send times, oldest at {@code next}. */
	private final long[] recent;

	private int next;

	/** GCRA's theoretical arrival time: when the bucket is full again. */
	private long fullAt;

	/** Not before this (a 429's retry_after, or a backoff after a failure). */
	long pausedUntil;

	boolean inFlight;

	/** Bumped at every change of what the lane waits for: a queue entry with another stamp is stale. */
	long stamp;

	OutboxLane(String chat, long intervalNanos, int burst, long now) {
		this.chat = chat;
		this.intervalNanos = intervalNanos;
		int depth = Math.max(1, burst);
		this.creditNanos = intervalNanos * (depth == 1 ? 1 : 2L * depth);
		this.recent = new long[depth];
		java.util.Arrays.fill(recent, now - intervalNanos);
		this.fullAt = now;
		this.pausedUntil = now;
	}

	boolean isEmpty() {
		return jobs.isEmpty();
	}

	Outbox.Job head() {
		return jobs.peekFirst();
	}

	Outbox.Job poll() {
		return jobs.pollFirst();
	}

	/** Back at the front, to be tried again before anything else of this chat. */
	void retry(Outbox.Job job) {
		jobs.addFirst(job);
	}

	boolean remove(Outbox.Job job) {
		return jobs.remove(job);
	}

	int size() {
		return jobs.size();
	}

	/** Behind every job of the same or a higher priority, ahead of lower ones: order holds per priority. */
	void add(Outbox.Job job) {
		if (jobs.isEmpty() || !job.before(jobs.peekLast())) {
			jobs.addLast(job);
			return;
		}
		var kept = new ArrayDeque<Outbox.Job>(jobs.size() + 1);
		boolean placed = false;
		for (Iterator<Outbox.Job> it = jobs.iterator(); it.hasNext();) {
			Outbox.Job queued = it.next();
			if (!placed && job.before(queued)) {
				kept.addLast(job);
				placed = true;
			}
			kept.addLast(queued);
		}
		jobs.clear();
		jobs.addAll(kept);
	}

	/** When the head may go: after any pause, and for a message once a token is back. */
	long readyAt() {
		Outbox.Job head = jobs.peekFirst();
		long at = pausedUntil;
		if (head != null && head.paced()) {
			at = Math.max(at, Math.max(fullAt - creditNanos + intervalNanos, recent[next] + intervalNanos));
		}
		return at;
	}

	/** Takes a token for a message sent now. */
	void take(long now) {
		fullAt = Math.max(fullAt, now) + intervalNanos;
		recent[next] = now;
		next = (next + 1) % recent.length;
	}

	/**
	 * The message taken at {@code sentAt} was answered at {@code now}: its place in the pace moves to the answer,
	 * so that the spacing Telegram sees between arrivals holds even when one call took longer than the next (as
	 * the outbox spaced messages before it had a burst). Only the lane's latest message can be out.
	 */
	void answered(long sentAt, long now) {
		long late = now - sentAt;
		if (late > 0) {
			int last = (next + recent.length - 1) % recent.length;
			recent[last] += late;
			fullAt += late;
		}
	}

	/** Whether forgetting the lane changes nothing: no job, no call out, no pause, every token back. */
	boolean idle(long now) {
		return jobs.isEmpty() && !inFlight && now - pausedUntil >= 0 && now - fullAt >= 0;
	}

	/** When {@link #idle} will hold if nothing is queued meanwhile. */
	long idleAt() {
		return Math.max(fullAt, pausedUntil);
	}

}
