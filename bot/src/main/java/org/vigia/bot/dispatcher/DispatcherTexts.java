package org.vigia.bot.dispatcher;

import org.vigia.core.messaging.MenuItem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;


import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Choice.DispatcherAction.Action;
import org.vigia.bot.messages.Texts;
import org.vigia.bot.scene.Scene;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.bot.scene.Scenes;
import org.vigia.core.chat.Text;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverStore;

/**
 * What dispatchers read about a scene, in their language: which scene in words (what and where), its state in
 * words, how many reports, who is on the way (by the names observers chose), and the buttons they may use.
 * Never an internal id or a program constant. Thread-safe.
 */
public final class DispatcherTexts {

	private final Scenes scenes;

	private final SceneTexts words;

	private final ObserverStore observers;

	public DispatcherTexts(Scenes scenes, SceneTexts words, ObserverStore observers) {
		this.scenes = scenes;
		this.words = words;
		this.observers = observers;
	}

	/** The network's zone, for times and dates. */
	public java.time.ZoneId zone() {
		return words.zone();
	}

	/** One item of /incidents. */
	public String item(Incident incident, String language) {
		Scene scene = scenes.of(incident);
		return words.drillMarker(incident, language) + words.render(Text.of("dispatcher.incidents.item", words.title(incident), words.place(scene.place()),
				Text.of("scene.reports", scene.reports().count()), words.stateShort(incident),
				words.observers(incident), going(incident, language), words.time(scene.reports().firstSeen())), language);
	}

	/** The names observers chose, of those on the way, or "nobody yet". */
	private Object going(Incident incident, String language) {
		List<String> names = incident.dispatch().going().stream().map(observers::find).flatMap(Optional::stream)
			.map(Observer::alias).sorted().toList();
		return names.isEmpty() ? Text.of("dispatcher.nobodyGoing") : String.join(", ", names);
	}

	/** What a dispatcher's decision did, in words. */
	public String done(Incident incident, String language) {
		Scene scene = scenes.of(incident);
		String key = switch (incident.state()) {
			case CONFIRMED, PUBLISHED -> "dispatcher.done.confirmed";
			case NOT_ICE -> "dispatcher.done.notIce";
			default -> "dispatcher.done.ended";
		};
		return words.drillMarker(incident, language) + words.render(Text.of(key, words.what(incident), words.where(scene.place())), language);
	}

	/** The surge warning: a possible false-report flood at this scene. */
	public String surge(Incident incident, Instant now, String language) {
		Scene scene = scenes.of(incident);
		long minutes = Math.max(1, java.time.Duration.between(incident.openedAt(), now).toMinutes());
		return words.drillMarker(incident, language) + words.render(Text.of("dispatcher.surge", incident.reports().size(), words.what(incident),
				words.where(scene.place()), minutes), language);
	}

	/** The dispute warning: later observers disagree with a confirmed scene. */
	public String disputed(Incident incident, String language) {
		Scene scene = scenes.of(incident);
		Instant confirmedAt = incident.history().stream().filter(e -> e.transition() && e.to() == IncidentState.CONFIRMED)
			.map(IncidentEvent::at).findFirst().orElse(incident.openedAt());
		List<Verdict> later = incident.verdicts().stream()
			.filter(v -> v.at().isAfter(confirmedAt) && v.kind() != VerdictKind.ICE_CONFIRMED).toList();
		return words.drillMarker(incident, language) + words.render(Text.of("dispatcher.disputed", words.what(incident), words.where(scene.place()),
				words.time(confirmedAt), words.answerList(later).orElse(Text.of("plain", "-"))), language);
	}

	/** The buttons for a scene in this state: confirm or reject while unverified; correct or end once confirmed. */
	public List<List<MenuItem>> actions(Incident incident, String language) {
		List<MenuItem> row = incident.state().unverified()
				? List.of(button(incident, Action.CONFIRM, "dispatcher.confirm", language),
						button(incident, Action.NOT_ICE, "dispatcher.reject", language))
				: incident.state().open() ? List.of(button(incident, Action.NOT_ICE, "dispatcher.correct", language),
						button(incident, Action.END, "dispatcher.end", language)) : List.of();
		return row.isEmpty() ? List.of() : List.of(row);
	}

	private MenuItem button(Incident incident, Action action, String key, String language) {
		return MenuItem.of(Texts.plain(words.render(Text.of(key), language)),
				new Choice.DispatcherAction(incident.id().value(), action).value());
	}

}
