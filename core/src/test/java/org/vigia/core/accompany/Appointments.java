package org.vigia.core.accompany;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.vigia.core.messaging.Address;

/** Requests and accompaniers for the tests. */
final class Appointments {

	static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	static final Address PERSON = Address.telegramChat(7_000_000_001L);

	static final String COURT = "p1a2b3c4d5";

	private Appointments() {
	}

	static AccompanyRequest request(int companions, Duration ahead) {
		return new AccompanyRequest(AppointmentKind.COURT_HEARING,
				Venue.listed(COURT, "Chicago Immigration Court", "525 W Van Buren St"), NOW.plus(ahead), "es", companions,
				new Recognition("Rosa, chaqueta roja"), PERSON, NOW);
	}

	static Appointment appointment(int companions, Duration ahead) {
		return Appointment.open(AppointmentId.random(), request(companions, ahead));
	}

	static Accompanier accompanier(String id, Set<String> languages, Set<String> places) {
		return new Accompanier(new AccompanierId(id), "Vol " + id, languages, places,
				Address.telegramChat(7_100_000_000L + Math.abs(id.hashCode() % 1000)));
	}

}
