package org.vigia.core.support;

/** The answer to a claim of work that must be done once, across processes and restarts. */
public enum Claim {

	/** Nobody had it: do it. */
	FIRST,
	/** Its owner died before finishing: do it again. */
	TAKEN_OVER,
	/** Done already. */
	DONE,
	/** Being done by a live process (possibly this one). */
	BUSY;

	/** Whether the caller should do the work. */
	public boolean granted() {
		return this == FIRST || this == TAKEN_OVER;
	}

}
