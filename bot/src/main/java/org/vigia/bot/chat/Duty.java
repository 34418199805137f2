package org.vigia.bot.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.NumberedMenu;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverStore;

/**
 * Observers going on and off duty: /onduty asks for their live location (Telegram) or a place (Signal, which has
 * none), which puts them in the index of observers who may be asked to check a scene (and moves them there as it
 * moves); or, under the same question, for the neighborhood they are in, by option, number or name: they are then
 * on duty somewhere in it (see {@code DutyInNeighborhoods} for how dispatch treats them). Either kind of duty
 * place expires after {@code retention.onDutyPosition} unless renewed (a live location renews itself; /onduty
 * again renews or moves the others); /offduty takes them out.
 */
public final class Duty {

	private final Conversations conversations;

	private final Replies replies;

	private final ObserverStore observers;

	private final VigiaSettings settings;

	private final NeighborhoodDirectory neighborhoods;

	public Duty(Conversations conversations, Replies replies, ObserverStore observers, VigiaSettings settings,
			NeighborhoodDirectory neighborhoods) {
		this.conversations = conversations;
		this.replies = replies;
		this.observers = observers;
		this.settings = settings;
		this.neighborhoods = neighborhoods;
	}

	/** /onduty: the place, or the neighborhood from the list under the question (also to renew or move). */
	void onDuty(Address chat, String language) {
		if (ObserverDesk.observerAt(observers, chat).isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		conversations.save(chat, new State(Mode.ON_DUTY, language, null, null));
		List<List<MenuItem>> rows = neighborhoodRows();
		if (rows.isEmpty()) {
			replies.say(chat, language, "observer.onduty.ask");
		}
		else {
			replies.say(chat, language, rows, "observer.onduty.askWithNeighborhoods");
		}
	}

	/** A (live) location from an observer: while on duty, it moves them in the index. */
	boolean location(Address chat, String language, GeoPoint where, boolean live, State current) {
		Optional<Observer> observer = ObserverDesk.observerAt(observers, chat);
		if (observer.isEmpty()) {
			return false;
		}
		boolean starting = current != null && current.mode() == Mode.ON_DUTY;
		if (!starting && !observers.isOnDuty(observer.get().id())) {
			return false;
		}
		observers.onDuty(observer.get().id(), where, settings.retention().onDutyPosition());
		if (starting) {
			conversations.end(chat);
			replies.say(chat, language, "observer.onduty.on");
		}
		return true;
	}

	/**
	 * A neighborhood chosen from the /onduty list, or from the reminder that a duty ends ({@link DutyReminders}):
	 * whenever a registered observer chooses one, they are on duty there (choosing it again renews it; another one
	 * moves them). A neighborhood that is not on the map (forged, or gone with a new map) is stale and changes
	 * nothing, as is any choice of someone who is not an observer.
	 */
	void chosen(Address chat, Inbound press, String language, Choice.DutyArea choice) {
		Optional<Neighborhood> area = neighborhoods.chosen(choice.neighborhood());
		if (area.isEmpty() || ObserverDesk.observerAt(observers, chat).isEmpty()) {
			replies.answer(press, language, "button.stale");
			return;
		}
		replies.answer(press, language, null);
		inArea(chat, language, area.get());
	}

	/**
	 * Text typed while /onduty asks: a neighborhood's name puts the observer on duty there; anything else is
	 * answered with what the bot understands, and the question stays open.
	 */
	void typed(Address chat, String language, String text) {
		String name = fold(text);
		Optional<Neighborhood> named = name.isEmpty() ? Optional.empty()
				: neighborhoods.map().flatMap(m -> m.all().stream().filter(n -> fold(n.name()).equals(name)).findFirst());
		if (named.isPresent()) {
			inArea(chat, language, named.get());
			return;
		}
		replies.say(chat, language, "observer.onduty.notAPlace");
	}

	private void inArea(Address chat, String language, Neighborhood area) {
		Optional<Observer> observer = ObserverDesk.observerAt(observers, chat);
		Optional<GeoPoint> interior = neighborhoods.map().flatMap(m -> m.interiorPoint(area.id()));
		if (observer.isEmpty() || interior.isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		Duration ttl = settings.retention().onDutyPosition();
		observers.onDutyIn(observer.get().id(), area.id().key(), interior.get(), ttl);
		var said = ttl.toMinutes() % 60 == 0
				? replies.message(chat, language, "observer.onduty.inArea.hours", area.name(), ttl.toHours())
				: replies.message(chat, language, "observer.onduty.inArea.minutes", area.name(),
						Math.max(1, ttl.toMinutes()));
		// /onduty's question is answered (a number typed later chooses nothing); a renewal from the reminder
		// leaves any other conversation as it was
		if (conversations.load(chat).filter(s -> s.mode() == Mode.ON_DUTY).isPresent()) {
			conversations.end(chat);
			said = said.closingAsking();
		}
		replies.send(chat, said, Messenger.Urgency.NORMAL);
	}

	void offDuty(Address chat, String language) {
		Optional<Observer> observer = ObserverDesk.observerAt(observers, chat);
		if (observer.isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		observers.offDuty(observer.get().id());
		replies.say(chat, language, "observer.offduty.done");
	}

	/** The neighborhoods as options, two to a row, as many as a numbered menu holds (typed names reach them all). */
	private List<List<MenuItem>> neighborhoodRows() {
		List<Neighborhood> all = neighborhoods.map().map(m -> m.all()).orElse(List.of());
		var rows = new ArrayList<List<MenuItem>>();
		var row = new ArrayList<MenuItem>();
		for (int i = 0; i < all.size() && i < NumberedMenu.MAX_ITEMS; i++) {
			row.add(MenuItem.of(all.get(i).name(), new Choice.DutyArea(all.get(i).id().key()).value()));
			if (row.size() == 2) {
				rows.add(row);
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		return rows;
	}

	/** A name as compared: case, accents and spacing ignored. */
	private static String fold(String text) {
		String plain = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

}
