package org.vigia.core.report;

import java.time.Instant;
import java.util.Objects;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.support.Checks;

/**
 * One resident's report of one scene, as submitted at the end of the guided flow.
 *
 * <p>Holds no identity: the reporter appears only as a {@link Pseudonym}. The place text is what the
 * resident typed (cross streets) or the neighborhood they chose; it is shown to observers only
 * after escaping.
 *
 * @param id opaque id
 * @param kind what is happening
 * @param location where, as a point (shared, geocoded, or a neighborhood's interior point)
 * @param placeText what the resident said about the place, may be null, at most 200 characters
 * @param area the neighborhood (its choice value) when the resident picked a neighborhood rather than a
 * point: the scene is somewhere in that area and {@code location} is only a point inside it; null when
 * {@code location} is the place itself (shared, a venue, or geocoded)
 * @param recency when, as the resident answered
 * @param seenAt the estimated time of the sighting: {@code receivedAt} minus the recency's typical age
 * @param receivedAt when the report was submitted
 * @param sighting agents, vehicles, uniforms
 * @param note optional free text, at most 500 characters
 * @param photo optional id of a re-encoded photo, may be null
 * @param reporter the reporter's pseudonym
 * @param language the reporter's language tag ("en", "es"), at most 8 characters
 */
public record Report(ReportId id, ReportKind kind, GeoPoint location, String placeText, String area, Recency recency,
		Instant seenAt, Instant receivedAt, Sighting sighting, String note, String photo, Pseudonym reporter,
		String language) {

	public static final int MAX_NOTE = 500;

	public static final int MAX_PLACE_TEXT = 200;

	public Report {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(location, "location must not be null");
		Checks.optionalText("place text", placeText, MAX_PLACE_TEXT);
		if (area != null) {
			Checks.token("area", area, 20);
		}
		Objects.requireNonNull(recency, "recency must not be null");
		Objects.requireNonNull(seenAt, "seenAt must not be null");
		Objects.requireNonNull(receivedAt, "receivedAt must not be null");
		if (seenAt.isAfter(receivedAt)) {
			throw new IllegalArgumentException("seenAt must not be after receivedAt");
		}
		sighting = sighting == null ? Sighting.UNKNOWN : sighting;
		Checks.optionalText("note", note, MAX_NOTE);
		if (photo != null) {
			Checks.token("photo", photo, 64);
		}
		Objects.requireNonNull(reporter, "reporter must not be null");
		Checks.token("language", language, 8);
	}

	/** Whether the report places the scene only somewhere in a neighborhood, not at a point. */
	public boolean approximate() {
		return area != null;
	}

	/** Whether the sighting is old enough that agents have likely left (kept, but marked). */
	public boolean stale() {
		return recency.stale();
	}

	@Override
	public String toString() {
		return "Report[" + id + ", " + kind + ", " + recency + "]";
	}

}
