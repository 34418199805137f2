package org.vigia.bot.dispatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.messages.Texts;
import org.vigia.bot.incident.Verification;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.incident.IncidentStore;

/**
 * What dispatchers do in their private chat: /invite (a single-use code, with its expiry as a day and a time
 * in the network's zone), /incidents (the open scenes in words, with their buttons), and those buttons
 * ({@code d:{incidentId}:confirm | not-ice | end}). Every action is refused to anyone not in
 * DISPATCHER_TELEGRAM_IDS.
 */
public final class DispatcherDesk {

	/** How long an invite code is valid. */
	static final Duration INVITE_VALID = Duration.ofHours(48);

	/** The most open scenes /incidents lists, newest first. */
	static final int MAX_LISTED = 10;

	private final Replies replies;

	private final ChatStates state;

	private final IncidentStore incidents;

	private final DispatcherTexts texts;

	private final Verification verification;

	private final Set<Address> dispatchers;

	private final Clock clock;

	public DispatcherDesk(Replies replies, ChatStates state, IncidentStore incidents, DispatcherTexts texts,
			Verification verification, Set<Address> dispatchers, Clock clock) {
		this.replies = replies;
		this.state = state;
		this.incidents = incidents;
		this.texts = texts;
		this.verification = verification;
		this.dispatchers = Set.copyOf(dispatchers);
		this.clock = clock;
	}

	public boolean isDispatcher(Address user) {
		return dispatchers.contains(user);
	}

	public void invite(Address chat, String language) {
		if (!isDispatcher(chat)) {
			replies.say(chat, language, "dispatcher.only");
			return;
		}
		String code = state.newInvite("bot-dispatcher", INVITE_VALID);
		ZonedDateTime expires = clock.instant().plus(INVITE_VALID).atZone(texts.zone());
		Locale locale = Texts.locale(language);
		replies.say(chat, language, "dispatcher.invite", code, DateTimeFormatter.ofPattern("EEEE", locale).format(expires),
				Integer.toString(expires.getDayOfMonth()), DateTimeFormatter.ofPattern("MMMM", locale).format(expires),
				DateTimeFormatter.ofPattern("HH:mm").format(expires), INVITE_VALID.toHours());
	}

	public void incidents(Address chat, String language) {
		if (!isDispatcher(chat)) {
			replies.say(chat, language, "dispatcher.only");
			return;
		}
		List<Incident> open = incidents.open();
		if (open.isEmpty()) {
			replies.say(chat, language, "dispatcher.incidents.none");
			return;
		}
		for (Incident i : open.subList(0, Math.min(MAX_LISTED, open.size()))) {
			replies.send(chat, Outbound.markup(texts.item(i, language)).withRows(texts.actions(i, language)), Messenger.Urgency.NORMAL);
		}
	}

	/** A press on a dispatcher's button: {@code data} is what follows {@code d:}. */
	public void press(Address user, Inbound press, String language, Choice.DispatcherAction data) {
		if (!isDispatcher(user)) {
			replies.answer(press, language, "dispatcher.only");
			return;
		}
		if (data.action().isEmpty() || !data.incident().matches("[A-Za-z0-9_-]{1,24}")) {
			replies.answer(press, language, "button.stale");
			return;
		}
		IncidentId id = new IncidentId(data.incident());
		Optional<Incident> done = switch (data.action().get()) {
			case CONFIRM -> verification.dispatcherConfirm(id, "telegram-dispatcher");
			case NOT_ICE -> verification.dispatcherReject(id, IncidentState.NOT_ICE, "telegram-dispatcher");
			case END -> verification.dispatcherEnd(id, "telegram-dispatcher");
		};
		replies.answer(press, language, done.isPresent() ? null : "button.stale");
		done.ifPresent(i -> replies.send(user, texts.done(i, language), Messenger.Urgency.NORMAL));
	}

}
