package org.vigia.core.accompany;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.vigia.core.messaging.Address;

/**
 * A family contact opens the single-use link the person forwarded ({@code /start f_…} on Telegram): the link is
 * taken (it works once), and the contact joins the appointment, to be told at once if the person is detained.
 *
 * <p>Design note: text that is not shaped like a code is refused before the store is asked; a forged, reused,
 * expired link, or one whose request was never confirmed, finds nothing and changes nothing. Whom to tell (the
 * contact that they joined, the person that they did) is the messenger adapter's, from the result.
 */
public final class FamilyJoins {

	/** What opening a link came to. */
	public enum Outcome {

		/** The contact joined: the person is to be told. */
		JOINED,
		/** This contact had joined already, with another link. */
		ALREADY,
		/** Not a link's code at all. */
		NOT_A_LINK,
		/** A code that does not work: forged, used, expired, or its request never confirmed. */
		NOT_VALID,
		/** The appointment was cancelled or is no longer kept. */
		GONE,
		/** The appointment has all the family contacts it can have. */
		FULL

	}

	/** The outcome, and the appointment after it when there is one. */
	public record Result(Outcome outcome, Optional<Appointment> appointment) {
	}

	private final FamilyLinks links;

	private final FamilyLinkStore store;

	private final AppointmentStore appointments;

	private final Clock clock;

	public FamilyJoins(FamilyLinks links, FamilyLinkStore store, AppointmentStore appointments, Clock clock) {
		this.links = Objects.requireNonNull(links, "links must not be null");
		this.store = Objects.requireNonNull(store, "store must not be null");
		this.appointments = Objects.requireNonNull(appointments, "appointments must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * @param code what the contact sent (the start parameter)
	 * @param contact who opened it
	 */
	public Result join(String code, Address contact) {
		Objects.requireNonNull(contact, "contact must not be null");
		if (!FamilyLinks.wellFormed(code)) {
			return new Result(Outcome.NOT_A_LINK, Optional.empty());
		}
		Optional<AppointmentId> id = store.take(links.hash(code));
		if (id.isEmpty()) {
			return new Result(Outcome.NOT_VALID, Optional.empty());
		}
		var change = appointments.update(id.get(), a -> a.familyJoined(contact, clock.instant()));
		if (change.isEmpty()) {
			return new Result(Outcome.GONE, Optional.empty());
		}
		Outcome outcome = switch (change.get().outcome()) {
			case DONE -> Outcome.JOINED;
			case UNCHANGED -> Outcome.ALREADY;
			case FULL -> Outcome.FULL;
			default -> Outcome.GONE;
		};
		return new Result(outcome, Optional.of(change.get().appointment()));
	}

}
