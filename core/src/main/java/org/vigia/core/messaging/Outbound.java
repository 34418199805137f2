package org.vigia.core.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.support.Checks;

/**
 * A message the bot sends, already in the person's language, for an adapter to render its own way: styled
 * text; options in rows (Telegram: buttons; Signal: a {@link NumberedMenu} under the text); optionally a
 * photo and a place (Telegram: a photo, a venue pin; Signal: an attachment, a maps link).
 *
 * @param text what it says; may be empty only with a photo or a place
 * @param rows options, row by row; empty for none
 * @param image a re-encoded JPEG to show, or null
 * @param place a place to show as a pin, or null
 */
public record Outbound(StyledText text, List<List<MenuItem>> rows, Image image, Place place) {

	public Outbound {
		Objects.requireNonNull(text, "text must not be null");
		rows = rows.stream().map(List::copyOf).filter(r -> !r.isEmpty()).toList();
		if (text.isEmpty() && image == null && place == null) {
			throw new IllegalArgumentException("a message needs a text, a photo or a place");
		}
	}

	public static Outbound of(StyledText text) {
		return new Outbound(text, List.of(), null, null);
	}

	public Outbound withRows(List<List<MenuItem>> options) {
		return new Outbound(text, options, image, place);
	}

	public Outbound withImage(Image photo) {
		return new Outbound(text, rows, photo, place);
	}

	public Outbound withPlace(Place pin) {
		return new Outbound(text, rows, image, pin);
	}

	public boolean hasOptions() {
		return !rows.isEmpty();
	}

	/**
	 * A photo, re-encoded without metadata before it gets here (the photo sanitizer); equal by content.
	 *
	 * @param jpeg the bytes, copied in and out
	 */
	public record Image(byte[] jpeg) {

		/** Larger photos are refused before they are re-encoded; this is the net behind that. */
		public static final int MAX_BYTES = 10 * 1024 * 1024;

		public Image {
			Objects.requireNonNull(jpeg, "jpeg must not be null");
			if (jpeg.length == 0 || jpeg.length > MAX_BYTES) {
				throw new IllegalArgumentException("a photo has 1 to " + MAX_BYTES + " bytes, had " + jpeg.length);
			}
			jpeg = jpeg.clone();
		}

		@Override
		public byte[] jpeg() {
			return jpeg.clone();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Image i && Arrays.equals(jpeg, i.jpeg);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(jpeg);
		}

		@Override
		public String toString() {
			return "Image[" + jpeg.length + " bytes]";
		}

	}

	/**
	 * A place to navigate to, e.g. the scene for an observer who accepted.
	 *
	 * @param point where
	 * @param title a short name ("Pilsen — 18th St &amp; Ashland"), or null
	 * @param address a line of address, or null
	 */
	public record Place(GeoPoint point, String title, String address) {

		public Place {
			Objects.requireNonNull(point, "point must not be null");
			Checks.optionalText("title", title, 200);
			Checks.optionalText("address", address, 200);
		}

	}

}
