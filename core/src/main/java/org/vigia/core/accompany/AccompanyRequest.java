package org.vigia.core.accompany;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.vigia.core.messaging.Address;
import org.vigia.core.support.Checks;

/**
 * What a person asked for: someone to go with them to an appointment.
 *
 * @param kind what the appointment is
 * @param venue where
 * @param at when it starts
 * @param language the language the person prefers ("en", "es", ...)
 * @param companions how many accompaniers they would like, 1 to {@link #MAX_COMPANIONS}
 * @param recognition how the accompaniers will recognise them (first name or nickname, what they will wear)
 * @param person where to reach the person who asked (may be a relative or a friend asking on their behalf)
 * @param requestedAt when the request was confirmed; the appointment must be after it and at most
 * {@link #MAX_AHEAD} later
 */
public record AccompanyRequest(AppointmentKind kind, Venue venue, Instant at, String language, int companions,
		Recognition recognition, Address person, Instant requestedAt) {

	public static final int MAX_COMPANIONS = 3;

	/** How far ahead a request may be: immigration hearings are often set months ahead, not years. */
	public static final Duration MAX_AHEAD = Duration.ofDays(366);

	public AccompanyRequest {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(venue, "venue must not be null");
		Objects.requireNonNull(at, "at must not be null");
		Checks.token("language", language, 8);
		Checks.between("companions", companions, 1, MAX_COMPANIONS);
		Objects.requireNonNull(recognition, "recognition must not be null");
		Objects.requireNonNull(person, "person must not be null");
		if (person.kind() != Address.Kind.PERSON) {
			throw new IllegalArgumentException("a request comes from a person, not a group");
		}
		Objects.requireNonNull(requestedAt, "requestedAt must not be null");
		if (!at.isAfter(requestedAt)) {
			throw new IllegalArgumentException("the appointment must be after the request: " + at + " <= " + requestedAt);
		}
		if (at.isAfter(requestedAt.plus(MAX_AHEAD))) {
			throw new IllegalArgumentException("the appointment is more than " + MAX_AHEAD.toDays() + " days ahead: " + at);
		}
	}

}
