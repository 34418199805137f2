package org.vigia.bot.chat;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.photo.PhotoSanitizer;
import org.vigia.core.chat.Input;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.chat.ChatStates;

/**
 * A resident's photo, taken in: fetched through the messenger, re-encoded without metadata by the sanitizer,
 * and kept for as long as an open incident is; or the reason it was refused. Thread-safe.
 */
public final class PhotoIntake {

	private static final Logger log = LoggerFactory.getLogger(PhotoIntake.class);

	private final Messenger messenger;

	private final PhotoSanitizer sanitizer;

	private final ChatStates state;

	private final VigiaSettings settings;

	public PhotoIntake(Messenger messenger, PhotoSanitizer sanitizer, ChatStates state, VigiaSettings settings) {
		this.messenger = messenger;
		this.sanitizer = sanitizer;
		this.state = state;
		this.settings = settings;
	}

	/**
	 * Fetches, checks and re-encodes a photo. Nothing of the file is kept unless it comes out of the sanitizer
	 * clean.
	 */
	Input take(Address from, Inbound.Photo photo) {
		int limit = PhotoSanitizer.Limits.DEFAULTS.maxBytes();
		try {
			Optional<byte[]> bytes = messenger.download(from, photo.handle(), limit);
			if (bytes.isEmpty()) {
				return new Input.RejectedPhoto(PhotoSanitizer.Reason.TOO_LARGE.messageKey());
			}
			PhotoSanitizer.Result result = sanitizer.sanitize(bytes.get());
			if (result instanceof PhotoSanitizer.Result.Clean clean) {
				return new Input.Photo(state.photo(clean.jpeg(), settings.retention().open()));
			}
			return new Input.RejectedPhoto(((PhotoSanitizer.Result.Refused) result).reason().messageKey());
		}
		catch (IOException | RuntimeException ex) {
			// the message names what failed, never the file's address (it may hold a token)
			log.warn("Could not fetch a photo: {}", ex.getClass().getSimpleName());
			return new Input.RejectedPhoto("report.photo.failed");
		}
	}

}
