package org.vigia.bot.accompany;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Choice.Accompaniment.Action;
import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanierStore;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentStore;
import org.vigia.core.accompany.Matching;
import org.vigia.core.accompany.Schedule;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Messenger;

/**
 * Who goes: accompaniers who speak the person's language and serve the place are asked ({@link Matching}); the
 * first who accept go, and the person is told who will meet them (display names only). An accompanier who joins
 * is asked about the upcoming appointments they fit, nearest first. Either side can call it off, and the other is
 * told.
 *
 * <p>Every press is checked against the appointment as stored: a stranger's press, a press on an appointment
 * that does not exist, or one made twice changes nothing ({@link Appointment}'s outcomes).
 */
final class Matchmaker {

	/** How far ahead a new accompanier is offered appointments, and how many at most. */
	static final Duration UPCOMING = Duration.ofDays(60);

	static final int MAX_OFFERED = 5;

	private final AppointmentStore appointments;

	private final AccompanierStore accompaniers;

	private final Audience audience;

	Matchmaker(AppointmentStore appointments, AccompanierStore accompaniers, Audience audience) {
		this.appointments = Objects.requireNonNull(appointments, "appointments must not be null");
		this.accompaniers = Objects.requireNonNull(accompaniers, "accompaniers must not be null");
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
	}

	/** Asks every accompanier who fits and was not asked yet. */
	void ask(Appointment appointment) {
		List<AccompanierId> whom = Matching.toAsk(appointment, accompaniers.all());
		if (whom.isEmpty()) {
			return;
		}
		var change = appointments.update(appointment.id(), a -> a.ask(whom, audience.clock().instant()));
		if (change.isEmpty() || !change.get().changed()) {
			return;
		}
		for (AccompanierId id : whom) {
			accompaniers.find(id).ifPresent(a -> askOne(change.get().appointment(), a));
		}
	}

	/** A new accompanier: the upcoming appointments they fit, nearest first. */
	void offerUpcoming(Accompanier accompanier) {
		var now = audience.clock().instant();
		int offered = 0;
		for (Appointment a : Matching.nearestFirst(appointments.between(now, now.plus(UPCOMING)), now)) {
			if (offered < MAX_OFFERED && Matching.toAsk(a, List.of(accompanier)).contains(accompanier.id())) {
				var change = appointments.update(a.id(), x -> x.ask(List.of(accompanier.id()), now));
				if (change.isPresent() && change.get().changed()) {
					askOne(change.get().appointment(), accompanier);
					offered++;
				}
			}
		}
	}

	private void askOne(Appointment a, Accompanier who) {
		String language = audience.languageOf(who);
		var replies = audience.replies();
		audience.say(who.address(), language, Messenger.Urgency.NORMAL, List.of(List.of(
				replies.option(language, "accompany.ask.accept", new Choice.Accompaniment(a.id().value(), Action.ACCEPT).value()),
				replies.option(language, "accompany.ask.decline", new Choice.Accompaniment(a.id().value(), Action.DECLINE).value()))),
				"accompany.ask", audience.kind(a), audience.where(a), audience.when(a, language), audience.spoken(a),
				a.request().companions());
	}

	/** An accompanier's yes or no. */
	void answer(Address chat, Inbound press, String language, Appointment.Change change, Accompanier me, Action action) {
		var replies = audience.replies();
		Appointment a = change.appointment();
		switch (change.outcome()) {
			case DONE -> {
				replies.answer(press, language, null);
				if (action == Action.ACCEPT) {
					assigned(a, me);
				}
				else {
					replies.say(chat, language, "accompany.declined");
				}
			}
			case FULL -> {
				replies.answer(press, language, null);
				replies.say(chat, language, "accompany.full");
			}
			case CANCELLED -> {
				replies.answer(press, language, null);
				replies.say(chat, language, "accompany.cancelled.already");
			}
			case UNCHANGED -> replies.answer(press, language, "accompany.answered");
			default -> replies.answer(press, language, "accompany.notYours");
		}
	}

	/** An accompanier goes: they are told what to know, and the person who will meet them. */
	void assigned(Appointment a, Accompanier who) {
		String language = audience.languageOf(who);
		var replies = audience.replies();
		// close to the time (the two-hour reminder is past), the buttons of the day come at once
		boolean soon = !audience.clock().instant().isBefore(a.request().at().minus(Schedule.TWO_HOURS_BEFORE));
		audience.say(who.address(), language, Messenger.Urgency.NORMAL, soon ? audience.dayButtons(a, language)
				: List.of(List.of(replies.option(language, "accompany.withdraw",
						new Choice.Accompaniment(a.id().value(), Action.WITHDRAW).value()))),
				"accompany.accepted", audience.kind(a), audience.where(a), audience.when(a, language),
				a.request().recognition().text(), audience.arrival(a));
		Address person = a.request().person();
		String personLanguage = audience.languageOf(person, a.request().language());
		replies.say(person, personLanguage, "accompany.person.assigned", who.displayName(), audience.when(a, personLanguage));
	}

	/**
	 * The person calls it off: the accompaniers who were going are told, and so are the family contacts, who
	 * would otherwise wait for news of an appointment that will not happen.
	 */
	void cancelled(Appointment a) {
		for (Accompanier who : audience.assigned(a)) {
			String language = audience.languageOf(who);
			audience.replies().say(who.address(), language, "accompany.cancelled.byPerson", audience.kind(a),
					audience.when(a, language));
		}
		for (Address contact : a.family()) {
			String language = audience.languageOf(contact, a.request().language());
			audience.replies().say(contact, language, "accompany.cancelled.family", audience.kind(a),
					audience.when(a, language));
		}
	}

	/** An accompanier can no longer go: the person and the coordinators are told. */
	void withdrawn(Appointment a, Accompanier who) {
		Address person = a.request().person();
		String language = audience.languageOf(person, a.request().language());
		audience.replies().say(person, language, "accompany.person.withdrawn", who.displayName(), audience.when(a, language));
		audience.tellCoordinators("accompany.coordinator.withdrawn",
				l -> new Object[] { who.displayName(), audience.kind(a), audience.when(a, l) });
	}

	Optional<Accompanier> accompanierAt(Address chat) {
		return accompaniers.byAddress(chat);
	}

}
