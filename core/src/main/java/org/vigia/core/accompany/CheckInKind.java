package org.vigia.core.accompany;

/** What an accompanier reports on the day, with buttons. */
public enum CheckInKind {

	/** Met the person at the entrance. */
	MET,
	/** Inside, with the person. */
	INSIDE,
	/** Done: they left together. */
	DONE_TOGETHER,
	/** The person was detained: alerts everyone and opens a case. */
	DETAINED

}
