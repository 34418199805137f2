package org.vigia.bot.chat;

import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.photo.PhotoSanitizer;
import org.vigia.bot.telegram.TelegramFiles;
import org.vigia.store.Eventually;
import org.vigia.store.RedisChatState;
import org.vigia.core.chat.Input;
import org.vigia.core.chat.Places;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.ReportStep;
import org.vigia.core.chat.Turn;
import org.vigia.core.config.VigiaSettings;

/**
 * The guided report in a resident's private chat.
 *
 * <p>The report conversation itself is core's {@link ReportFlow}; this class feeds it what Telegram
 * delivered (button presses, typed text, locations and venues, photos), keeps its draft in
 * {@link Conversations}, shows its one message per step, and hands a confirmed draft to
 * {@link ReportSubmission}. A press on a button of an older question is answered "no longer active" and
 * changes nothing.
 *
 * <p>Design note: a button press that stays on the same question (a uniform tapped, a forged value
 * explained) edits that question in place: the conversation remembers the id of the message showing its
 * question once Telegram has taken it (a messenger without callbacks that name their message needs that),
 * and a tap faster than that edits the message Telegram says the button was on. Every other step is one new
 * message, below whatever the resident sent; the last answer (thanks, cancelled) replaces the question whose
 * button ended the report, so no stale buttons are left. Nothing about the resident is logged or kept beyond
 * the conversation.
 */
public final class ResidentDesk {

	private static final Logger log = LoggerFactory.getLogger(ResidentDesk.class);

	static final String PREFIX = "r";

	private final Conversations conversations;

	private final Replies replies;

	private final ReportFlow flow;

	private final ReportSubmission submission;

	private final RedisChatState state;

	private final PhotoSanitizer photos;

	private final TelegramFiles files;

	private final VigiaSettings settings;

	public ResidentDesk(Conversations conversations, Replies replies, Places places, ReportSubmission submission,
			RedisChatState state, PhotoSanitizer photos, TelegramFiles files, VigiaSettings settings) {
		this.conversations = conversations;
		this.replies = replies;
		this.flow = new ReportFlow(places);
		this.submission = submission;
		this.state = state;
		this.photos = photos;
		this.files = files;
		this.settings = settings;
	}

	/** /report: a new draft and its first question, or, to a resident over the rate limit, when to try again. */
	public void startReport(long chat, String language) {
		Optional<Prompt> refused = submission.refusal(chat);
		if (refused.isPresent()) {
			replies.prompt(chat, refused.get(), language, PREFIX, 0, false);
			return;
		}
		Turn turn = flow.start(language);
		conversations.save(chat, new State(Mode.REPORT, language, turn.draft(), null));
		send(chat, turn);
	}

	/**
	 * A button of the report flow: {@code turn:value}.
	 *
	 * @param pressedOn the message the button was on, as the messenger says (Telegram does), or null
	 */
	public void press(long chat, String callbackId, String language, String data, State current, Integer pressedOn) {
		String[] parts = data.split(":", 2);
		if (current == null || current.mode() != Mode.REPORT || parts.length != 2
				|| !parts[0].equals(Integer.toString(current.draft().turn()))) {
			replies.answer(callbackId, chat, language, "button.stale");
			return;
		}
		replies.answer(callbackId, chat, language, null);
		// the question's message as the conversation remembers it; until Telegram's answer with its id has been
		// remembered (a tap faster than that), the message the button was on
		Integer question = current.question() != null ? current.question() : pressedOn;
		advance(chat, current, new Input.Choice(parts[1].length() > 24 ? "invalid" : parts[1]), question);
	}

	/** Text, a location or venue, or a photo sent while a report is being written. */
	public void message(long chat, Message message, State current) {
		Input input;
		if (message.hasLocation() || message.getVenue() != null) {
			// a place that is nowhere on Earth is not an answer: the question is asked again
			input = UpdateChats.place(message).<Input>map(l -> l).orElse(new Input.Typed(""));
		}
		else if (message.hasPhoto() || message.hasDocument()) {
			input = current.draft().step() == ReportStep.PHOTO ? photo(message) : new Input.Typed("");
		}
		else if (message.hasText()) {
			Prompt question = flow.question(current.draft());
			// a reply keyboard sends its label as text: map it back to the option
			input = question.askLocation()
					? replies.renderer().optionForText(question, current.language(), message.getText())
						.<Input>map(o -> new Input.Choice(o.value()))
						.orElse(new Input.Typed(message.getText()))
					: new Input.Typed(message.getText());
		}
		else {
			input = new Input.Typed("");
		}
		advance(chat, current, input, null);
	}

