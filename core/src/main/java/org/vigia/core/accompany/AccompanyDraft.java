package org.vigia.core.accompany;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * A request being written, one answer at a time. Lives only in the short-lived conversation state.
 *
 * @param step the question being asked
 * @param turn increases with every question asked; buttons carry it so that a press on an old message is stale
 * @param language the language of the conversation
 * @param id the id the appointment will have: the family link points to it before it is confirmed
 * @param kind what the appointment is, once answered
 * @param venue where, once answered
 * @param day the day, once chosen (in the network's zone)
 * @param at the local date and time, once chosen (in the network's zone)
 * @param personLanguage the language the person prefers at the appointment, once answered
 * @param companions how many accompaniers, 0 until answered
 * @param recognition the description, once given
 * @param familyLinks the family links given out (at most {@link Appointment#MAX_FAMILY}), kept for the
 * appointment once the request is confirmed
 */
public record AccompanyDraft(AccompanyStep step, int turn, String language, AppointmentId id, AppointmentKind kind,
		Venue venue, LocalDate day, LocalDateTime at, String personLanguage, int companions, Recognition recognition,
		java.util.List<FamilyLinks.Pending> familyLinks) {

	public AccompanyDraft {
		Objects.requireNonNull(step, "step must not be null");
		Checks.between("turn", turn, 0, Integer.MAX_VALUE);
		Checks.token("language", language, 8);
		Objects.requireNonNull(id, "id must not be null");
		if (personLanguage != null) {
			Checks.token("person language", personLanguage, 8);
		}
		Checks.between("companions", companions, 0, AccompanyRequest.MAX_COMPANIONS);
		familyLinks = familyLinks == null ? java.util.List.of() : java.util.List.copyOf(familyLinks);
		if (familyLinks.size() > Appointment.MAX_FAMILY) {
			throw new IllegalArgumentException("at most " + Appointment.MAX_FAMILY + " family links");
		}
	}

	static AccompanyDraft start(String language) {
		return new AccompanyDraft(AccompanyStep.KIND, 0, language, AppointmentId.random(), null, null, null, null, null, 0,
				null, java.util.List.of());
	}

	AccompanyDraft at(AccompanyStep next) {
		return new AccompanyDraft(next, turn + 1, language, id, kind, venue, day, at, personLanguage, companions,
				recognition, familyLinks);
	}

	AccompanyDraft withKind(AppointmentKind value) {
		return new AccompanyDraft(step, turn, language, id, value, venue, day, at, personLanguage, companions,
				recognition, familyLinks);
	}

	AccompanyDraft withVenue(Venue value) {
		return new AccompanyDraft(step, turn, language, id, kind, value, day, at, personLanguage, companions,
				recognition, familyLinks);
	}

	AccompanyDraft withDay(LocalDate value) {
		return new AccompanyDraft(step, turn, language, id, kind, venue, value, null, personLanguage, companions,
				recognition, familyLinks);
	}

	AccompanyDraft withAt(LocalDateTime value) {
		return new AccompanyDraft(step, turn, language, id, kind, venue, value.toLocalDate(), value, personLanguage,
				companions, recognition, familyLinks);
	}

	AccompanyDraft withPersonLanguage(String value) {
		return new AccompanyDraft(step, turn, language, id, kind, venue, day, at, value, companions, recognition,
				familyLinks);
	}

	AccompanyDraft withCompanions(int value) {
		return new AccompanyDraft(step, turn, language, id, kind, venue, day, at, personLanguage, value, recognition,
				familyLinks);
	}

	AccompanyDraft withRecognition(Recognition value) {
		return new AccompanyDraft(step, turn, language, id, kind, venue, day, at, personLanguage, companions, value,
				familyLinks);
	}

	AccompanyDraft withFamilyLink(FamilyLinks.Pending link) {
		var links = new java.util.ArrayList<>(familyLinks);
		links.add(link);
		return new AccompanyDraft(step, turn, language, id, kind, venue, day, at, personLanguage, companions,
				recognition, links);
	}

	/** Whether a family link was given out. */
	public boolean hasFamilyLink() {
		return !familyLinks.isEmpty();
	}

	/** Whether every answer the request needs is there. */
	public boolean complete() {
		return kind != null && venue != null && at != null && personLanguage != null && companions > 0
				&& recognition != null;
	}

	@Override
	public String toString() {
		return "AccompanyDraft[" + step + ", turn " + turn + "]";
	}

}
