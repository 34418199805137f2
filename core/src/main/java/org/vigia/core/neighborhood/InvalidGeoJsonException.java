package org.vigia.core.neighborhood;

/** A neighborhoods file that cannot be used; the message says what is wrong and in which feature. */
public class InvalidGeoJsonException extends IllegalArgumentException {

	public InvalidGeoJsonException(String message) {
		super(message);
	}

}
