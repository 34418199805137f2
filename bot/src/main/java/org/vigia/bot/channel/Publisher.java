package org.vigia.bot.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.messages.Texts;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.bot.scene.Scene;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.bot.scene.Scenes;
import org.vigia.core.channel.ChannelPost;
import org.vigia.core.chat.Text;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SendFailure;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.incident.DisputeRule;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.neighborhood.NeighborhoodId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.scene.ScenePlace;
import org.vigia.store.Eventually;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.delivery.PostLedger;

/**
 * Posts confirmed incidents to the channels of the neighborhoods around them, in each channel's language,
 * and edits those posts as the incident changes (ended, stale, corrected, disputed).
 *
 * <p>An alert is two messages per channel: the text (what, where in words, since when, who verified) and,
 * right under it as a reply, the scene's map pin (a venue titled with the place in words). Each is claimed in
 * Redis per incident and channel before it is sent ({@link PostLedger}), so that two instances, a retry
 * or a restart never post either twice (a claim whose send failed is released, so a later attempt may post;
 * a claim left by a process killed mid-send is taken over by the next attempt). The pin is not edited later:
 * it says only where, which does not change.
 *
 * <p>Never anything about who reported. A pin is the scene's point rounded to about 11 m; a scene at a home
 * or workplace is described around its point (by a listed place or the neighborhood, never by the words or
 * street address residents gave) and pinned to about 110 m, so that a public channel never publishes a
 * family's address. A scene known only as "somewhere in a neighborhood" has no pin: a point would mislead.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private final Messenger messenger;

	private final java.time.Clock clock;

	private final SceneTexts words;

	private final Scenes scenes;

	private final NeighborhoodDirectory neighborhoods;

	private final PostLedger ledger;

	private final double bufferMeters;

	private final ChatStates corrections;

	public Publisher(Messenger messenger, java.time.Clock clock, SceneTexts words, Scenes scenes, NeighborhoodDirectory neighborhoods,
			PostLedger ledger, double bufferMeters, ChatStates corrections) {
		this.messenger = messenger;
		this.clock = clock;
		this.words = words;
		this.scenes = scenes;
		this.neighborhoods = neighborhoods;
		this.ledger = ledger;
		this.bufferMeters = bufferMeters;
		this.corrections = corrections;
	}

	/**
	 * Posts the alert once to every channel around the incident that has no post yet and that no live
	 * process is posting to, each followed by its pin; completes with the number of channels that have the
	 * alert's text when these sends are done. A post whose answer could not be read probably went out: it
	 * counts, is kept (id 0: it cannot be edited) and is never sent again. A post that failed is released, so
	 * that a later attempt may post it. A pin missing under a post that is there (a process died between the
	 * two) is sent by the next attempt while the incident is still CONFIRMED (the recovery sweep's).
	 */
	public CompletableFuture<Integer> publish(Incident incident) {
		Scene scene = scenes.of(incident);
		ScenePlace place = publicPlace(scene);
		var sends = new ArrayList<CompletableFuture<Void>>();
		for (Target t : targets(incident)) {
			Neighborhood n = t.neighborhood();
			// written before the claim: a claim must be followed by a send (or a release)
			var message = Outbound.markup(words.drillMarker(incident, n.language()) + text(incident, scene, place, n));
			if (!ledger.claim(incident.id(), t.key())) {
				Long posted = ledger.delivered(incident.id()).get(t.key());
				if (posted != null) {
					pin(incident, place, t, posted);
				}
				continue;
			}
			sends.add(messenger.send(t.address(), message, Messenger.Urgency.URGENT).handle((sent, error) -> {
				Throwable cause = SendFailure.cause(error);
				if (cause == null) {
					long id = Long.parseLong(sent.id());
					Eventually.store("a channel post", () -> ledger.record(new ChannelPost(incident.id(), t.key(), id)));
					pin(incident, place, t, id);
				}
				else if (SendFailure.uncertain(cause)) {
					log.warn("The messenger's answer to a channel post could not be read; it is not posted again");
					Eventually.store("a channel post", () -> ledger.record(incident.id(), t.key(), 0));
					pin(incident, place, t, 0);
				}
				else {
					log.warn("Posting an alert to a channel failed: {}", cause.getClass().getSimpleName());
					Eventually.store("a released post claim", () -> ledger.release(incident.id(), t.key()));
				}
				return null;
			}));
		}
		return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
			.thenApply(v -> ledger.channels(incident.id()));
	}

	/** The scene's pin under its post in one channel, once (the post's id 0: not as a reply). */
	private void pin(Incident incident, ScenePlace place, Target t, long postId) {
		if (place.approximate()) {
			return;
		}
		Neighborhood n = t.neighborhood();
		String target = PostLedger.pin(t.key());
		var built = Outbound.pin(new Outbound.Place(place.pin(), cut(Texts.plain(words.render(words.place(place), n.language()))),
					cut(n.name())));
		if (postId > 0) {
			built = built.replyingTo(Long.toString(postId));
		}
		var pinned = built;
		if (!ledger.claim(incident.id(), target)) {
			return;
		}
		messenger.send(t.address(), pinned, Messenger.Urgency.URGENT).whenComplete((sent, error) -> {
			Throwable cause = SendFailure.cause(error);
			if (cause == null || SendFailure.settled(cause)) {
				Eventually.store("a channel pin",
						() -> ledger.record(incident.id(), target, cause == null ? Long.parseLong(sent.id()) : 0));
			}
			else {
				Eventually.store("a released pin claim", () -> ledger.release(incident.id(), target));
			}
		});
	}

	/** Whether a live process is posting this incident to a channel right now. */
	public boolean publishing(Incident incident) {
		return targets(incident).stream().anyMatch(t -> ledger.inFlight(incident.id(), t.key()));
	}

	/** Edits every post of the incident to show its current state. */
	public void update(Incident incident) {
		var posts = ledger.posts(incident.id());
		if (posts.isEmpty()) {
			return;
		}
		Scene scene = scenes.of(incident);
		ScenePlace place = publicPlace(scene);
		// a real alert's posts: any neighborhood's channel or group (the map may have changed since); a drill's: its own
		List<Target> all = incident.id().drill() ? drillTargets(incident)
				: neighborhoods.map().map(m -> m.all().stream().flatMap(x -> targets(x).stream()).toList()).orElse(List.of());
		for (ChannelPost post : posts) {
			Target t = all.stream().filter(x -> post.channel().equals(x.key())).findFirst().orElse(null);
			if (t == null || post.messageId() <= 0) {
				continue;
			}
			var sent = new SentRef(t.address(), Long.toString(post.messageId()), clock.instant());
			String language = t.neighborhood().language();
			messenger.edit(sent, Outbound.markup(words.drillMarker(incident, language) + text(incident, scene, place,
					t.neighborhood())), Messenger.Urgency.URGENT);
		}
	}

	/**
	 * Where the scene is, as a public channel may say it: a home or workplace only around its point; pins
	 * rounded (see the class note).
	 */
	ScenePlace publicPlace(Scene scene) {
		return scenes.publicPlace(scene);
	}

	/** The alert as it should read now, in the channel's language. */
	String text(Incident incident, Scene scene, ScenePlace place, Neighborhood n) {
		String language = n.language();
		Instant confirmedAt = IncidentLifecycle.lastConfirmedAt(incident);
		boolean byDispatcher = incident.history().stream()
			.anyMatch(e -> e.transition() && e.to() == IncidentState.CONFIRMED && e.actor() == ActorKind.DISPATCHER);
		long observers = incident.verdicts().stream().filter(v -> v.kind() == VerdictKind.ICE_CONFIRMED)
			.map(v -> v.observer()).distinct().count();
		var body = new StringBuilder();
		// what changed goes first, where a frightened reader looks: not immigration enforcement, or disputed
		if (incident.state() == IncidentState.NOT_ICE || incident.state() == IncidentState.UNFOUNDED) {
			body.append(words.render(Text.of(incident.state() == IncidentState.NOT_ICE ? "alert.notIce" : "alert.unfounded",
					words.time(lastEvent(incident).at())), language));
		}
		else if (incident.state() != IncidentState.ENDED && DisputeRule.disputed(incident)) {
			body.append(words.render(Text.of("alert.disputed",
					words.time(DisputeRule.since(incident).orElse(lastEvent(incident).at()))), language));
		}
		body.append(words.render(Text.of(byDispatcher ? "alert.dispatcherConfirmed" : "alert.confirmed", n.name(),
				words.place(place), words.title(incident), words.time(scene.reports().firstSeen()), observers,
				words.time(confirmedAt)), language));
		if (incident.state() == IncidentState.ENDED) {
			body.append(words.render(Text.of("alert.ended", words.time(lastEvent(incident).at())), language));
		}
		else if (incident.state().open() && IncidentLifecycle.staleSince(incident, confirmedAt)) {
			body.append(words.render(Text.of("alert.stale", words.time(confirmedAt)), language));
		}
		corrections.correction(incident.id()).ifPresent(text -> body.append(words
			.render(Text.of("alert.corrected", words.time(lastEvent(incident).at()), text), language)));
		return body.toString();
	}

	/** Keeps a dispatcher's correction for the incident's posts. */
	public void correct(Incident incident, String text, java.time.Duration ttl) {
		corrections.correction(incident.id(), text, ttl);
	}

	/** The bundle key naming what the incident is (the same texts residents chose from). */
	public static String kindKey(Incident incident) {
		return org.vigia.core.chat.ReportFlow.key("report.kind.", incident.kind());
	}

	private static IncidentEvent lastEvent(Incident incident) {
		return incident.history().get(incident.history().size() - 1);
	}

	private static String cut(String text) {
		return text.length() <= 120 ? text : text.substring(0, 119) + "…";
	}

	/**
	 * Where a neighborhood's alerts go: its Telegram channel, kept in the ledger under its name as before there
	 * were other messengers, and its Signal group, under {@code "signal:" + group id}.
	 */
	private record Target(Neighborhood neighborhood, String key, Address address) {
	}

	private static List<Target> targets(Neighborhood n) {
		var targets = new ArrayList<Target>(2);
		if (n.channel() != null) {
			targets.add(new Target(n, n.channel(), Address.telegramChannel(n.channel())));
		}
		if (n.signalGroup() != null) {
			targets.add(new Target(n, "signal:" + n.signalGroup(), Address.signalGroup(n.signalGroup())));
		}
		return targets;
	}

	/**
	 * Where a drill's posts go instead of any neighborhood's channel or Signal group: the drill channel
	 * (DRILL_CHANNEL) if there is one, else each dispatcher's private chat, in their language.
	 */
	public void routeDrills(String drillChannel, java.util.Set<Address> dispatchers,
			java.util.function.Function<Address, String> languageOf) {
		this.drillChannel = drillChannel == null || drillChannel.isBlank() ? null : drillChannel.strip();
		this.drillDispatchers = dispatchers.stream().sorted(java.util.Comparator.comparing(Address::key)).toList();
		this.languageOf = languageOf;
	}

	private volatile String drillChannel;

	private volatile List<Address> drillDispatchers = List.of();

	private volatile java.util.function.Function<Address, String> languageOf = a -> "en";

	private List<Target> drillTargets(Incident incident) {
		Neighborhood around = neighborhoods.lookup(incident.center()).found()
			.orElse(new Neighborhood(new NeighborhoodId("drill"), "—", null, "en", null));
		String channel = drillChannel;
		if (channel != null) {
			return List.of(new Target(new Neighborhood(around.id(), around.name(), channel, around.language(), null),
					"drill:channel", Address.telegramChannel(channel)));
		}
		var out = new ArrayList<Target>();
		List<Address> desk = drillDispatchers;
		for (int i = 0; i < desk.size(); i++) {
			out.add(new Target(new Neighborhood(around.id(), around.name(), null, languageOf.apply(desk.get(i)), null),
					"drill:dispatcher:" + i, desk.get(i)));
		}
		return out;
	}

	/** Where the incident's alert goes: a drill's to its own targets, a real one to the neighborhoods around it. */
	private List<Target> targets(Incident incident) {
		return incident.id().drill() ? drillTargets(incident) : targetsNear(incident);
	}

	private List<Target> targetsNear(Incident incident) {
		return neighborhoods.channelsNear(incident.center(), bufferMeters).stream().flatMap(n -> targets(n).stream())
			.toList();
	}

}
