package org.vigia.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Randomised exponential backoff for compare-and-set retries: during a flood of reports of one scene,
 * many writers update one incident; pausing a random, growing while after each lost race lets them take
 * turns instead of colliding again at once.
 */
final class Contention {

	private Contention() {
	}

	/** Pauses up to 0.1 ms × 2^attempt, capped at 20 ms. */
	static void pause(int attempt) {
		long capMicros = Math.min(20_000, 100L << Math.min(attempt, 10));
		LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(capMicros + 1) * 1_000);
	}

}
