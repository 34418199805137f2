package org.vigia.store;

/** The answer to a claim of work (see claim.lua). */
public enum Claim {

	/** Nobody had it: do it. */
	FIRST,
	/** Its owner died before finishing: do it again. */
	TAKEN_OVER,
	/** Done already. */
	DONE,
	/** Being done by a live process (possibly this one). */
	BUSY;

	static Claim of(Long answer) {
		if (answer == null) {
			throw new IllegalStateException("the claim script gave no answer");
		}
		return switch (answer.intValue()) {
			case 1 -> FIRST;
			case 2 -> TAKEN_OVER;
			case 0 -> DONE;
			default -> BUSY;
		};
	}

	/** Whether the caller should do the work. */
	public boolean granted() {
		return this == FIRST || this == TAKEN_OVER;
	}

}
