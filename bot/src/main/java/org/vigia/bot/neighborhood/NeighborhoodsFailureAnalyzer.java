package org.vigia.bot.neighborhood;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.vigia.core.neighborhood.InvalidGeoJsonException;

/**
 * Turns an unusable neighborhoods file at startup into Spring Boot's "application failed to start" report:
 * every problem of the file, one a line, and what to do, instead of a stack trace that names one.
 */
class NeighborhoodsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidGeoJsonException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidGeoJsonException cause) {
		var description = new StringBuilder("The neighborhoods file (NEIGHBORHOODS_FILE) cannot be used: ")
			.append(cause.problems().size() == 1 ? "1 problem" : cause.problems().size() + " problems");
		cause.problems().forEach(p -> description.append("\n  - ").append(p));
		return new FailureAnalysis(description.toString(),
				"Fix these features (or remove them) and start the bot again. Defects that change a feature's area "
						+ "by at most 0.5 % (repeated points, spikes, islands without area, small self-intersections) are "
						+ "repaired at startup and logged as warnings; the ones above cannot be.",
				cause);
	}

}
