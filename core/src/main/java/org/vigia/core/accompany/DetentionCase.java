package org.vigia.core.accompany;

import java.time.Instant;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * A detention reported by an accompanier: open until a coordinator closes it, with a reason (released, found
 * with the detainee locator, legal help engaged). Kept {@link Retention#DETENTION_CASE} after it opened.
 *
 * @param openedAt when "detained" was reported
 * @param reportedBy the accompanier who reported it
 * @param closedAt when a coordinator closed it, null while open
 * @param closeReason why it was closed, null while open
 */
public record DetentionCase(Instant openedAt, AccompanierId reportedBy, Instant closedAt, String closeReason) {

	public static final int MAX_REASON = 300;

	public DetentionCase {
		Objects.requireNonNull(openedAt, "openedAt must not be null");
		Objects.requireNonNull(reportedBy, "reportedBy must not be null");
		if ((closedAt == null) != (closeReason == null)) {
			throw new IllegalArgumentException("a closed case has both a time and a reason");
		}
		if (closeReason != null) {
			Checks.text("close reason", closeReason, MAX_REASON);
			if (closedAt.isBefore(openedAt)) {
				throw new IllegalArgumentException("a case closes after it opened: " + closedAt + " < " + openedAt);
			}
		}
	}

	public boolean open() {
		return closedAt == null;
	}

	DetentionCase close(String reason, Instant now) {
		return new DetentionCase(openedAt, reportedBy, now, reason);
	}

}
