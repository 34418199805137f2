package org.vigia.core.accompany;

import java.util.Optional;

/** The single-use family links, kept by their keyed hash only ({@link FamilyLinks}). */
public interface FamilyLinkStore {

	/** Keeps a link until its expiry. */
	void keep(FamilyLinks.Issued link, AppointmentId appointment);

	/**
	 * Takes the link with this hash: the first caller gets its appointment, every later one (a reused or
	 * forged link, or an expired one) gets nothing.
	 */
	Optional<AppointmentId> take(String hash);

}
