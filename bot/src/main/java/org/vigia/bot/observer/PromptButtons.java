package org.vigia.bot.observer;

import org.vigia.core.messaging.MenuItem;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;


import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Texts;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.store.Pseudonyms;
import org.vigia.core.chat.ChatStates;

/**
 * The buttons of observers' messages: one token per message kind, observer and incident, which knows the
 * actions its message offers, who may press it, and what it is about.
 *
 * <p>Design note: a token is a keyed hash (the server's HMAC secret) of its kind, incident and observer: as
 * unguessable as a random one, yet the same every time, so that an edited message shows the same buttons
 * without storing which token it carries. A token acts only once Redis holds it ({@link #issue}, when its
 * message is first sent), only for the actions of its kind, only for its observer's chat, and only until it
 * is used ({@link #revoke}) or its TTL ends. Edits never issue a token, so an edit rendered from an older
 * state cannot bring back a used one.
 */
public final class PromptButtons {

	/** The kinds of observer messages with buttons, and what each offers. */
	public enum Kind {

		/** "Can you go and check?" */
		ASK(EnumSet.of(ObserverAction.GOING, ObserverAction.CANT)),
		/** "What did you see?" */
		VERDICT(ObserverAction.VERDICTS),
		/** "The agents have left", after an "ICE confirmed". */
		LEFT(EnumSet.of(ObserverAction.LEFT));

		private final Set<ObserverAction> actions;

		Kind(Set<ObserverAction> actions) {
			this.actions = Set.copyOf(actions);
		}

		public Set<ObserverAction> actions() {
			return actions;
		}

	}

	private final ChatStates state;

	private final Pseudonyms pseudonyms;

	private final Texts texts;

	private final VigiaSettings settings;

	public PromptButtons(ChatStates state, Pseudonyms pseudonyms, Texts texts, VigiaSettings settings) {
		this.state = state;
		this.pseudonyms = pseudonyms;
		this.texts = texts;
		this.settings = settings;
	}

	String token(Kind kind, IncidentId incident, ObserverId observer) {
		return pseudonyms.hash("button:" + kind.name() + ":" + incident.value() + ":" + observer.value(), 16);
	}

	/** Makes the buttons of this kind act, for as long as their message may be answered. */
	public void issue(Kind kind, Observer observer, IncidentId incident) {
		Set<String> actions = kind.actions().stream().map(ObserverAction::value).collect(Collectors.toSet());
		state.issue(token(kind, incident, observer.id()),
				new ChatStates.Button(observer.id(), incident, observer.chat(), actions), ttl(kind));
	}

	/** The buttons of this kind do nothing from now on. */
	public void revoke(Kind kind, ObserverId observer, IncidentId incident) {
		state.revoke(token(kind, incident, observer));
	}

	/**
	 * The buttons of every message about this incident, for every observer it asked, expire within {@code ttl}:
	 * once the incident is closed they live no longer than it does.
	 */
	public void retain(Incident incident, Duration ttl) {
		var tokens = new java.util.ArrayList<String>();
		for (ObserverId observer : incident.dispatch().asked()) {
			for (Kind kind : Kind.values()) {
				tokens.add(token(kind, incident.id(), observer));
			}
		}
		state.retainButtons(tokens, ttl);
	}

	private Duration ttl(Kind kind) {
		// an ask can be answered until the scene expires unverified; a verdict or "agents left" as long as the
		// incident may stay open
		return kind == Kind.ASK ? settings.deadlines().unverified().plus(Duration.ofHours(1))
				: settings.retention().open();
	}

	/** The keyboard of a message of this kind, in the observer's language. */
	public List<List<MenuItem>> keyboard(Kind kind, Observer observer, IncidentId incident) {
		String token = token(kind, incident, observer.id());
		String language = observer.language();
		return switch (kind) {
			case ASK -> List.of(row(language, token, ObserverAction.GOING, ObserverAction.CANT));
			case VERDICT -> List.of(row(language, token, ObserverAction.ICE),
					row(language, token, ObserverAction.POLICE, ObserverAction.OTHER),
					row(language, token, ObserverAction.NOTHING));
			case LEFT -> List.of(row(language, token, ObserverAction.LEFT));
		};
	}

	private List<MenuItem> row(String language, String token, ObserverAction... actions) {
		var buttons = new java.util.ArrayList<MenuItem>();
		for (ObserverAction a : actions) {
			buttons.add(MenuItem.of(Texts.plain(texts.render("button." + a.value(), language)),
					new Choice.ObserverAnswer(token, a.value()).value()));
		}
		return List.copyOf(buttons);
	}

}
