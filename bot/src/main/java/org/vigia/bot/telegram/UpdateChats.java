package org.vigia.bot.telegram;

import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.Venue;

import org.vigia.core.chat.Input;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.Report;

/** The private chat an update belongs to (0 for groups, channels or nobody), and the place a message shares. */
final class UpdateChats {

	private UpdateChats() {
	}

	static long privateChat(Update update) {
		if (update.hasCallbackQuery()) {
			var query = update.getCallbackQuery();
			// a button pressed in a private chat: the chat is the person
			return query.getFrom() == null ? 0 : query.getFrom().getId();
		}
		Message message = update.hasMessage() ? update.getMessage()
				: update.hasEditedMessage() ? update.getEditedMessage() : null;
		if (message == null || message.getChat() == null || !"private".equals(message.getChat().getType())) {
			return 0;
		}
		return message.getChatId();
	}

	/**
	 * The place a location or venue message shares, with a venue's name and address as its words (what the
	 * resident picked in Telegram's place picker); empty if it is nowhere on Earth.
	 */
	static Optional<Input.Location> place(Message message) {
		Venue venue = message.getVenue();
		return point(message).map(p -> new Input.Location(p, venue == null ? null : words(venue)));
	}

	/**
	 * "Title, address", cleaned (control characters and runs of spaces removed; the address alone when it
	 * already starts with the title) and cut to the length a report keeps; null if there is nothing left.
	 * Telegram's apps fill these from a map service, but a forged update may carry anything: it is shown
	 * escaped, like everything residents send.
	 */
	static String words(Venue venue) {
		String title = clean(venue.getTitle());
		String address = clean(venue.getAddress());
		String words = address.isEmpty() ? title
				: title.isEmpty() || address.startsWith(title) ? address : title + ", " + address;
		if (words.isEmpty()) {
			return null;
		}
		int max = Report.MAX_PLACE_TEXT;
		return words.codePointCount(0, words.length()) <= max ? words
				: words.substring(0, words.offsetByCodePoints(0, max - 1)).strip() + "…";
	}

	private static String clean(String text) {
		return text == null ? "" : text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\s+", " ").strip();
	}

	/**
	 * The place a location or venue message shares, if it is one on Earth. Telegram's own apps never send
	 * anything else, but a forged update may carry NaN, infinities, out-of-range values or no coordinates at all.
	 */
	static Optional<GeoPoint> point(Message message) {
		Location location = message.hasLocation() ? message.getLocation()
				: message.getVenue() != null ? message.getVenue().getLocation() : null;
		if (location == null || location.getLatitude() == null || location.getLongitude() == null) {
			return Optional.empty();
		}
		double latitude = location.getLatitude();
		double longitude = location.getLongitude();
		// written so that NaN fails too
		if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
			return Optional.empty();
		}
		return Optional.of(GeoPoint.of(latitude, longitude));
	}

}
