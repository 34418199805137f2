package org.vigia.core.report;

import java.util.EnumSet;
import java.util.Set;

import org.vigia.core.support.Checks;

/**
 * The SALUTE answers of one report: how many agents and vehicles, which uniforms or markings.
 *
 * @param agents 0 when unknown, at most 500
 * @param vehicles 0 when unknown, at most 200
 * @param uniforms never null; empty means not asked or not answered
 */
public record Sighting(int agents, int vehicles, Set<Uniform> uniforms) {

	public static final Sighting UNKNOWN = new Sighting(0, 0, Set.of());

	public Sighting {
		Checks.between("agents", agents, 0, 500);
		Checks.between("vehicles", vehicles, 0, 200);
		uniforms = uniforms == null || uniforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(uniforms));
	}

}
