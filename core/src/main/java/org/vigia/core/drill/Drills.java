package org.vigia.core.drill;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.ObserverId;

/** The practice scenes of the drills started lately, for the drill report; kept as long as the scenes. */
public interface Drills {

	/** Records a practice scene that starts at {@code at}. */
	void add(IncidentId scene, Instant at);

	/**
	 * Records who takes part in a practice scene: only they are asked about it. An empty set records nothing:
	 * every observer on duty takes part, as in a raid.
	 */
	void participants(IncidentId scene, Set<ObserverId> observers);

	/** Who takes part in a practice scene; empty if every observer on duty does (or the scene is not a drill's). */
	Set<ObserverId> participants(IncidentId scene);

	/** The practice scenes still kept, in the order they start. */
	List<IncidentId> scenes();

}
