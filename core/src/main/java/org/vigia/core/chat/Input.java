package org.vigia.core.chat;

import java.util.Objects;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.support.Checks;

/** What a person sent, as the conversation sees it (no Telegram types). */
public sealed interface Input {

	/** A button press, by the option's value. */
	record Choice(String value) implements Input {

		public Choice {
			Checks.text("value", value, 24);
		}

	}

	/** Free text (a note, cross streets). Length is checked by the flow, which answers instead of throwing. */
	record Typed(String text) implements Input {

		public Typed {
			Objects.requireNonNull(text, "text must not be null");
		}

	}

	/**
	 * A shared location, or a venue chosen in the messenger's place picker.
	 *
	 * @param point where
	 * @param words the venue's name and address, as the place in words; null for a bare location. At most
	 * {@link org.vigia.core.report.Report#MAX_PLACE_TEXT} characters: the adapter shortens longer ones
	 */
	record Location(GeoPoint point, String words) implements Input {

		public Location {
			Objects.requireNonNull(point, "point must not be null");
			if (words != null) {
				Checks.text("words", words, org.vigia.core.report.Report.MAX_PLACE_TEXT);
			}
		}

		public Location(GeoPoint point) {
			this(point, null);
		}

	}

	/** A photo, already fetched and re-encoded by the adapter; {@code ref} names the stored copy. */
	record Photo(String ref) implements Input {

		public Photo {
			Checks.token("photo ref", ref, 64);
		}

	}

	/** A photo or file that could not be accepted (not an image, too large). */
	record RejectedPhoto(String reasonKey) implements Input {

		public RejectedPhoto {
			Checks.text("reason key", reasonKey, 100);
		}

	}

}