	/**
	 * @param shown the message showing the current question, when the input was a press on its buttons (that
	 * message may then be edited instead of sending a new one); null otherwise
	 */
	private void advance(long chat, State current, Input input, Integer shown) {
		Turn turn = flow.next(current.draft(), input);
		switch (turn.status()) {
			case CONTINUE -> {
				Prompt next = turn.prompts().get(0);
				boolean inPlace = shown != null && turn.draft().step() == current.draft().step() && !next.askLocation();
				conversations.save(chat, new State(Mode.REPORT, current.language(), turn.draft(), null,
						inPlace ? shown : null));
				if (inPlace) {
					replies.edit(chat, shown, next, turn.draft().language(), PREFIX, turn.draft().turn());
				}
				else {
					send(chat, turn);
				}
			}
			case CANCELLED -> {
				conversations.end(chat);
				finish(chat, turn.prompts().get(0), turn.draft().language(), shown);
			}
			case SUBMIT, SUBMIT_AND_FOLLOW -> {
				ReportSubmission.Answer answer = submission.submit(chat, turn.draft(),
						turn.status() == Turn.Status.SUBMIT_AND_FOLLOW);
				if (answer.done()) {
					Eventually.store("the end of a conversation", () -> conversations.end(chat));
					finish(chat, answer.prompt(), turn.draft().language(), shown);
				}
				else {
					// not saved: the summary and its buttons stay, for another try
					replies.prompt(chat, answer.prompt(), turn.draft().language(), PREFIX, turn.draft().turn(), false);
				}
			}
		}
	}

	/** Sends the turn's question as a new message and remembers its id, for edits in place. */
	private void send(long chat, Turn turn) {
		int turnNumber = turn.draft().turn();
		replies.prompt(chat, turn.prompts().get(0), turn.draft().language(), PREFIX, turnNumber, false)
			.thenAccept(sent -> Eventually.store("the message of a question",
					() -> conversations.remember(chat, turnNumber, sent.getMessageId())));
	}

	/** The last message of a conversation: in place of the question whose button ended it, if pressed. */
	private void finish(long chat, Prompt last, String language, Integer shown) {
		if (shown != null) {
			replies.edit(chat, shown, last, language, PREFIX, 0);
		}
		else {
			replies.prompt(chat, last, language, PREFIX, 0, true);
		}
	}

	/**
	 * Fetches, checks and re-encodes a photo or an image document. Telegram sends a photo in several sizes:
	 * the largest one that is not declared over the limit is taken, so a huge original still arrives as its
	 * smaller copy. Nothing of the file is kept unless it comes out of the sanitizer clean.
	 */
	private Input photo(Message message) {
		int limit = PhotoSanitizer.Limits.DEFAULTS.maxBytes();
		String fileId;
		if (message.hasPhoto()) {
			Optional<PhotoSize> fitting = message.getPhoto().stream()
				.filter(p -> p.getFileSize() == null || p.getFileSize() <= limit)
				.max(Comparator.comparingLong(p -> p.getFileSize() == null
						? (long) nonNegative(p.getWidth()) * nonNegative(p.getHeight()) : p.getFileSize()));
			if (fitting.isEmpty()) {
				return new Input.RejectedPhoto(PhotoSanitizer.Reason.TOO_LARGE.messageKey());
			}
			fileId = fitting.get().getFileId();
		}
		else {
			var document = message.getDocument();
			String mime = document.getMimeType();
			if (mime == null || !mime.startsWith("image/")) {
				return new Input.RejectedPhoto(PhotoSanitizer.Reason.NOT_AN_IMAGE.messageKey());
			}
			if (document.getFileSize() != null && document.getFileSize() > limit) {
				return new Input.RejectedPhoto(PhotoSanitizer.Reason.TOO_LARGE.messageKey());
			}
			fileId = document.getFileId();
		}
		try {
			TelegramFiles.Download download = files.fetch(fileId, limit);
			if (!(download instanceof TelegramFiles.Download.Fetched fetched)) {
				return new Input.RejectedPhoto(PhotoSanitizer.Reason.TOO_LARGE.messageKey());
			}
			PhotoSanitizer.Result result = photos.sanitize(fetched.bytes());
			if (result instanceof PhotoSanitizer.Result.Clean clean) {
				return new Input.Photo(state.photo(clean.jpeg(), settings.retention().open()));
			}
			return new Input.RejectedPhoto(((PhotoSanitizer.Result.Refused) result).reason().messageKey());
		}
		catch (IOException | RuntimeException ex) {
			// the message names what failed, never the file's address (it holds the token)
			log.warn("Could not fetch a photo: {}", ex.getClass().getSimpleName());
			return new Input.RejectedPhoto("report.photo.failed");
		}
	}

	/** When a refused resident may report again, as the clock on their wall says it. */
	private static int nonNegative(Integer value) {
		return value == null ? 0 : Math.max(0, value);
	}

}
