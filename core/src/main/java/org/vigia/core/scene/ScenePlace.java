package org.vigia.core.scene;

import java.util.Objects;

import org.vigia.core.geo.GeoPoint;

/**
 * Where a scene is: in words, as a pin, and whether that pin is only somewhere in an area.
 *
 * @param where the words
 * @param pin the point to navigate to (for an approximate place: a point inside the area)
 * @param approximate whether residents gave only an area, so that the pin is not the scene's place
 * @param neighborhood the name of the neighborhood the pin is in, or null outside every neighborhood
 */
public record ScenePlace(Where where, GeoPoint pin, boolean approximate, String neighborhood) {

	public ScenePlace {
		Objects.requireNonNull(where, "where must not be null");
		Objects.requireNonNull(pin, "pin must not be null");
	}

}
