package org.vigia.bot.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.photo.PhotoSanitizer;
import org.vigia.bot.telegram.TelegramFiles;
import org.vigia.store.Eventually;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.StoreUnavailableException;
import org.vigia.core.chat.Input;
import org.vigia.core.chat.Places;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.ReportDraft;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.ReportIntake;
import org.vigia.core.chat.Turn;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;

/**
 * What residents do in their private chat: the guided report, /check, and the outcome they asked for.
 *
 * <p>The report conversation itself is core's {@link ReportFlow}; this class feeds it what Telegram
 * delivered (button presses, typed text, locations, photos), keeps its draft in {@link Conversations}, and
 * submits it through {@link ReportIntake}. A press on a button of an older question is answered "no longer
 * active" and changes nothing. Nothing about the resident is logged or kept beyond the conversation, except
 * the chat id of one who asked to hear the outcome, for as long as the incident may last.
 */
public final class ResidentDesk {

	private static final Logger log = LoggerFactory.getLogger(ResidentDesk.class);

	static final String PREFIX = "r";

	/**
	 * Report counts of one unverified scene at which dispatchers are alerted: a crowd of new accounts
	 * reporting the same scene is the shape of a false-report flood (each count is reached exactly once,
	 * since joins are serialised by the incident's compare-and-set).
	 */
	static final java.util.Set<Integer> SURGE_THRESHOLDS = java.util.Set.of(10, 50, 200, 500, 1000);

	private final Conversations conversations;

	private final Replies replies;

	private final ReportFlow flow;

	private final Places places;

	private final ReportIntake intake;

	private final Verification verification;

	private final RedisChatState state;

	private final RedisIncidentStore incidents;

	private final Pseudonyms pseudonyms;

	private final PhotoSanitizer photos;

	private final TelegramFiles files;

	private final VigiaSettings settings;

	private final java.time.ZoneId zone;

	private final org.vigia.store.RedisStats stats;

	public ResidentDesk(Conversations conversations, Replies replies, Places places, ReportIntake intake,
			Verification verification, RedisChatState state, RedisIncidentStore incidents, Pseudonyms pseudonyms,
			PhotoSanitizer photos, TelegramFiles files, VigiaSettings settings, java.time.ZoneId zone,
			org.vigia.store.RedisStats stats) {
		this.stats = stats;
		this.conversations = conversations;
		this.replies = replies;
		this.places = places;
		this.flow = new ReportFlow(places);
		this.intake = intake;
		this.verification = verification;
		this.state = state;
		this.incidents = incidents;
		this.pseudonyms = pseudonyms;
		this.photos = photos;
		this.files = files;
		this.settings = settings;
		this.zone = zone;
	}

	/** /report: a new draft and its first question, or, to a resident over the rate limit, when to try again. */
	public void startReport(long chat, String language) {
		var limit = intake.mayStart(pseudonyms.of(chat));
		if (!limit.allowed()) {
			replies.say(chat, language, "rate.limited", replies.hotline(), retryTime(limit.retryAt()));
			return;
		}
		Turn turn = flow.start(language);
		conversations.save(chat, new State(Mode.REPORT, language, turn.draft(), null));
		show(chat, turn);
	}

	/** A button of the report flow: {@code turn:value}. */
	public void press(long chat, String callbackId, String language, String data, State current) {
		String[] parts = data.split(":", 2);
		if (current == null || current.mode() != Mode.REPORT || parts.length != 2
				|| !parts[0].equals(Integer.toString(current.draft().turn()))) {
			replies.answer(callbackId, chat, language, "button.stale");
			return;
		}
		replies.answer(callbackId, chat, language, null);
		advance(chat, current, new Input.Choice(parts[1].length() > 24 ? "invalid" : parts[1]));
	}

