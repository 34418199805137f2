package org.vigia.core.observer;

import org.vigia.core.support.Checks;

/** Opaque id of a registered observer. */
public record ObserverId(String value) {

	public ObserverId {
		Checks.token("observer id", value, 24);
	}

	@Override
	public String toString() {
		return value;
	}

}
