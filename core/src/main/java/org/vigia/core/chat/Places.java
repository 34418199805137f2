package org.vigia.core.chat;

import java.util.List;
import java.util.Optional;

import org.vigia.core.geo.GeoPoint;

/**
 * What the report flow needs to know about places. Implemented by the adapter over the neighborhood map
 * and an optional geocoder; calls may block briefly (geocoding over HTTP, with a timeout).
 */
public interface Places {

	/** Whether the point lies in a neighborhood the network serves. */
	boolean inServiceArea(GeoPoint point);

	/** The neighborhoods to offer, in display order. */
	List<Choice> neighborhoods();

	/** A point inside the neighborhood with this choice value. */
	Optional<GeoPoint> neighborhoodPoint(String value);

	/** Whether typed cross streets can be looked up. */
	boolean canGeocode();

	/** The place of typed cross streets, empty when not found or the geocoder failed. */
	Optional<GeoPoint> geocode(String text);

	/** A neighborhood offered for choosing: the short button value and its display name. */
	record Choice(String value, String name) {

		public Choice {
			org.vigia.core.support.Checks.token("value", value, 20);
			org.vigia.core.support.Checks.text("name", name, 100);
		}

	}

}
