package org.vigia.store;

/** The answer to a claim of work (see claim.lua). */
public enum Claim {

	/** Nobody had it: do it. */
	FIRST,
	/** Its owner died before finishing: do it again. */
	TAKEN_OVER,
	/** Done already, or being done by a live process. */
	HELD;

	static Claim of(Long answer) {
		return answer == null || answer == 0 ? HELD : answer == 2 ? TAKEN_OVER : FIRST;
	}

	public boolean granted() {
		return this != HELD;
	}

}
