package org.vigia.store;

import java.time.Duration;

/** Every key that holds data gets a TTL; this refuses the ones that would keep it forever. */
final class Ttl {

	/** Aggregate counters outlive retention, but not forever (DESIGN.md: no "keep forever"). */
	static final Duration STATS = Duration.ofDays(400);

	/** Registry data that people consented to (observers, neighborhoods): long, refreshed on write. */
	static final Duration REGISTRY = Duration.ofDays(400);

	private Ttl() {
	}

	static Duration check(Duration ttl) {
		if (ttl == null || ttl.toMillis() <= 0) {
			throw new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl);
		}
		return ttl;
	}

}
