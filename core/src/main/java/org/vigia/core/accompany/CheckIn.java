package org.vigia.core.accompany;

import java.time.Instant;
import java.util.Objects;

/** One report of an accompanier on the day. */
public record CheckIn(AccompanierId by, CheckInKind kind, Instant at) {

	public CheckIn {
		Objects.requireNonNull(by, "by must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(at, "at must not be null");
	}

}
