package org.vigia.core.accompany;

import java.time.Duration;

/** How long accompaniment data is kept (issue 13, DESIGN.md): after that, only counts remain. */
public final class Retention {

	/** Everything about an appointment expires this long after its time. */
	public static final Duration AFTER_APPOINTMENT = Duration.ofHours(72);

	/** A detention case is kept this long after it opened, closed or not. */
	public static final Duration DETENTION_CASE = Duration.ofDays(30);

	private Retention() {
	}

}
