package org.vigia.bot.accompany;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentStore;
import org.vigia.core.accompany.Due;
import org.vigia.core.accompany.DueSchedule;
import org.vigia.core.accompany.Schedule;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;

/**
 * Reminders and the check-in deadline, from {@link DueSchedule#takeDue} on the bot's clock (each item handed to
 * one process): the day before and two hours before, the person and the accompaniers are reminded (the
 * accompaniers' two-hour reminder carries the buttons of the day); if nobody checked in 30 minutes after the
 * appointment time, the coordinators are warned; they are warned too when it is still short of accompaniers 48
 * and 24 hours before (the console's amber and red marks). An item for a cancelled appointment, or one no longer kept,
 * is dropped, and so is a reminder taken too late to be true (after a bot stopped for a while).
 */
public final class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	static final int BATCH = 50;

	private final DueSchedule due;

	private final AppointmentStore appointments;

	private final Audience audience;

	Reminders(DueSchedule due, AppointmentStore appointments, Audience audience) {
		this.due = Objects.requireNonNull(due, "due must not be null");
		this.appointments = Objects.requireNonNull(appointments, "appointments must not be null");
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
	}

	/** Sends what is due; a failure to reach Redis is left to the caller, which tries again. */
	public void tick() {
		for (Due d : due.takeDue(BATCH)) {
			try {
				appointments.find(d.appointment()).filter(a -> Schedule.applies(d, a)).ifPresent(a -> fire(d, a));
			}
			catch (RuntimeException ex) {
				// taken once: a reminder is not worth a retry loop (RedisDueSchedule)
				log.warn("An accompaniment {} failed: {}", d.kind(), ex.getClass().getSimpleName());
			}
		}
	}

	private void fire(Due d, Appointment a) {
		var now = audience.clock().instant();
		var at = a.request().at();
		switch (d.kind()) {
			// taken late (no bot was running): a reminder that would say "tomorrow" or "in two hours" when that is
			// no longer true is dropped
			case REMIND_DAY_BEFORE -> {
				if (now.isBefore(at.minus(Schedule.TWO_HOURS_BEFORE))) {
					remind(a, false);
				}
			}
			case REMIND_TWO_HOURS -> {
				if (now.isBefore(at)) {
					remind(a, true);
				}
			}
			case UNCOVERED_48H, UNCOVERED_24H -> {
				if (Schedule.coverageWarningTimely(d, a, now)) {
					audience.tellCoordinators(d.kind() == Due.Kind.UNCOVERED_24H ? "accompany.coordinator.uncovered24"
							: "accompany.coordinator.uncovered48", l -> new Object[] { audience.kind(a), audience.where(a),
									audience.when(a, l), a.assigned().size(), a.missing() });
				}
			}
			case CHECK_IN_DEADLINE -> {
				if (Schedule.checkInMissed(a, audience.clock().instant())) {
					audience.tellCoordinators("accompany.coordinator.noCheckIn",
							l -> new Object[] { audience.kind(a), audience.where(a), audience.when(a, l), a.assigned().size() });
				}
			}
		}
	}

	private void remind(Appointment a, boolean soon) {
		Address person = a.request().person();
		String language = audience.languageOf(person, a.request().language());
		String names = audience.names(a);
		audience.say(person, language, Messenger.Urgency.NORMAL, List.of(),
				soon ? "accompany.remind.person.soon" : "accompany.remind.person.tomorrow", audience.kind(a),
				audience.where(a), audience.when(a, language),
				names.isEmpty() ? org.vigia.core.chat.Text.of("accompany.remind.nobodyYet") : names);
		for (Accompanier who : audience.assigned(a)) {
			String l = audience.languageOf(who);
			audience.say(who.address(), l, Messenger.Urgency.NORMAL, soon ? audience.dayButtons(a, l) : List.of(),
					soon ? "accompany.remind.accompanier.soon" : "accompany.remind.accompanier.tomorrow", audience.kind(a),
					audience.where(a), audience.when(a, l), a.request().recognition().text(), audience.arrival(a));
		}
	}

}
