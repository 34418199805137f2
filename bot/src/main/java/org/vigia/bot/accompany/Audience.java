package org.vigia.bot.accompany;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigia.bot.chat.ChatRouter;
import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Choice.Accompaniment.Action;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.messages.Texts;
import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanierStore;
import org.vigia.core.accompany.AccompanyPlaces;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.Venue;
import org.vigia.core.accompany.WhenWords;
import org.vigia.core.chat.Text;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Messenger;
import org.vigia.store.Pseudonyms;
import org.vigia.core.chat.ChatStates;

/**
 * Everyone accompaniment talks to, each in their own language: the person who asked, family contacts,
 * accompaniers, coordinators (the dispatchers). A person's language is the one their chat uses, kept under a
 * keyed hash of their address (as /language keeps it) for as long as the appointment is kept; an accompanier
 * without one is written to in a language they speak; a coordinator in the language they chose, English if none.
 * What an appointment is, where and when, in words for each of them.
 */
final class Audience {

	private final Replies replies;

	private final ChatStates state;

	private final Pseudonyms pseudonyms;

	private final AccompanierStore accompaniers;

	private final AccompanyPlaces places;

	private final AccompanySettings settings;

	private final Clock clock;

	Audience(Replies replies, ChatStates state, Pseudonyms pseudonyms, AccompanierStore accompaniers,
			AccompanyPlaces places, AccompanySettings settings, Clock clock) {
		this.replies = Objects.requireNonNull(replies, "replies must not be null");
		this.state = Objects.requireNonNull(state, "state must not be null");
		this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms must not be null");
		this.accompaniers = Objects.requireNonNull(accompaniers, "accompaniers must not be null");
		this.places = Objects.requireNonNull(places, "places must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	Replies replies() {
		return replies;
	}

	Clock clock() {
		return clock;
	}

	AccompanySettings settings() {
		return settings;
	}

	AccompanyPlaces places() {
		return places;
	}

	boolean isCoordinator(Address who) {
		return settings.coordinators().contains(who);
	}

	/** Keeps the language a person's chat uses until {@code until} (at least a minute). */
	void remember(Address who, String language, Instant until) {
		Duration left = Duration.between(clock.instant(), until);
		state.language(ChatRouter.languageKey(pseudonyms, who), Texts.language(language),
				left.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : left);
	}

	String languageOf(Address who, String fallback) {
		return state.language(ChatRouter.languageKey(pseudonyms, who)).orElse(Texts.language(fallback));
	}

	String languageOf(Accompanier a) {
		return languageOf(a.address(), a.languages().contains("en") || !a.languages().contains("es") ? "en" : "es");
	}

	Optional<Accompanier> accompanier(AccompanierId id) {
		return accompaniers.find(id);
	}

	List<Accompanier> assigned(Appointment a) {
		return a.assigned().stream().map(accompaniers::find).flatMap(Optional::stream).toList();
	}

	/** Sends a bundle text, with options under it if any. */
	void say(Address to, String language, Messenger.Urgency urgency, List<List<MenuItem>> options, String key,
			Object... args) {
		replies.send(to, replies.message(language, key, args).withRows(options), urgency);
	}

	void tellCoordinators(String key, java.util.function.Function<String, Object[]> args) {
		for (Address c : settings.coordinators()) {
			String language = languageOf(c, "en");
			say(c, language, Messenger.Urgency.URGENT, List.of(), key, args.apply(language));
		}
	}

	/** "Thursday, March 5, 2026 at 9:00 AM" in the network's zone. */
	Text when(Appointment a, String language) {
		return WhenWords.words(LocalDateTime.ofInstant(a.request().at(), settings.zone()), Texts.language(language));
	}

	/** The place's name and address as listed, or the address typed. */
	Object where(Appointment a) {
		Venue v = a.request().venue();
		if (!v.isListed()) {
			return v.address();
		}
		return v.address() == null ? v.name() : Text.of("accompany.confirm.listedPlace", v.name(), v.address());
	}

	/** The listed place's arrival advice, as a line of its own, or nothing. */
	Object arrival(Appointment a) {
		Venue v = a.request().venue();
		return places.find(v.served())
			.map(p -> p.place().arrival())
			.filter(s -> s != null && !s.isBlank())
			.<Object>map(s -> Text.of("accompany.arrival", s))
			.orElse("");
	}

	Text kind(Appointment a) {
		return Text.of(org.vigia.core.chat.ReportFlow.key("accompany.kind.", a.request().kind()));
	}

	Text spoken(Appointment a) {
		return Text.of("accompany.language.speak." + a.request().language());
	}

	/** Display names of the assigned accompaniers, for the person ("Ana, Ben"). */
	String names(Appointment a) {
		return String.join(", ", assigned(a).stream().map(Accompanier::displayName).toList());
	}

	Texts.Html legalHelp(String language) {
		return settings.legal().render(replies.texts(), language);
	}

	/** Met, inside, done, detained; and "I can no longer go". */
	List<List<MenuItem>> dayButtons(Appointment a, String language) {
		String id = a.id().value();
		return List.of(
				List.of(replies.option(language, "accompany.day.met", new Choice.Accompaniment(id, Action.MET).value()),
						replies.option(language, "accompany.day.inside", new Choice.Accompaniment(id, Action.INSIDE).value())),
				List.of(replies.option(language, "accompany.day.done", new Choice.Accompaniment(id, Action.DONE).value())),
				List.of(replies.option(language, "accompany.day.detained", new Choice.Accompaniment(id, Action.DETAINED).value())),
				List.of(replies.option(language, "accompany.withdraw", new Choice.Accompaniment(id, Action.WITHDRAW).value())));
	}

}
