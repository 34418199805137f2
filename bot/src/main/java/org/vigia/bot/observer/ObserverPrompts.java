package org.vigia.bot.observer;

import java.time.Clock;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SentRef;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.messages.Replies;
import org.vigia.bot.messages.Texts;
import org.vigia.bot.scene.Scene;
import org.vigia.bot.scene.Scenes;
import org.vigia.core.chat.Text;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.observer.ObserverStore;
import org.vigia.core.delivery.PromptLedger;

/**
 * Sends observers their messages about a scene and keeps them current: the "Can you go and check?"; once
 * they are going, the scene as a map pin, the residents' re-encoded photos and the "What did you see?"; and
 * edits of both as the scene changes ({@link #refresh}, called at a bounded rate by {@link PromptRefresh}).
 *
 * <p>Nothing sent here names or describes a reporter: the pin is the scene's place, the photos are the ones
 * the photo step re-encoded (no EXIF, no GPS, no device data), and the texts say what residents described.
 * An edit is sent only when a message's text or buttons would change (this process remembers what it last
 * showed), so an unchanged scene costs no call. Thread-safe.
 */
public final class ObserverPrompts {

	private static final Logger log = LoggerFactory.getLogger(ObserverPrompts.class);

	/** The prompt ledger's targets ({@code Verification} claims them): an observer's two messages. */
	static final String ASK = "ask:", VERDICT = "verdict:";

	private final Replies replies;

	private final Scenes scenes;

	private final PromptCards cards;

	private final PromptButtons buttons;

	private final ObserverStore observers;

	private final ChatStates photos;

	private final PromptLedger ledger;

	private final Clock clock;

