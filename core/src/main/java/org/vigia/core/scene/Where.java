package org.vigia.core.scene;

import org.vigia.core.support.Checks;

/**
 * Where a scene is, in words, as precisely as its reports allow; the adapters turn each kind into a
 * sentence in the reader's language. Never holds anything about who reported.
 */
public sealed interface Where {

	/** The venue or cross streets residents gave (as they wrote them: escape before showing). */
	record Given(String text) implements Where {

		public Given {
			Checks.text("text", text, 200);
		}

	}

	/** The street address a reverse geocoder found for the scene's point. */
	record Address(String text) implements Where {

		public Address {
			Checks.text("text", text, 200);
		}

	}

	/** A distance and direction from a place the network lists ("400 m north-east of Lincoln Park"). */
	record NearPlace(String place, double meters, Bearing bearing) implements Where {

		public NearPlace {
			Checks.text("place", place, 100);
			Checks.between("meters", meters, 0, 1_000_000);
		}

	}

	/** In a neighborhood, at the point of the pin (nothing better is known in words). */
	record InArea(String name) implements Where {

		public InArea {
			Checks.text("name", name, 100);
		}

	}

	/** Somewhere in a neighborhood: residents picked the neighborhood, not a point. */
	record SomewhereIn(String name) implements Where {

		public SomewhereIn {
			Checks.text("name", name, 100);
		}

	}

	/** Nothing is known in words: only the pin says where. */
	record OnlyThePin() implements Where {
	}

}
