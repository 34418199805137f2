package org.vigia.bot.chat;

import org.vigia.bot.messages.Texts;
import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.bot.scene.Scenes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;


import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.chat.Text;
import org.vigia.core.geo.Distances;
import org.vigia.core.chat.Input;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.neighborhood.Neighborhood;

/**
 * Rumor control, /check: "is this true?" for a place (a shared location or venue) or a whole neighborhood
 * (picked from buttons, or typed by name). The answer lists what trained volunteers found there, newest first:
 * agents confirmed (and whether the alert is stale), agents gone, local police, nothing there, or a report
 * nobody could verify in time (said as such); closed outcomes count for as long as they are kept. Unverified
 * reports still being checked are never shown: they are exactly the rumors this is for.
 */
public final class RumorCheck {

	/** How far from a shared place a scene counts as "near there". */
	static final double NEAR_METERS = 1_000;

	/** At most this many scenes in one answer. */
	static final int MOST = 3;

	private final Conversations conversations;

	private final Replies replies;

	private final IncidentStore incidents;

	private final NeighborhoodDirectory neighborhoods;

	private final Scenes scenes;

	private final SceneTexts words;

	private final Duration kept;

	/** @param kept how long closed incidents are kept (the window the answers cover) */
	public RumorCheck(Conversations conversations, Replies replies, IncidentStore incidents,
			NeighborhoodDirectory neighborhoods, Scenes scenes, SceneTexts words, Duration kept) {
		this.conversations = conversations;
		this.replies = replies;
		this.incidents = incidents;
		this.neighborhoods = neighborhoods;
		this.scenes = scenes;
		this.words = words;
		this.kept = kept;
	}

	/** /check: asks where, with the location button and "pick a neighborhood". */
	public void start(Address chat, String language) {
		conversations.save(chat, new State(Mode.CHECK, language, null, null));
		replies.send(chat, replies.message(chat, language, "check.ask")
			.withRow(List.of(MenuItem.of(label("report.where.pickNeighborhood", language), Choice.CheckPlace.pick().value())))
			.askingPlace(label("report.where.shareLocation", language)), Messenger.Urgency.NORMAL);
	}

	/** What a person in a /check sends: a place, "pick a neighborhood", a neighborhood's name, or else. */
	public void message(Address chat, String language, Inbound message) {
		Input said = message.content() instanceof Inbound.Said s ? s.input() : null;
		if (said instanceof Input.Location place) {
			near(chat, language, place.point());
			return;
		}
		String text = said instanceof Input.Typed typed ? typed.text().strip() : "";
		if (text.equals(label("report.where.pickNeighborhood", language))) {
			askNeighborhood(chat, language);
			return;
		}
		Optional<Neighborhood> named = neighborhoods.map().flatMap(m -> m.all().stream()
			.filter(n -> n.name().equalsIgnoreCase(text)).findFirst());
		if (named.isPresent()) {
			in(chat, language, named.get());
			return;
		}
		start(chat, language);
	}

	/** A neighborhood button of this /check: {@code c:} and the neighborhood's key. */
	public void press(Address chat, Inbound press, String language, Choice.CheckPlace place, State current) {
		boolean checking = current != null && current.mode() == Mode.CHECK;
		if (checking && place.picking()) {
			// "pick a neighborhood", as a menu choice (Telegram's keyboard sends it as text instead)
			replies.answer(press, language, null);
			askNeighborhood(chat, language);
			return;
		}
		Optional<Neighborhood> chosen = place.picking() ? Optional.empty() : neighborhoods.chosen(place.neighborhood());
		if (!checking || chosen.isEmpty()) {
			replies.answer(press, language, "button.stale");
			return;
		}
		replies.answer(press, language, null);
		in(chat, language, chosen.get());
	}

