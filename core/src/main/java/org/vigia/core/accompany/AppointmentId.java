package org.vigia.core.accompany;

import java.security.SecureRandom;
import java.util.Base64;

import org.vigia.core.support.Checks;

/** An appointment's opaque id: random, says nothing about the person, safe in keys, buttons and the console. */
public record AppointmentId(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public AppointmentId {
		Checks.token("appointment id", value, 16);
	}

	/** A new random id (72 bits, 12 characters). */
	public static AppointmentId random() {
		byte[] bytes = new byte[9];
		RANDOM.nextBytes(bytes);
		return new AppointmentId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

}
