package org.vigia.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanyRequest;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentKind;
import org.vigia.core.accompany.Recognition;
import org.vigia.core.accompany.Venue;
import org.vigia.core.messaging.Address;

/** Accompaniment requests and accompaniers for the store tests. */
final class Accompaniments {

	static final long PERSON_CHAT = 7_000_123_456L;

	private Accompaniments() {
	}

	static Appointment appointment(Instant now, Duration ahead, int companions) {
		var request = new AccompanyRequest(AppointmentKind.COURT_HEARING,
				Venue.listed("p1a2b3c4d5", "Chicago Immigration Court", "525 W Van Buren St"), now.plus(ahead), "es",
				companions, new Recognition("Rosa, chaqueta roja"), Address.telegramChat(PERSON_CHAT), now);
		return Appointment.open(AppointmentId.random(), request);
	}

	static Accompanier accompanier(String id, long chat) {
		return new Accompanier(new AccompanierId(id), "Vol " + id, Set.of("es", "en"), Set.of("p1a2b3c4d5"),
				Address.telegramChat(chat));
	}

}
