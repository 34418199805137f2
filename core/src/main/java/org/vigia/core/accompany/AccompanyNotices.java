package org.vigia.core.accompany;

/**
 * Tells people what a coordinator did in the console. Implemented on the messenger seam (issue 12) by the
 * bot's accompaniment package, which knows each person's language and how to reach them; a bot without an
 * implementation changes what is stored and says in the command's answer that nobody was told.
 *
 * <p>Implementations are called after the change is stored, from the command consumer's thread, and must not
 * block on the network: they queue messages (the outbox) and return.
 */
public interface AccompanyNotices {

	/**
	 * A coordinator assigned an accompanier by hand: the accompanier is to be told where and when, with the
	 * place's arrival advice and the recognition description; the person who asked, who will meet them (display
	 * name only).
	 */
	void assignedByHand(Appointment appointment, Accompanier accompanier);

	/**
	 * A coordinator closed a detention case: the other coordinators are to be told, and the accompaniers who
	 * reported it (the family contacts were told at the detention, and are not told of a console decision).
	 */
	void caseClosed(Appointment appointment);

}
