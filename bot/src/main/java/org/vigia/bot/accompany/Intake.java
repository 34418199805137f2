package org.vigia.bot.accompany;

import java.util.Objects;

import org.vigia.core.accompany.AccompanyDraft;
import org.vigia.core.accompany.AccompanyRequest;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentStore;
import org.vigia.core.accompany.DueSchedule;
import org.vigia.core.accompany.FamilyLinkStore;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.accompany.Schedule;
import org.vigia.core.messaging.Address;

/**
 * A confirmed request, kept: the appointment stored, the family links given out while it was written made to
 * work (a link opened earlier found nothing and was not used up), its reminders and check-in deadline
 * scheduled, and the language of the person's chat kept for as long as the appointment, for later messages.
 */
final class Intake {

	private final AppointmentStore appointments;

	private final FamilyLinkStore links;

	private final DueSchedule due;

	private final Audience audience;

	Intake(AppointmentStore appointments, FamilyLinkStore links, DueSchedule due, Audience audience) {
		this.appointments = Objects.requireNonNull(appointments, "appointments must not be null");
		this.links = Objects.requireNonNull(links, "links must not be null");
		this.due = Objects.requireNonNull(due, "due must not be null");
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
	}

	Appointment keep(Address person, AccompanyDraft draft, AccompanyRequest request) {
		var now = audience.clock().instant();
		Appointment appointment = Appointment.open(draft.id(), request);
		appointments.create(appointment);
		for (FamilyLinks.Pending link : draft.familyLinks()) {
			// a link that runs out within a second is not worth keeping (the store refuses expired ones)
			if (link.expires().isAfter(now.plusSeconds(1))) {
				links.keep(link, appointment.id());
			}
		}
		due.schedule(Schedule.of(appointment, now));
		audience.remember(person, draft.language(), appointment.retainUntil());
		return appointment;
	}

}