	private void askNeighborhood(Address chat, String language) {
		var rows = new ArrayList<List<MenuItem>>();
		var row = new ArrayList<MenuItem>();
		List<Neighborhood> all = neighborhoods.map().map(m -> m.all()).orElse(List.of());
		for (int i = 0; i < all.size() && i < 60; i++) {
			row.add(MenuItem.of(all.get(i).name(), new Choice.CheckPlace(all.get(i).id().key()).value()));
			if (row.size() == 2) {
				rows.add(row);
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		replies.say(chat, language, rows, "report.where.neighborhood.ask");
	}

	private void near(Address chat, String language, GeoPoint where) {
		Predicate<Incident> near = i -> i.center().metersTo(where) <= NEAR_METERS;
		answer(chat, language, Text.of("check.near"), incidents.recentlyClosed(where, NEAR_METERS), near);
	}

	private void in(Address chat, String language, Neighborhood neighborhood) {
		Predicate<Incident> inside = i -> neighborhoods.lookup(i.center()).found()
			.filter(n -> n.id().equals(neighborhood.id()))
			.isPresent();
		List<Incident> closed = neighborhoods.map().flatMap(m -> m.bounds(neighborhood.id())).map(b -> {
			// the circle around the neighborhood's bounds: a first filter, the exact test is the lookup
			var center = GeoPoint.of((b[1] + b[3]) / 2, (b[0] + b[2]) / 2);
			double radius = Distances.meters(center.latitude(), center.longitude(), b[3], b[2]) + 100;
			return incidents.recentlyClosed(center, radius);
		}).orElse(List.of());
		answer(chat, language, Text.of("check.in", neighborhood.name()), closed, inside);
	}

	private void answer(Address chat, String language, Text where, List<Incident> closed, Predicate<Incident> here) {
		conversations.end(chat);
		List<Incident> found = new ArrayList<>(incidents.open().stream()
			.filter(i -> i.state() == IncidentState.CONFIRMED || i.state() == IncidentState.PUBLISHED)
			.toList());
		found.addAll(closed);
		List<Text> items = found.stream()
			// a drill's practice scenes are never told to residents
			.filter(i -> !i.id().drill())
			.filter(here)
			.sorted(Comparator.comparing(RumorCheck::changedAt).reversed())
			.limit(MOST)
			.map(i -> Text.of("check.item", words.kind(i), words.name(scenes.publicPlace(scenes.of(i))), outcome(i)))
			.toList();
		long hours = Math.max(1, kept.toHours());
		Text window = hours == 1 ? Text.of("check.lastHour") : Text.of("check.lastHours", hours);
		if (items.isEmpty()) {
			replies.send(chat, replies.message(language, "check.nothing", where, window).closingAsking(),
					Messenger.Urgency.NORMAL);
			return;
		}
		replies.send(chat, replies.message(language, "check.found", where, window, paragraphs(items)).closingAsking(),
				Messenger.Urgency.NORMAL);
	}

	/** What volunteers found, in one sentence with its times. */
	private Text outcome(Incident incident) {
		Instant confirmed = IncidentLifecycle.lastConfirmedAt(incident);
		IncidentEvent closedBy = lastEvent(incident.history());
		String at = words.time(closedBy == null ? incident.openedAt() : closedBy.at());
		return switch (incident.state()) {
			case CONFIRMED, PUBLISHED -> IncidentLifecycle.staleSince(incident, confirmed)
					? Text.of("check.verified.stale", words.time(confirmed)) : Text.of("check.verified", words.time(confirmed));
			case ENDED -> closedBy != null && closedBy.actor() == ActorKind.OBSERVER
					? Text.of("check.left", words.time(confirmed), at)
					: byDispatcher(closedBy) ? Text.of("check.ended", words.time(confirmed), at)
							: Text.of("check.over", words.time(confirmed), at);
			case NOT_ICE -> Text.of(byDispatcher(closedBy) ? "check.notIce.network" : "check.notIce", at);
			case UNFOUNDED -> Text.of(byDispatcher(closedBy) ? "check.unfounded.network" : "check.unfounded", at);
			default -> Text.of("check.expired", words.time(incident.openedAt()));
		};
	}

	/** Whether a dispatcher made this change (from a hotline call, say), not observers on the spot. */
	private static boolean byDispatcher(IncidentEvent event) {
		return event != null && event.actor() == ActorKind.DISPATCHER;
	}

	/** The last change of state, or null if there was none. */
	private static IncidentEvent lastEvent(List<IncidentEvent> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).transition()) {
				return history.get(i);
			}
		}
		return null;
	}

	private static Instant changedAt(Incident incident) {
		IncidentEvent last = lastEvent(incident.history());
		return last == null ? incident.openedAt() : last.at();
	}

	private String label(String key, String language) {
		return Texts.plain(replies.texts().render(Text.of(key), language));
	}

	/** The scenes, one paragraph each. */
	private static Text paragraphs(List<Text> items) {
		Text all = items.get(items.size() - 1);
		for (int i = items.size() - 2; i >= 0; i--) {
			all = Text.of("paragraphs", items.get(i), all);
		}
		return all;
	}

}
