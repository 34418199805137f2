package org.vigia.core.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.vigia.core.observer.ObserverId;

/**
 * The dispatch state of one incident.
 *
 * @param startedAt when observers were first asked, null before
 * @param radiusMeters the current search radius (widened over time), 0 before
 * @param asked every observer asked so far
 * @param going those who answered "I'm going"
 * @param declined those who answered "can't"; never asked again for this incident
 * @param askedAt when each observer was asked; one of {@code asked} without an entry (an incident stored before
 * this was kept) counts as asked at {@code startedAt}
 */
public record Dispatch(Instant startedAt, double radiusMeters, Set<ObserverId> asked, Set<ObserverId> going,
		Set<ObserverId> declined, Map<ObserverId, Instant> askedAt) {

	public static final Dispatch NONE = new Dispatch(null, 0, Set.of(), Set.of(), Set.of(), Map.of());

	public Dispatch {
		asked = Set.copyOf(asked);
		going = Set.copyOf(going);
		declined = Set.copyOf(declined);
		askedAt = askedAt == null ? Map.of() : Map.copyOf(askedAt);
		for (ObserverId observer : askedAt.keySet()) {
			if (!asked.contains(observer)) {
				throw new IllegalArgumentException("askedAt names an observer who was not asked: " + observer);
			}
		}
	}

	/**
	 * When this observer was asked: as recorded, else (an incident stored before the times were kept) when
	 * observers were first asked; null if they were never asked.
	 */
	public Instant askedAt(ObserverId observer) {
		if (!asked.contains(observer)) {
			return null;
		}
		return askedAt.getOrDefault(observer, startedAt);
	}

}
