package org.vigia.core.observer;

import java.util.Objects;

/** An on-duty observer found near a place, with the distance to it in meters. */
public record NearbyObserver(ObserverId id, double meters) {

	public NearbyObserver {
		Objects.requireNonNull(id, "id must not be null");
		if (!(meters >= 0) || Double.isInfinite(meters)) {
			throw new IllegalArgumentException("meters must be a finite distance, was " + meters);
		}
	}

}
