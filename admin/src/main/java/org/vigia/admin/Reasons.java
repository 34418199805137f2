package org.vigia.admin;

/** The reason every console action must carry into the audit log: 1 to 200 characters, not blank. */
final class Reasons {

	static final int MAX = 200;

	private Reasons() {
	}

	static boolean valid(String reason) {
		return reason != null && !reason.isBlank() && reason.strip().length() <= MAX;
	}

}
