package org.vigia.core.report;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The SALUTE answers of one report: how many agents and vehicles, as the ranges the resident chose, and
 * which uniforms or markings.
 *
 * @param agents never null; {@link CountRange#UNKNOWN} when not sure
 * @param vehicles never null; {@link CountRange#UNKNOWN} for "none / not sure"
 * @param uniforms never null; empty means not asked or not answered
 */
public record Sighting(CountRange agents, CountRange vehicles, Set<Uniform> uniforms) {

	public static final Sighting UNKNOWN = new Sighting(CountRange.UNKNOWN, CountRange.UNKNOWN, Set.of());

	public Sighting {
		Objects.requireNonNull(agents, "agents must not be null");
		Objects.requireNonNull(vehicles, "vehicles must not be null");
		uniforms = uniforms == null || uniforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(uniforms));
	}

}
