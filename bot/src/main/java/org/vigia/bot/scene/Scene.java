package org.vigia.bot.scene;

import java.util.Objects;

import org.vigia.core.incident.Incident;
import org.vigia.core.scene.ScenePlace;
import org.vigia.core.scene.SceneReports;

/**
 * An incident with what is known about its scene: where, and what residents describe. Read fresh for each
 * text that shows it.
 */
public record Scene(Incident incident, ScenePlace place, SceneReports reports) {

	public Scene {
		Objects.requireNonNull(incident, "incident must not be null");
		Objects.requireNonNull(place, "place must not be null");
		Objects.requireNonNull(reports, "reports must not be null");
	}

}
