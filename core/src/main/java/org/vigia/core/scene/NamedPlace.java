package org.vigia.core.scene;

import java.util.Objects;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.support.Checks;

/**
 * A place the network lists by name (a park, a station, a courthouse), used to say where a scene is
 * ("400 m north-east of Lincoln Park") and, later, where an appointment is.
 *
 * @param name what people call it, at most 100 characters
 * @param address its street address, optional, at most 200 characters
 * @param kind what sort of place, a short token ({@link #PLACE} when the file does not say); the
 * accompaniment feature will tell courts and ICE offices apart by it
 * @param point where it is
 */
public record NamedPlace(String name, String address, String kind, GeoPoint point) {

	/** The kind of a place the file gives no kind for: a landmark people know. */
	public static final String PLACE = "place";

	public NamedPlace {
		Checks.text("name", name, 100);
		address = address == null || address.isBlank() ? null : Checks.optionalText("address", address.strip(), 200);
		kind = kind == null ? PLACE : Checks.token("kind", kind, 32);
		Objects.requireNonNull(point, "point must not be null");
	}

}
