package org.vigia.core.report;

import org.vigia.core.support.Checks;

/** Opaque id of a report; carries nothing about the reporter. */
public record ReportId(String value) {

	public ReportId {
		Checks.token("report id", value, 40);
	}

	@Override
	public String toString() {
		return value;
	}

}
