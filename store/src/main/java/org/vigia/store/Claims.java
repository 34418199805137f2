package org.vigia.store;

import org.vigia.core.support.Claim;

/** Reads the answer of the claim scripts (claim.lua, commands-claim.lua). */
final class Claims {

	private Claims() {
	}

	static Claim of(Long answer) {
		if (answer == null) {
			throw new IllegalStateException("the claim script gave no answer");
		}
		return switch (answer.intValue()) {
			case 1 -> Claim.FIRST;
			case 2 -> Claim.TAKEN_OVER;
			case 0 -> Claim.DONE;
			default -> Claim.BUSY;
		};
	}

}
