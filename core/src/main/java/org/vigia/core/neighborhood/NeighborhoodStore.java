package org.vigia.core.neighborhood;

import java.util.Optional;

/** Where the current neighborhoods live (configuration, not personal data: no expiry). */
public interface NeighborhoodStore {

	Optional<NeighborhoodMap> load();

	void save(NeighborhoodMap map);

}
