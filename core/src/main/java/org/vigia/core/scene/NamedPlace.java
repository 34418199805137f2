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
 * @param kind what sort of place, a short token ({@link #PLACE} when the file does not say); courts
 * ({@link #COURT}) and ICE field offices ({@link #ICE_OFFICE}) are where appointments are accompanied
 * @param arrival advice for arriving there (which entrance, where to wait, security lines), optional, at most
 * {@link #MAX_ARRIVAL} characters; given to accompaniers
 * @param point where it is
 */
public record NamedPlace(String name, String address, String kind, String arrival, GeoPoint point) {

	/** The kind of a place the file gives no kind for: a landmark people know. */
	public static final String PLACE = "place";

	/** An immigration court. */
	public static final String COURT = "court";

	/** An ICE field office, where people have scheduled check-ins. */
	public static final String ICE_OFFICE = "ice_office";

	public static final int MAX_ARRIVAL = 500;

	public NamedPlace {
		Checks.text("name", name, 100);
		address = address == null || address.isBlank() ? null : Checks.optionalText("address", address.strip(), 200);
		kind = kind == null ? PLACE : Checks.token("kind", kind, 32);
		arrival = arrival == null || arrival.isBlank() ? null
				: Checks.optionalText("arrival", arrival.strip(), MAX_ARRIVAL);
		Objects.requireNonNull(point, "point must not be null");
		// the fields are not assigned yet in a compact constructor: the parameters are read, not holdsAppointments()
		if ((COURT.equals(kind) || ICE_OFFICE.equals(kind)) && address == null) {
			throw new IllegalArgumentException("a " + kind + " needs an \"address\": accompaniers must find it");
		}
	}

	/** A place without arrival advice. */
	public NamedPlace(String name, String address, String kind, GeoPoint point) {
		this(name, address, kind, null, point);
	}

	/** Whether appointments are accompanied here: a court or an ICE field office. */
	public boolean holdsAppointments() {
		return COURT.equals(kind) || ICE_OFFICE.equals(kind);
	}

}
