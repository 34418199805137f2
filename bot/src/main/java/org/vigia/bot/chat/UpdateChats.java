package org.vigia.bot.chat;

import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import org.vigia.core.geo.GeoPoint;

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
