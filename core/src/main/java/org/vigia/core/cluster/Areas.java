package org.vigia.core.cluster;

import java.util.Optional;

import org.vigia.core.geo.GeoPoint;

/**
 * Which area holds a point, for the merge rule's area reports: the key of the neighborhood a resident would
 * pick for that place (the value {@link org.vigia.core.report.Report#area()} holds for a report placed by
 * picking one). Implementations are thread-safe and answer from memory.
 */
@FunctionalInterface
public interface Areas {

	/** No areas: every report is a point and merges by distance only. */
	Areas NONE = point -> Optional.empty();

	/** The key of the area holding this point, empty when it lies in none. */
	Optional<String> areaOf(GeoPoint point);

}
