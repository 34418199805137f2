package org.vigia.bot.accompany;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Texts;
import org.vigia.core.accompany.Venue;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Outbound;

/**
 * The two lists a joining accompanier picks from: the languages they speak ({@code lang:es}) and the places they
 * reach ({@code place:key}, and {@link Venue#ELSEWHERE} for addresses people type). Each item toggles, with a tick
 * when picked; only the items of the list being shown are accepted.
 */
final class Picks {

	private static final String LANG = "lang:", PLACE = "place:";

	private final Audience audience;

	Picks(Audience audience) {
		this.audience = audience;
	}

	/** Whether {@code option} is an item of the list shown in this mode. */
	boolean offers(Mode mode, String option) {
		if (mode == Mode.ACCOMPANIER_LANGUAGES && option.startsWith(LANG)) {
			return audience.settings().languages().contains(option.substring(LANG.length()));
		}
		return mode == Mode.ACCOMPANIER_PLACES && option.startsWith(PLACE)
				&& placeKeys().contains(option.substring(PLACE.length()));
	}

	/** Whether at least one item of the list shown in this mode was picked. */
	boolean pickedAny(Mode mode, List<String> chosen) {
		String prefix = mode == Mode.ACCOMPANIER_LANGUAGES ? LANG : PLACE;
		return chosen.stream().anyMatch(c -> c.startsWith(prefix));
	}

	static Set<String> languages(List<String> chosen) {
		return of(chosen, LANG);
	}

	static Set<String> places(List<String> chosen) {
		return of(chosen, PLACE);
	}

	/** The languages or the places, each with a tick when picked, and "done". */
	Outbound list(String language, State state) {
		var replies = audience.replies();
		var rows = new ArrayList<List<MenuItem>>();
		boolean langs = state.mode() == Mode.ACCOMPANIER_LANGUAGES;
		if (langs) {
			for (String l : audience.settings().languages()) {
				rows.add(List.of(toggle(state, LANG + l, replies.texts().render("accompany.language." + l, language))));
			}
		}
		else {
			for (var p : audience.places().all()) {
				rows.add(List.of(toggle(state, PLACE + p.key(), Texts.escape(p.place().name()))));
			}
			rows.add(List.of(toggle(state, PLACE + Venue.ELSEWHERE,
					replies.texts().render("accompany.signup.elsewhere", language))));
		}
		rows.add(List.of(replies.option(language, "accompany.signup.finishList", new Choice.SignupAnswer("done").value())));
		return replies.message(language, langs ? "accompany.signup.languages" : "accompany.signup.places").withRows(rows);
	}

	private static MenuItem toggle(State state, String option, String labelHtml) {
		boolean on = state.chosen().contains(option);
		return MenuItem.of((on ? "✅ " : "▫️ ") + Texts.plain(labelHtml), new Choice.SignupAnswer(option).value());
	}

	private Set<String> placeKeys() {
		var keys = new LinkedHashSet<String>();
		audience.places().all().forEach(p -> keys.add(p.key()));
		keys.add(Venue.ELSEWHERE);
		return keys;
	}

	private static Set<String> of(List<String> chosen, String prefix) {
		var found = new LinkedHashSet<String>();
		chosen.stream().filter(c -> c.startsWith(prefix)).forEach(c -> found.add(c.substring(prefix.length())));
		return found;
	}

}
