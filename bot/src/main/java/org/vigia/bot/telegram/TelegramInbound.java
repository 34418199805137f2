package org.vigia.bot.telegram;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import org.vigia.bot.photo.PhotoSanitizer;
import org.vigia.core.chat.Input;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.InboundHandler;

/**
 * Telegram updates as the engine's {@link Inbound}s: private chats only (groups and channels are ignored: the
 * bot talks to people one to one); a button press is a {@link Inbound.Chosen} with its callback data and the
 * query id to acknowledge it; a moved live location a {@link Inbound.Moved}; a location or venue a place; a
 * photo (the largest size not declared over the sanitizer's limit) or an image file a {@link Inbound.Photo};
 * a contact card only that one came. Text over {@link #MAX_TEXT} characters is never read as a command.
 */
public final class TelegramInbound implements UpdateHandler, UpdateIntake.Overload {

	/** Telegram's own limit on a message's text; longer text comes only from forged updates. */
	public static final int MAX_TEXT = 4096;

	private final InboundHandler engine;

	public TelegramInbound(InboundHandler engine) {
		this.engine = Objects.requireNonNull(engine, "engine must not be null");
	}

	@Override
	public void handle(Update update) {
		read(update).ifPresent(engine::handle);
	}

	@Override
	public void shed(Update update) {
		read(update).ifPresent(engine::overloaded);
	}

	/** The update as an input, or empty if it is not one from a person in a private chat. */
	static Optional<Inbound> read(Update update) {
		long chat = UpdateChats.privateChat(update);
		if (chat <= 0) {
			return Optional.empty();
		}
		Address from = Address.telegramChat(chat);
		if (update.hasCallbackQuery()) {
			CallbackQuery query = update.getCallbackQuery();
			String data = query.getData() == null || query.getData().length() > Inbound.MAX_CHOSEN ? ""
					: query.getData();
			String receipt = query.getId() == null || query.getId().isEmpty() || query.getId().length() > 256 ? null
					: query.getId();
			Integer on = query.getMessage() == null ? null : query.getMessage().getMessageId();
			return Optional.of(new Inbound(from, on == null || on <= 0 ? null : Integer.toString(on),
					new Inbound.Chosen(data), receipt, language(query.getFrom())));
		}
		if (update.hasEditedMessage()) {
			// a live location moving; edits of anything else, or to no usable place, are ignored
			Message edited = update.getEditedMessage();
			Optional<GeoPoint> moved = edited.hasLocation() ? UpdateChats.point(edited) : Optional.empty();
			return moved.map(p -> new Inbound(from, null, new Inbound.Moved(p), null, language(edited.getFrom())));
		}
		if (!update.hasMessage()) {
			return Optional.empty();
		}
		Message message = update.getMessage();
		return Optional.of(new Inbound(from, null, content(message), null, language(message.getFrom())));
	}

	private static Inbound.Content content(Message message) {
		if (message.hasText()) {
			String text = message.getText();
			return text.length() > MAX_TEXT ? new Inbound.Said(new Input.Typed(text)) : Inbound.typedContent(text);
		}
		if (message.hasContact()) {
			return new Inbound.Contact();
		}
		if (message.hasLocation() || message.getVenue() != null) {
			// a place that is nowhere on Earth is no answer: an empty text, which asks again
			return new Inbound.Said(UpdateChats.place(message).<Input>map(l -> l).orElse(new Input.Typed("")));
		}
		if (message.hasPhoto() || message.hasDocument()) {
			return photo(message);
		}
		return new Inbound.Said(new Input.Typed(""));
	}

	/**
	 * A photo or an image document. Telegram sends a photo in several sizes: the largest one that is not
	 * declared over the limit is taken, so a huge original still arrives as its smaller copy.
	 */
	private static Inbound.Content photo(Message message) {
		int limit = PhotoSanitizer.Limits.DEFAULTS.maxBytes();
		String fileId;
		if (message.hasPhoto()) {
			Optional<PhotoSize> fitting = message.getPhoto().stream()
				.filter(p -> p.getFileSize() == null || p.getFileSize() <= limit)
				.max(Comparator.comparingLong(p -> p.getFileSize() == null
						? (long) nonNegative(p.getWidth()) * nonNegative(p.getHeight()) : p.getFileSize()));
			if (fitting.isEmpty()) {
				return rejected(PhotoSanitizer.Reason.TOO_LARGE);
			}
			fileId = fitting.get().getFileId();
		}
		else {
			var document = message.getDocument();
			String mime = document.getMimeType();
			if (mime == null || !mime.startsWith("image/")) {
				return rejected(PhotoSanitizer.Reason.NOT_AN_IMAGE);
			}
			if (document.getFileSize() != null && document.getFileSize() > limit) {
				return rejected(PhotoSanitizer.Reason.TOO_LARGE);
			}
			fileId = document.getFileId();
		}
		if (fileId == null || fileId.isBlank() || fileId.length() > 256) {
			return new Inbound.Said(new Input.RejectedPhoto("report.photo.failed"));
		}
		return new Inbound.Photo(fileId);
	}

	private static Inbound.Content rejected(PhotoSanitizer.Reason reason) {
		return new Inbound.Said(new Input.RejectedPhoto(reason.messageKey()));
	}

	private static String language(User from) {
		String code = from == null ? null : from.getLanguageCode();
		return code == null || code.isBlank() || code.length() > 35 ? null : code;
	}

	private static int nonNegative(Integer value) {
		return value == null ? 0 : Math.max(0, value);
	}

}
