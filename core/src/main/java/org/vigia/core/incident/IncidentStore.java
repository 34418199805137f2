package org.vigia.core.incident;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

	/** Sets the remaining lifetime of a closed incident. */
	void retain(IncidentId id, Duration ttl);

}
