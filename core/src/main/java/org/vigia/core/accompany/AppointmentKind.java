package org.vigia.core.accompany;

/** What the appointment is: the question "what is it?" of the request. */
public enum AppointmentKind {

	/** A hearing at an immigration court. */
	COURT_HEARING,
	/** A scheduled check-in at an ICE field office. */
	ICE_CHECK_IN,
	/** Any other appointment (USCIS, a consulate, a lawyer's office). */
	OTHER

}
