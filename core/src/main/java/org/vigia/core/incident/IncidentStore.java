package org.vigia.core.incident;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.vigia.core.geo.GeoPoint;

/**
 * Where incidents live. Implementations are thread-safe; closed incidents expire after retention.
 */
public interface IncidentStore {

	Optional<Incident> find(IncidentId id);

	/** Open incidents, newest first. */
	List<Incident> open();

	/**
	 * Replaces the stored incident if its history has exactly {@code expectedHistorySize} entries
	 * (optimistic concurrency: the history only grows), and returns whether it did.
	 */
	boolean replace(Incident incident, int expectedHistorySize);

	/**
	 * Stores a new drill incident ({@link IncidentId#drill()}): listed among the open incidents, but never where
	 * reports are merged, so no report can ever join it. It expires within {@code ttl}.
	 *
	 * @throws IllegalArgumentException if the incident is not a drill's
	 */
	void openDrill(Incident incident, Duration ttl);

	/** Sets the remaining lifetime of a closed incident. */
	void retain(IncidentId id, Duration ttl);

	/**
	 * Applies {@code change} to the stored incident atomically: read, change, compare-and-set, and again from a
	 * fresh read when another writer came first. {@code change} must be a pure function of the incident (it may
	 * run more than once) and return the incident unchanged when there is nothing to do.
	 *
	 * @return the incident as stored afterwards, empty if there is none
	 * @throws IllegalStateException if the incident kept changing under us (sustained contention)
	 */
	Optional<Incident> update(IncidentId id, UnaryOperator<Incident> change);

	/**
	 * The closed incidents still kept (within their retention) whose center lies within {@code radiusMeters} of
	 * {@code center}, in no particular order.
	 */
	List<Incident> recentlyClosed(GeoPoint center, double radiusMeters);

}
