package org.vigia.core.accompany;

import java.util.Objects;
import java.util.Set;

import org.vigia.core.messaging.Address;
import org.vigia.core.support.Checks;

/**
 * A trained volunteer who goes with people to their appointments.
 *
 * @param id opaque id
 * @param displayName what the person is told ("Ana will meet you"): a name the volunteer chose, at most 40
 * characters
 * @param languages the languages they speak ("en", "es", ...), at least one
 * @param places the listed places they can reach (place keys), and {@link Venue#ELSEWHERE} if they also go to
 * addresses that are not listed; at least one
 * @param address where to reach them
 */
public record Accompanier(AccompanierId id, String displayName, Set<String> languages, Set<String> places,
		Address address) {

	public Accompanier {
		Objects.requireNonNull(id, "id must not be null");
		Checks.text("display name", displayName, 40);
		languages = Set.copyOf(languages);
		if (languages.isEmpty()) {
			throw new IllegalArgumentException("an accompanier speaks at least one language");
		}
		languages.forEach(l -> Checks.token("language", l, 8));
		places = Set.copyOf(places);
		if (places.isEmpty()) {
			throw new IllegalArgumentException("an accompanier serves at least one place");
		}
		places.forEach(p -> Checks.token("place", p, 20));
		Objects.requireNonNull(address, "address must not be null");
		if (address.kind() != Address.Kind.PERSON) {
			throw new IllegalArgumentException("an accompanier is a person, not a group");
		}
	}

	/** Whether they speak the language and can reach the venue. */
	public boolean canServe(AccompanyRequest request) {
		return languages.contains(request.language()) && places.contains(request.venue().served());
	}

	@Override
	public String toString() {
		return "Accompanier[" + id.value() + "]";
	}

}
