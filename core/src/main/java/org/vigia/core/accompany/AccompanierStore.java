package org.vigia.core.accompany;

import java.util.List;
import java.util.Optional;

import org.vigia.core.messaging.Address;

/** The registered accompaniers (they consented to being reachable, like observers). */
public interface AccompanierStore {

	/** Adds or replaces an accompanier. */
	void save(Accompanier accompanier);

	Optional<Accompanier> find(AccompanierId id);

	Optional<Accompanier> byAddress(Address address);

	/** Every accompanier, by id. */
	List<Accompanier> all();

	/** Forgets an accompanier (they stopped, or a coordinator removed them). */
	void remove(AccompanierId id);

}
