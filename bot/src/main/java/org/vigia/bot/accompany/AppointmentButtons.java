package org.vigia.bot.accompany;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Choice.Accompaniment.Action;
import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentStore;
import org.vigia.core.accompany.CheckInKind;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;

/**
 * The buttons about one appointment ({@link Choice.Accompaniment}): an accompanier's yes, no, "I can no longer
 * go", and the reports of the day (met, inside, done, detained); the person's "cancel my request". Who pressed is
 * checked against the appointment as stored: the person for a cancel, an accompanier who was asked (or is
 * assigned) for the rest. Anyone else, a forged id, or a second press changes nothing and is told so briefly.
 */
final class AppointmentButtons {

	private static final String ID = "[A-Za-z0-9_-]{1,16}";

	private final AppointmentStore appointments;

	private final Matchmaker matchmaker;

	private final Detention detention;

	private final Audience audience;

	AppointmentButtons(AppointmentStore appointments, Matchmaker matchmaker, Detention detention, Audience audience) {
		this.appointments = Objects.requireNonNull(appointments, "appointments must not be null");
		this.matchmaker = Objects.requireNonNull(matchmaker, "matchmaker must not be null");
		this.detention = Objects.requireNonNull(detention, "detention must not be null");
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
	}

	void press(Address chat, Inbound press, String language, Choice.Accompaniment choice) {
		var replies = audience.replies();
		if (choice.action().isEmpty() || !choice.appointment().matches(ID)) {
			replies.answer(press, language, "button.stale");
			return;
		}
		var id = new AppointmentId(choice.appointment());
		Action action = choice.action().get();
		if (action == Action.CANCEL) {
			cancel(chat, press, language, id);
			return;
		}
		Optional<Accompanier> me = matchmaker.accompanierAt(chat);
		if (me.isEmpty()) {
			replies.answer(press, language, "accompany.notYours");
			return;
		}
		var now = audience.clock().instant();
		var who = me.get().id();
		Function<Appointment, Appointment.Change> act = switch (action) {
			case ACCEPT -> a -> a.accept(who, now);
			case DECLINE -> a -> a.decline(who, now);
			case WITHDRAW -> a -> a.cancelByAccompanier(who, now);
			case MET -> a -> a.checkIn(who, CheckInKind.MET, now);
			case INSIDE -> a -> a.checkIn(who, CheckInKind.INSIDE, now);
			case DONE -> a -> a.checkIn(who, CheckInKind.DONE_TOGETHER, now);
			case DETAINED -> a -> a.checkIn(who, CheckInKind.DETAINED, now);
			case CANCEL -> throw new IllegalStateException("handled above");
		};
		Optional<Appointment.Change> change = appointments.update(id, act);
		if (change.isEmpty()) {
			replies.answer(press, language, "button.stale");
			return;
		}
		switch (action) {
			case ACCEPT, DECLINE -> matchmaker.answer(chat, press, language, change.get(), me.get(), action);
			case WITHDRAW -> withdrawn(chat, press, language, change.get(), me.get());
			default -> checkedIn(chat, press, language, change.get(), me.get(), action);
		}
	}

	private void cancel(Address chat, Inbound press, String language, AppointmentId id) {
		var replies = audience.replies();
		Optional<Appointment> found = appointments.find(id);
		if (found.isEmpty() || !found.get().request().person().equals(chat)) {
			replies.answer(press, language, "accompany.notYours");
			return;
		}
		var change = appointments.update(id, a -> a.cancelByPerson(audience.clock().instant()));
		if (change.isEmpty() || !change.get().changed()) {
			replies.answer(press, language, "accompany.answered");
			return;
		}
		replies.answer(press, language, null);
		replies.say(chat, language, "accompany.cancelled.done");
		matchmaker.cancelled(change.get().appointment());
	}

	private void withdrawn(Address chat, Inbound press, String language, Appointment.Change change, Accompanier me) {
		var replies = audience.replies();
		if (!change.changed()) {
			replies.answer(press, language, change.outcome() == Appointment.Outcome.CANCELLED ? "accompany.cancelled.short"
					: "accompany.notYours");
			return;
		}
		replies.answer(press, language, null);
		replies.say(chat, language, "accompany.withdrawn");
		matchmaker.withdrawn(change.appointment(), me);
	}

	private void checkedIn(Address chat, Inbound press, String language, Appointment.Change change, Accompanier me,
			Action action) {
		var replies = audience.replies();
		switch (change.outcome()) {
			case DONE -> {
				replies.answer(press, language, null);
				replies.say(chat, language, "accompany.checkin." + action.name().toLowerCase(java.util.Locale.ROOT));
				// a second accompanier's "detained" is recorded; the alert went out with the first
				if (action == Action.DETAINED && change.appointment().detention().reportedBy().equals(me.id())) {
					detention.alert(change.appointment(), me);
				}
			}
			case NOT_NOW -> replies.answer(press, language, "accompany.checkin.notNow");
			case UNCHANGED -> replies.answer(press, language, "accompany.answered");
			case CANCELLED -> replies.answer(press, language, "accompany.cancelled.short");
			default -> replies.answer(press, language, "accompany.notYours");
		}
	}

}
