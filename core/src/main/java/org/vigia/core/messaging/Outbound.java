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
 * <p>A message may also ask for a place ({@link #askPlace}): Telegram shows a keyboard with a "share my
 * location" button above the options, whose labels then come back as typed text (the engine matches them
 * to the options); Signal, which has no location message, shows the options as a menu and reads map links.
 * {@link #closesAsking} takes such a keyboard away again at the end of a conversation.
 *
 * @param text what it says; may be empty only with a photo or a place
 * @param rows options, row by row; empty for none
 * @param image a re-encoded JPEG to show, or null
 * @param place a place to show as a pin, or null
 * @param askPlace the label of the "share my location" choice when the message asks for a place, or null
 * @param closesAsking whether an earlier {@link #askPlace} keyboard goes away with this message
 * @param replyTo the {@link SentRef#id()} of a message of the same chat this one replies to (quotes), or null
 */
public record Outbound(StyledText text, List<List<MenuItem>> rows, Image image, Place place, String askPlace,
		boolean closesAsking, String replyTo) {

	public Outbound {
		Objects.requireNonNull(text, "text must not be null");
		rows = rows.stream().map(List::copyOf).filter(r -> !r.isEmpty()).toList();
		if (text.isEmpty() && image == null && place == null) {
			throw new IllegalArgumentException("a message needs a text, a photo or a place");
		}
		Checks.optionalText("askPlace", askPlace, 200);
		if (replyTo != null) {
			Checks.token("replyTo", replyTo, 32);
		}
	}

	public Outbound(StyledText text, List<List<MenuItem>> rows, Image image, Place place) {
		this(text, rows, image, place, null, false, null);
	}

	public static Outbound of(StyledText text) {
		return new Outbound(text, List.of(), null, null);
	}

	/** A place alone, shown as a pin (Telegram: a venue; Signal: a maps link). */
	public static Outbound pin(Place place) {
		return new Outbound(StyledText.plain(""), List.of(), null, place);
	}

	/** A text from the bundles' markup ({@link StyledText#fromMarkup}). */
	public static Outbound markup(String markup) {
		return of(StyledText.fromMarkup(markup));
	}

	public Outbound withRows(List<List<MenuItem>> options) {
		return new Outbound(text, options, image, place, askPlace, closesAsking, replyTo);
	}

	/** The options in one row. */
	public Outbound withRow(List<MenuItem> options) {
		return withRows(List.of(options));
	}

	public Outbound withImage(Image photo) {
		return new Outbound(text, rows, photo, place, askPlace, closesAsking, replyTo);
	}

	public Outbound withPlace(Place pin) {
		return new Outbound(text, rows, image, pin, askPlace, closesAsking, replyTo);
	}

	/** Asks for a place, {@code shareLabel} naming the "share my location" choice. */
	public Outbound askingPlace(String shareLabel) {
		Checks.text("shareLabel", shareLabel, 200);
		return new Outbound(text, rows, image, place, shareLabel, false, replyTo);
	}

	/** Takes an earlier place-asking keyboard away. */
	public Outbound closingAsking() {
		return new Outbound(text, rows, image, place, askPlace, true, replyTo);
	}

	public Outbound replyingTo(String sentId) {
		return new Outbound(text, rows, image, place, askPlace, closesAsking, sentId);
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
