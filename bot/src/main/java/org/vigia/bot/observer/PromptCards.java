package org.vigia.bot.observer;

import org.vigia.core.messaging.MenuItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import org.vigia.bot.scene.Scene;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.core.chat.Text;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.Observer;

/**
 * What an observer's two messages about a scene say now, and which buttons they carry: the "Can you go and
 * check?" ({@link PromptButtons.Kind#ASK}) and, once they said they are going, the "What did you see?"
 * ({@link PromptButtons.Kind#VERDICT}). Both show the scene as it is: what residents describe, where in words
 * and how far from the observer, a surge warning, the other observers' answers, and the state in words; a
 * closed scene has no buttons. Pure rendering: nothing is sent or stored here. Thread-safe.
 */
final class PromptCards {

	/** A message's text (the bundles' markup) and its options (empty: none). */
	record Card(String html, List<List<MenuItem>> keyboard) {
	}

	private final SceneTexts words;

	private final PromptButtons buttons;

	PromptCards(SceneTexts words, PromptButtons buttons) {
		this.words = words;
		this.buttons = buttons;
	}

	SceneTexts words() {
		return words;
	}

	/** The "Can you go and check?"; once answered, a short line that points to what follows. */
	Card ask(Scene scene, Observer observer, Optional<GeoPoint> position) {
		Incident incident = scene.incident();
		String language = observer.language();
		boolean going = incident.dispatch().going().contains(observer.id()) || incident.answeredBy(observer.id());
		if (going || incident.dispatch().declined().contains(observer.id())) {
			String key = going ? "observer.ask.going" : "observer.ask.cant";
			return new Card(words.render(Text.of(key, words.what(incident), words.where(scene.place())), language), List.of());
		}
		var lines = new ArrayList<String>();
		lines.add(words.render(Text.of("observer.ask.title"), language));
		lines.addAll(body(scene, observer, position));
		boolean open = incident.state().open();
		if (open) {
			lines.add(words.render(Text.of("observer.safety"), language));
		}
		return new Card(String.join("\n", lines),
				open ? buttons.keyboard(PromptButtons.Kind.ASK, observer, incident.id()) : List.of());
	}

	/** The "What did you see?", then the observer's answer and, after an "ICE confirmed", "the agents left". */
	Card verdict(Scene scene, Observer observer, Optional<GeoPoint> position) {
		Incident incident = scene.incident();
		String language = observer.language();
		Optional<Verdict> mine = SceneTexts.verdictOf(incident, observer.id());
		boolean open = incident.state().open();
		var lines = new ArrayList<String>();
		lines.add(words.render(Text.of(mine.isEmpty() && open ? "observer.verdict.title" : "observer.verdict.titleAnswered"),
				language));
		lines.addAll(body(scene, observer, position));
		List<List<MenuItem>> keyboard = List.of();
		if (mine.isPresent()) {
			lines.add(words.render(Text.of("observer.verdict.yours", words.verdict(mine.get().kind())), language));
			boolean live = incident.state() == IncidentState.CONFIRMED || incident.state() == IncidentState.PUBLISHED;
			if (mine.get().kind() == VerdictKind.ICE_CONFIRMED && live) {
				// "with the button below": on Signal, "answering with the option below"
				lines.add(words.texts().render(Text.of("observer.left.ask"), language,
						org.vigia.core.messaging.Address.ofKey(observer.chat()).transport()));
				keyboard = buttons.keyboard(PromptButtons.Kind.LEFT, observer, incident.id());
			}
		}
		else if (open) {
			keyboard = buttons.keyboard(PromptButtons.Kind.VERDICT, observer, incident.id());
		}
		if (open) {
			lines.add(words.render(Text.of("observer.safety"), language));
		}
		return new Card(String.join("\n", lines), keyboard);
	}

	/** The scene: what, where and how far; what residents describe; surge; observers; state. */
	private List<String> body(Scene scene, Observer observer, Optional<GeoPoint> position) {
		Incident incident = scene.incident();
		String language = observer.language();
		var lines = new ArrayList<String>();
		lines.add(words.render(Text.of("observer.scene", words.what(incident), words.where(scene.place()),
				words.fromYou(position, scene.place().pin())), language));
		lines.add("👁 " + words.details(scene.reports(), language));
		lines.add("🕒 " + words.render(words.seen(scene.reports()), language));
		words.notes(scene.reports()).ifPresent(n -> lines.add("📝 " + words.render(n, language)));
		words.surge(incident).ifPresent(s -> lines.add("⚠️ " + words.render(s, language)));
		String observers = words.render(words.observers(incident), language);
		lines.add("👥 " + observers + words.answers(incident).map(a -> " · " + words.render(a, language)).orElse(""));
		words.state(incident).ifPresent(s -> lines.add(words.render(s, language)));
		return lines;
	}

}
