package org.vigia.core.drill;

import java.time.Instant;
import java.util.List;

import org.vigia.core.incident.IncidentId;

/** The practice scenes of the drills started lately, for the drill report; kept as long as the scenes. */
public interface Drills {

	/** Records a practice scene that starts at {@code at}. */
	void add(IncidentId scene, Instant at);

	/** The practice scenes still kept, in the order they start. */
	List<IncidentId> scenes();

}
