package org.vigia.bot.accompany;

import java.util.Objects;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanyNotices;
import org.vigia.core.accompany.Appointment;

/**
 * What a coordinator did in the console, told on the messenger seam: an accompanier assigned by hand is told
 * what to know and the person who will meet them (as if they had accepted); a closed detention case is told to
 * the coordinators and to the accompanier who reported it.
 */
final class Notices implements AccompanyNotices {

	private final Matchmaker matchmaker;

	private final Detention detention;

	Notices(Matchmaker matchmaker, Detention detention) {
		this.matchmaker = Objects.requireNonNull(matchmaker, "matchmaker must not be null");
		this.detention = Objects.requireNonNull(detention, "detention must not be null");
	}

	@Override
	public void assignedByHand(Appointment appointment, Accompanier accompanier) {
		matchmaker.assigned(appointment, accompanier);
	}

	@Override
	public void caseClosed(Appointment appointment) {
		detention.closed(appointment);
	}

}
