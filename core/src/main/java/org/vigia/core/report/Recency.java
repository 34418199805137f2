package org.vigia.core.report;

import java.time.Duration;

/**
 * When the resident saw it. Earlier sightings are kept but marked stale: agents leave fast.
 */
public enum Recency {

	NOW(Duration.ZERO), UNDER_30_MINUTES(Duration.ofMinutes(15)), EARLIER(Duration.ofMinutes(60));

	private final Duration typicalAge;

	Recency(Duration typicalAge) {
		this.typicalAge = typicalAge;
	}

	/** The age assumed when estimating when a sighting happened. */
	public Duration typicalAge() {
		return typicalAge;
	}

	public boolean stale() {
		return this == EARLIER;
	}

}