	/** Text, a location or a photo sent while a report is being written. */
	public void message(long chat, Message message, State current) {
		Input input;
		if (message.hasLocation() || message.getVenue() != null) {
			// a place that is nowhere on Earth is not an answer: the question is asked again
			input = UpdateChats.point(message).<Input>map(Input.Location::new).orElse(new Input.Typed(""));
		}
		else if (message.hasPhoto() || message.hasDocument()) {
			input = current.draft().step() == org.vigia.core.chat.ReportStep.PHOTO ? photo(message)
					: new Input.Typed("");
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
		advance(chat, current, input);
	}

	private void advance(long chat, State current, Input input) {
		Turn turn = flow.next(current.draft(), input);
		switch (turn.status()) {
			case CONTINUE -> {
				conversations.save(chat, new State(Mode.REPORT, current.language(), turn.draft(), null));
				show(chat, turn);
			}
			case CANCELLED -> {
				conversations.end(chat);
				show(chat, turn);
			}
			case SUBMIT, SUBMIT_AND_FOLLOW -> submit(chat, turn, turn.status() == Turn.Status.SUBMIT_AND_FOLLOW);
		}
	}

	private void submit(long chat, Turn turn, boolean follow) {
		ReportDraft draft = turn.draft();
		ReportIntake.Outcome outcome;
		try {
			outcome = intake.submit(draft, pseudonyms.of(chat));
		}
		catch (StoreUnavailableException | IllegalStateException ex) {
			// Redis unreachable, or the incident kept changing under sustained contention: the resident is
			// told to call the hotline rather than left without an answer; the draft stays for a retry
			log.warn("Could not save a report: {}", ex.getClass().getSimpleName());
			replies.say(chat, draft.language(), "store.unavailable", replies.hotline());
			return;
		}
		if (outcome instanceof ReportIntake.Outcome.RateLimited limited) {
			conversations.end(chat);
			replies.say(chat, draft.language(), "rate.limited", replies.hotline(), retryTime(limited.retryAt()));
			return;
		}
		// the report is saved: from here on the resident is thanked whatever Redis does next, and what
		// Redis misses now is written when it is back, or done by the recovery sweep (dispatch, deadline)
		var accepted = (ReportIntake.Outcome.Accepted) outcome;
		Incident incident = accepted.placement().incident();
		show(chat, turn);
		Eventually.store("the end of a conversation", () -> conversations.end(chat));
		if (follow) {
			Eventually.store("a resident who asked to hear the outcome",
					() -> state.follow(incident.id(), chat, draft.language(), settings.retention().open()));
		}
		stats.count("reports");
		try {
			if (accepted.placement().opened()) {
				verification.opened(incident);
			}
			else if (SURGE_THRESHOLDS.contains(incident.reports().size()) && incident.state().unverified()) {
				verification.surge(incident);
			}
			else if (incident.state().unverified()) {
				verification.dispatchWave(incident.id());
			}
		}
		catch (StoreUnavailableException ex) {
			log.warn("Redis unavailable after a report was saved: its incident is dispatched when Redis is back");
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
	private String retryTime(java.time.Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at.plusSeconds(59).atZone(zone));
	}

	private static int nonNegative(Integer value) {
		return value == null ? 0 : Math.max(0, value);
	}

	private void show(long chat, Turn turn) {
		boolean last = turn.status() != Turn.Status.CONTINUE;
		for (Prompt p : turn.prompts()) {
			replies.prompt(chat, p, turn.draft().language(), PREFIX, turn.draft().turn(), last);
		}
	}

	// ---- /check ---------------------------------------------------------------------------------

	/** /check: asks where. */
	public void startCheck(long chat, String language) {
		conversations.save(chat, new State(Mode.CHECK, language, null, null));
		var keyboard = org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup.builder()
			.keyboardRow(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow(
					List.of(org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton.builder()
						.text(replies.texts().render("report.where.shareLocation", language))
						.requestLocation(true)
						.build())))
			.resizeKeyboard(true)
			.oneTimeKeyboard(true)
			.build();
		replies.say(chat, language, keyboard, "check.ask");
	}

	/** The location for /check: what is verified within 1 km in the last hours. */
	public void check(long chat, String language, GeoPoint where) {
		conversations.end(chat);
		Duration horizon = settings.deadlines().publishedEnd();
		var remove = org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove.builder()
			.removeKeyboard(true).build();
		Optional<Incident> verified = incidents.open().stream()
			.filter(i -> i.state() == IncidentState.PUBLISHED || i.state() == IncidentState.CONFIRMED
					|| i.state() == IncidentState.NOT_ICE || i.state() == IncidentState.ENDED)
			.filter(i -> i.center().metersTo(where) <= 1_000)
			.max(Comparator.comparing(IncidentLifecycle::lastConfirmedAt));
		if (verified.isEmpty()) {
			replies.say(chat, language, remove, "check.nothing", horizon.toHours());
			return;
		}
		Incident i = verified.get();
		String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(
				IncidentLifecycle.lastConfirmedAt(i).atZone(zone));
		if (i.state() == IncidentState.NOT_ICE) {
			replies.say(chat, language, remove, "check.notIce", at);
			return;
		}
		var ended = i.state() == IncidentState.ENDED ? org.vigia.core.chat.Text.of("check.confirmed.ended",
				java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(
						i.history().get(i.history().size() - 1).at().atZone(zone))) : org.vigia.core.chat.Text.of("plain", "");
		replies.say(chat, language, remove, "check.confirmed", org.vigia.core.chat.Text.of(
				org.vigia.bot.channel.Publisher.kindKey(i)), at, ended);
	}

}
