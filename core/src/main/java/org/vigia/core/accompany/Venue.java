package org.vigia.core.accompany;

import org.vigia.core.support.Checks;

/**
 * Where the appointment is: one of the network's listed places (a court, an ICE field office), or "somewhere
 * else" with an address the person typed.
 *
 * @param place the listed place's key ({@link AccompanyPlaces}), null for somewhere else
 * @param name the place's name as listed; null for somewhere else
 * @param address the listed place's address, or the typed address; required for somewhere else
 */
public record Venue(String place, String name, String address) {

	/** The longest typed address accepted. */
	public static final int MAX_ADDRESS = 200;

	/** The "place" that accompaniers serve when they can go to addresses that are not listed. */
	public static final String ELSEWHERE = "elsewhere";

	public Venue {
		if (place != null) {
			Checks.token("place", place, 20);
			Checks.text("name", name, 100);
			address = Checks.optionalText("address", address, MAX_ADDRESS);
		}
		else {
			if (name != null) {
				throw new IllegalArgumentException("a typed address has no listed name");
			}
			Checks.text("address", address, MAX_ADDRESS);
		}
	}

	public static Venue listed(String place, String name, String address) {
		return new Venue(place, name, address);
	}

	public static Venue typed(String address) {
		return new Venue(null, null, address);
	}

	public boolean isListed() {
		return place != null;
	}

	/** The key accompaniers serve for this venue: the listed place, or {@link #ELSEWHERE}. */
	public String served() {
		return place != null ? place : ELSEWHERE;
	}

}
