package org.vigia.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The simulator's time: one event queue and the {@link Clock} the engine reads, which stands still while an event
 * runs and jumps to the next event's time. Events of the same instant run in the order they were scheduled, so a
 * run depends on its seed only, never on the machine.
 *
 * <p>Design note: single-threaded by construction. Everything the engine does in answer to an event (saving a
 * report, asking observers, publishing) happens inside that event; what people do in answer is scheduled as later
 * events. Not thread-safe.
 */
public final class VirtualTime extends Clock {

	private record Event(Instant at, long order, Runnable action) implements Comparable<Event> {

		@Override
		public int compareTo(Event other) {
			int byTime = at.compareTo(other.at);
			return byTime != 0 ? byTime : Long.compare(order, other.order);
		}

	}

	private final PriorityQueue<Event> queue = new PriorityQueue<>();

	private Instant now;

	private long order;

	public VirtualTime(Instant start) {
		this.now = Objects.requireNonNull(start, "start must not be null");
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the simulator's clock is in UTC");
	}

	/** Runs {@code action} at {@code at} (now, if {@code at} has passed). */
	public void at(Instant at, Runnable action) {
		queue.add(new Event(at.isBefore(now) ? now : at, order++, Objects.requireNonNull(action, "action")));
	}

	/** Runs {@code action} after {@code delay}. */
	public void after(Duration delay, Runnable action) {
		at(now.plus(delay), action);
	}

	/** Runs {@code action} every {@code period}, from now plus one period, until {@code end}. */
	public void every(Duration period, Instant end, Runnable action) {
		Instant next = now.plus(period);
		if (next.isAfter(end)) {
			return;
		}
		at(next, () -> {
			action.run();
			every(period, end, action);
		});
	}

	/** Runs every event due up to {@code end}, in order, and leaves the clock at {@code end}. */
	public void runUntil(Instant end) {
		while (!queue.isEmpty() && !queue.peek().at().isAfter(end)) {
			Event next = queue.poll();
			now = next.at();
			next.action().run();
		}
		now = end;
	}

}
