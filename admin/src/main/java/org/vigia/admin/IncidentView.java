package org.vigia.admin;

import java.time.Instant;
import java.util.List;

import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.ReportKind;

/**
 * An incident as a dispatcher reads it: a short reference instead of the internal id, what, where in
 * words, since when, its state, who is going. The {@code id} is for links only, never shown.
 *
 * @param id the internal id (links and forms only)
 * @param ref a short reference people can say aloud ("K7F"), derived from the id
 * @param kind what residents said is happening (shown through the message bundle)
 * @param where the place in words: what residents typed, or the neighborhood; empty if neither
 * @param openedAt the first report
 * @param lastReportAt the latest report
 * @param state the state (shown through the message bundle, and as a colour)
 * @param reports how many reports merged into it
 * @param asked how many observers were asked
 * @param going the aliases of the observers who said they are going
 * @param photos references of the residents' re-encoded photos
 * @param latitude the center, to 4 decimals (about 10 m)
 * @param longitude the center, to 4 decimals
 */
record IncidentView(String id, String ref, ReportKind kind, String where, Instant openedAt, Instant lastReportAt,
		IncidentState state, int reports, int asked, List<String> going, List<String> photos, double latitude,
		double longitude) {

	/** Whether this is a practice scene of a drill (marked as such wherever the console shows it). */
	public boolean drill() {
		return new org.vigia.core.incident.IncidentId(id).drill();
	}

	/** Lower is more urgent: scenes nobody verified yet first, then confirmed ones, then published. */
	int urgency() {
		return switch (state) {
			case NEW -> 0;
			case DISPATCHED -> 1;
			case CONFIRMED -> 2;
			case PUBLISHED -> 3;
			default -> 4;
		};
	}

}