	/** What each message shows now, as this process last sent it (incident/target → digest). */
	private final Cache<String, Integer> shown = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(12))
		.build();

	/** The buttons of this closed incident's messages live no longer than {@code ttl}. */
	public void retainButtons(Incident incident, java.time.Duration ttl) {
		buttons.retain(incident, ttl);
	}

	public ObserverPrompts(Replies replies, Scenes scenes, org.vigia.bot.scene.SceneTexts words, PromptButtons buttons,
			ObserverStore observers, ChatStates photos, PromptLedger ledger, Clock clock) {
		this.clock = clock;
		this.replies = replies;
		this.scenes = scenes;
		this.cards = new PromptCards(words, buttons);
		this.buttons = buttons;
		this.observers = observers;
		this.photos = photos;
		this.ledger = ledger;
	}

	/** Asks an observer to go and check; completes with the message's id. */
	public CompletableFuture<Long> ask(Observer observer, Incident incident) {
		Scene scene = scenes.of(incident);
		buttons.issue(PromptButtons.Kind.ASK, observer, incident.id());
		PromptCards.Card card = marked(incident, observer, cards.ask(scene, observer, observers.position(observer.id())));
		shown.put(key(incident, ASK, observer.id()), digest(card));
		return id(replies.send(address(observer), Outbound.markup(card.html()).withRows(card.keyboard()), Messenger.Urgency.URGENT));
	}

	/**
	 * For an observer who is going: the scene's map pin, its photos, then "What did you see?" with its buttons;
	 * completes with the last message's id. All three go through the observer's chat lane in this order.
	 */
	public CompletableFuture<Long> askVerdict(Observer observer, Incident incident) {
		Scene scene = scenes.of(incident);
		buttons.issue(PromptButtons.Kind.VERDICT, observer, incident.id());
		pin(observer, scene, incident.id().drill());
		int n = 0;
		for (String ref : scene.reports().photos()) {
			Optional<byte[]> jpeg = photos.photo(ref);
			if (jpeg.isPresent()) {
				photo(observer, jpeg.get(), ++n);
			}
		}
		PromptCards.Card card = marked(incident, observer, cards.verdict(scene, observer, observers.position(observer.id())));
		shown.put(key(incident, VERDICT, observer.id()), digest(card));
		return id(replies.send(address(observer), Outbound.markup(card.html()).withRows(card.keyboard()), Messenger.Urgency.URGENT));
	}

	private void pin(Observer observer, Scene scene, boolean drill) {
		var words = replies.texts();
		String language = observer.language();
		GeoPoint pin = scene.place().pin();
		String title = (drill ? Texts.plain(words.render(Text.of("drill.pin"), language)) + " " : "")
				+ Texts.plain(words.render(sceneWords().place(scene.place()), language));
		String address = scene.place().neighborhood() != null ? scene.place().neighborhood()
				: Texts.plain(words.render(Text.of("scene.place.onlyPin"), language));
		replies.send(address(observer),
				Outbound.pin(new Outbound.Place(pin, cut(title, 120), cut(address, 120))),
				Messenger.Urgency.URGENT);
	}

	private void photo(Observer observer, byte[] jpeg, int n) {
		String caption = replies.texts().render(Text.of("observer.photo"), observer.language());
		replies.send(address(observer), Outbound.markup(caption).withImage(new Outbound.Image(jpeg)),
				Messenger.Urgency.URGENT);
	}

	/**
	 * Edits every message sent about the incident whose text or buttons changed since this process last showed
	 * them. Messages the messenger never took (id 0) are left alone; a failed edit is not retried (the next change
	 * edits again).
	 */
	public void refresh(Incident incident) {
		Map<String, Long> sent = ledger.delivered(incident.id());
		if (sent.values().stream().noneMatch(id -> id > 0)) {
			return;
		}
		Scene scene = scenes.of(incident);
		sent.forEach((target, messageId) -> {
			boolean ask = target.startsWith(ASK);
			if (messageId <= 0 || !(ask || target.startsWith(VERDICT))) {
				return;
			}
			ObserverId id = new ObserverId(target.substring(ask ? ASK.length() : VERDICT.length()));
			observers.find(id).ifPresent(observer -> {
				Optional<GeoPoint> position = observers.position(id);
				PromptCards.Card card = marked(incident, observer,
						ask ? cards.ask(scene, observer, position) : cards.verdict(scene, observer, position));
				String key = key(incident, ask ? ASK : VERDICT, id);
				Integer before = shown.getIfPresent(key);
				int now = digest(card);
				if (before != null && before == now) {
					return;
				}
				shown.put(key, now);
				edit(observer, messageId, card);
			});
		});
	}

	private void edit(Observer observer, long messageId, PromptCards.Card card) {
		var sent = new SentRef(address(observer), Long.toString(messageId), clock.instant());
		replies.messenger()
			.edit(sent, Outbound.markup(card.html()).withRows(card.keyboard()), Messenger.Urgency.NORMAL)
			.exceptionally(error -> {
				Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
						? error.getCause() : error;
				log.info("An observer's prompt could not be edited: {}", cause.getClass().getSimpleName());
				return null;
			});
	}

	/** A drill's prompt starts with the drill marker in the observer's language, so nobody mistakes it for a raid. */
	private PromptCards.Card marked(Incident incident, Observer observer, PromptCards.Card card) {
		if (!incident.id().drill()) {
			return card;
		}
		return new PromptCards.Card(sceneWords().drillMarker(incident, observer.language()) + card.html(), card.keyboard());
	}

	private org.vigia.bot.scene.SceneTexts sceneWords() {
		return cards.words();
	}

	private static String key(Incident incident, String kind, ObserverId observer) {
		return incident.id().value() + "/" + kind + observer.value();
	}

	private static int digest(PromptCards.Card card) {
		return (card.html() + "|" + card.keyboard().toString()).hashCode();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static CompletableFuture<Long> id(CompletableFuture<SentRef> sent) {
		return sent.thenApply(m -> Long.parseLong(m.id()));
	}

	/** Where an observer is reached. */
	static Address address(Observer observer) {
		return Address.ofKey(observer.chat());
	}

}
