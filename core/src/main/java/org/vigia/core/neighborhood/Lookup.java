package org.vigia.core.neighborhood;

import java.util.Objects;
import java.util.Optional;

/** Where a point falls: in one neighborhood, or outside the service area. */
public sealed interface Lookup {

	/** The neighborhood, if inside one. */
	default Optional<Neighborhood> found() {
		return this instanceof Inside inside ? Optional.of(inside.neighborhood()) : Optional.empty();
	}

	record Inside(Neighborhood neighborhood) implements Lookup {

		public Inside {
			Objects.requireNonNull(neighborhood, "neighborhood must not be null");
		}

	}

	record Outside() implements Lookup {
	}

}
