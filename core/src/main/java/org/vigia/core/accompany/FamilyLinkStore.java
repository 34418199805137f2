package org.vigia.core.accompany;

import java.util.Optional;

/** The single-use family links, kept by their keyed hash only ({@link FamilyLinks}). */
public interface FamilyLinkStore {

	/** Keeps a link until its expiry: from then on it works (once). */
	void keep(FamilyLinks.Pending link, AppointmentId appointment);

	/**
	 * Takes the link with this hash: the first caller gets its appointment, every later one (a reused or
	 * forged link, one never kept, or one expired by the store's clock) gets nothing.
	 */
	Optional<AppointmentId> take(String hash);

}
