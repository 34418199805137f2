package org.vigia.core.accompany;

import java.util.List;
import java.util.Optional;

import org.vigia.core.scene.NamedPlace;
import org.vigia.core.scene.NamedPlaces;
import org.vigia.core.support.Checks;

/**
 * The places of the network's places file where appointments are held: immigration courts and ICE field
 * offices ({@link NamedPlace#COURT}, {@link NamedPlace#ICE_OFFICE}), offered by the request, each under a short
 * key derived from its kind and name: the same place keeps its key when the file is reordered or other places
 * are added, so stored requests and the places accompaniers serve still point to it.
 */
public final class AccompanyPlaces {

	/** A listed place as the request offers it. */
	public record Place(String key, NamedPlace place) {

		public Place {
			Checks.token("key", key, 20);
		}

	}

	private final List<Place> places;

	public AccompanyPlaces(NamedPlaces all) {
		var found = new java.util.ArrayList<Place>();
		for (NamedPlace p : all.all()) {
			if (p.holdsAppointments()) {
				found.add(new Place(key(p), p));
			}
		}
		this.places = List.copyOf(found);
	}

	/** "p" and 40 bits of the SHA-256 of kind and name. */
	static String key(NamedPlace place) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest((place.kind() + "\n" + place.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return "p" + java.util.HexFormat.of().formatHex(digest, 0, 5);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** Courts and ICE offices, in the file's order. */
	public List<Place> all() {
		return places;
	}

	public Optional<Place> find(String key) {
		return places.stream().filter(p -> p.key().equals(key)).findFirst();
	}

}
