package org.vigia.bot.accompany;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.vigia.bot.chat.Conversations;
import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Texts;
import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanierStore;
import org.vigia.core.accompany.SensitiveText;
import org.vigia.core.chat.ReportIntake;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.accompany.AccompanierInvites;

/**
 * How a trained volunteer becomes an accompanier: a coordinator's {@code /invite accompany} gives a single-use
 * code with the accompaniment role; {@code /join CODE} shows the consent text, then the volunteer picks the
 * languages they speak and the places they can reach (buttons that toggle, the message edited in place), then
 * the name people will be told. Nothing is stored before the last step, where the code is used up; a name that
 * looks like a phone number or is too short or long is asked again.
 */
final class Signup {

	/** How long an accompanier invite is valid. */
	static final Duration INVITE_VALID = Duration.ofHours(48);

	static final int MIN_NAME = 2, MAX_NAME = 32;

	private final Conversations conversations;

	private final AccompanierInvites invites;

	private final AccompanierStore accompaniers;

	private final Picks picks;

	private final Matchmaker matchmaker;

	private final Audience audience;

	Signup(Conversations conversations, AccompanierInvites invites, AccompanierStore accompaniers,
			Matchmaker matchmaker, Audience audience) {
		this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
		this.invites = Objects.requireNonNull(invites, "invites must not be null");
		this.accompaniers = Objects.requireNonNull(accompaniers, "accompaniers must not be null");
		this.matchmaker = Objects.requireNonNull(matchmaker, "matchmaker must not be null");
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
		this.picks = new Picks(audience);
	}

	/** {@code /invite accompany}, for coordinators only. */
	void invite(Address chat, String language) {
		var replies = audience.replies();
		if (!audience.isCoordinator(chat)) {
			replies.say(chat, language, "dispatcher.only");
			return;
		}
		String code = invites.create("bot-dispatcher", INVITE_VALID);
		ZonedDateTime expires = audience.clock().instant().plus(INVITE_VALID).atZone(audience.settings().zone());
		Locale locale = Texts.locale(language);
		replies.say(chat, language, "accompany.invite", code,
				DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", locale).format(expires));
	}

	/** {@code /join CODE} with an accompanier's code: false if it is not one (an observer's code, or none). */
	boolean join(Address chat, String language, String argument) {
		String code = argument == null ? "" : argument.strip().toUpperCase(Locale.ROOT);
		if (!invites.exists(code)) {
			return false;
		}
		var replies = audience.replies();
		if (accompaniers.byAddress(chat).isPresent()) {
			replies.say(chat, language, "accompany.signup.already");
			return true;
		}
		conversations.save(chat, State.signup(Mode.ACCOMPANIER_JOIN, language, code, List.of()));
		replies.say(chat, language, List.of(List.of(
				replies.option(language, "accompany.signup.agree", new Choice.SignupAnswer("y").value()),
				replies.option(language, "accompany.signup.decline", new Choice.SignupAnswer("n").value()))),
				"accompany.signup.consent");
		return true;
	}

	void press(Address chat, Inbound press, String language, Choice.SignupAnswer answer, State current) {
		var replies = audience.replies();
		String option = answer.option();
		Mode mode = current == null ? null : current.mode();
		if (mode == Mode.ACCOMPANIER_JOIN && (option.equals("y") || option.equals("n"))) {
			replies.answer(press, language, null);
			if (option.equals("n")) {
				conversations.end(chat);
				replies.say(chat, language, "accompany.signup.declined");
				return;
			}
			next(chat, language, current, Mode.ACCOMPANIER_LANGUAGES, current.chosen());
		}
		else if (picks.offers(mode, option)) {
			replies.answer(press, language, null);
			var chosen = new LinkedHashSet<>(current.chosen());
			if (!chosen.remove(option)) {
				chosen.add(option);
			}
			var state = State.signup(mode, language, current.code(), List.copyOf(chosen));
			conversations.save(chat, state);
			if (press.quotes() != null) {
				replies.messenger().edit(new SentRef(chat, press.quotes(), audience.clock().instant()),
						picks.list(language, state), Messenger.Urgency.NORMAL);
			}
			else {
				replies.send(chat, picks.list(language, state), Messenger.Urgency.NORMAL);
			}
		}
		else if (option.equals("done") && (mode == Mode.ACCOMPANIER_LANGUAGES || mode == Mode.ACCOMPANIER_PLACES)) {
			if (!picks.pickedAny(mode, current.chosen())) {
				replies.answer(press, language, "accompany.signup.pickOne");
				return;
			}
			replies.answer(press, language, null);
			next(chat, language, current,
					mode == Mode.ACCOMPANIER_LANGUAGES ? Mode.ACCOMPANIER_PLACES : Mode.ACCOMPANIER_NAME, current.chosen());
		}
		else if (option.equals("name") && mode == Mode.ACCOMPANIER_NAME) {
			replies.answer(press, language, null);
			finish(chat, language, suggestion(current.code()), current);
		}
		else {
			replies.answer(press, language, "button.stale");
		}
	}

	/** Text typed while choosing the name; false if the chat is not choosing one. */
	boolean name(Address chat, String language, Inbound input, State current) {
		if (current == null || current.mode() != Mode.ACCOMPANIER_NAME) {
			return false;
		}
		String typed = input.content() instanceof Inbound.Said s && s.input() instanceof org.vigia.core.chat.Input.Typed t
				? t.text().strip() : "";
		int length = typed.codePointCount(0, typed.length());
		if (length < MIN_NAME || length > MAX_NAME || SensitiveText.find(typed).isPresent()
				|| typed.chars().anyMatch(Character::isISOControl)) {
			askName(chat, language, current.code(), "accompany.signup.name.invalid");
			return true;
		}
		finish(chat, language, typed, current);
		return true;
	}

	private void next(Address chat, String language, State current, Mode mode, List<String> chosen) {
		var state = State.signup(mode, language, current.code(), chosen);
		conversations.save(chat, state);
		if (mode == Mode.ACCOMPANIER_NAME) {
			askName(chat, language, current.code(), "accompany.signup.name.ask");
		}
		else {
			audience.replies().send(chat, picks.list(language, state), Messenger.Urgency.NORMAL);
		}
	}

	private void askName(Address chat, String language, String code, String key) {
		var replies = audience.replies();
		replies.say(chat, language, List.of(List.of(replies.option(language, "accompany.signup.name.suggestion",
				new Choice.SignupAnswer("name").value(), suggestion(code)))), key, MIN_NAME, MAX_NAME);
	}

	/** A friendly name from the code, for volunteers who would rather not give one. */
	static String suggestion(String code) {
		List<String> words = List.of("Ceiba", "Colibrí", "Quetzal", "Jaguar", "Cóndor", "Garza", "Tucán", "Ocelote");
		int h = Math.floorMod(code.hashCode(), words.size() * 90);
		return words.get(h % words.size()) + " " + (10 + h / words.size());
	}

	private void finish(Address chat, String language, String name, State current) {
		var replies = audience.replies();
		conversations.end(chat);
		if (!invites.redeem(current.code())) {
			replies.say(chat, language, "accompany.signup.invalid");
			return;
		}
		var accompanier = new Accompanier(new AccompanierId(ReportIntake.randomId().value()), name,
				Picks.languages(current.chosen()), Picks.places(current.chosen()), chat);
		accompaniers.save(accompanier);
		audience.remember(chat, language, audience.clock().instant().plus(Duration.ofDays(90)));
		replies.say(chat, language, "accompany.signup.done", name);
		matchmaker.offerUpcoming(accompanier);
	}

}
