package org.vigia.bot.observer;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;

import java.util.Optional;

import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.incident.Verification.Answer;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.Observer;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.observer.ObserverStore;

/**
 * An observer's press on a button of their messages about a scene ({@code o:{token}:{action}}): one answer
 * to each press, as a short notice on the button, and the message itself edited to show what changed.
 *
 * <p>Only a button the person was shown acts: the token must exist (issued when its message was sent, not used
 * up, not expired), belong to the chat pressing it, and offer the action ({@link PromptButtons.Kind}); then
 * the incident's own rules decide (a verdict only from an observer who is going, once). Anything else is
 * answered and changes nothing. A token is used up by the press that acts on it. An answer Redis could not
 * record (sustained contention) is not used up: the observer is told it did not count, and may press again.
 */
public final class PromptAnswers {

	private final Replies replies;

	private final ChatStates state;

	private final ObserverStore observers;

	private final PromptButtons buttons;

	private final Verification verification;

	public PromptAnswers(Replies replies, ChatStates state, ObserverStore observers, PromptButtons buttons,
			Verification verification) {
		this.replies = replies;
		this.state = state;
		this.observers = observers;
		this.buttons = buttons;
		this.verification = verification;
	}

	/** A press: {@code data} is what follows {@code o:}. */
	public void press(Address user, Inbound press, String language, Choice.ObserverAnswer data) {
		Optional<ChatStates.Button> button = data.action() != null ? state.button(data.token()) : Optional.empty();
		if (button.isEmpty()) {
			replies.answer(press, language, "button.stale");
			return;
		}
		if (!button.get().chat().equals(user.key())) {
			replies.answer(press, language, "button.notForYou");
			return;
		}
		Optional<ObserverAction> action = ObserverAction.of(data.action()).filter(a -> button.get().offers(a.value()));
		Optional<Observer> observer = observers.find(button.get().observer());
		if (action.isEmpty() || observer.isEmpty()) {
			replies.answer(press, language, "button.stale");
			return;
		}
		IncidentId incident = button.get().incident();
		Answer answer = act(action.get(), incident, observer.get());
		replies.answer(press, language, notice(action.get(), answer));
		if (answer == Answer.DONE || answer == Answer.ALREADY || answer == Answer.CLOSED) {
			buttons.revoke(kind(action.get()), observer.get().id(), incident);
		}
		if (answer == Answer.DONE && action.get() == ObserverAction.ICE) {
			// the verdict message now offers "the agents have left" (shown once the scene is confirmed)
			buttons.issue(PromptButtons.Kind.LEFT, observer.get(), incident);
		}
	}

	private Answer act(ObserverAction action, IncidentId incident, Observer observer) {
		return switch (action) {
			case GOING -> verification.going(incident, observer);
			case CANT -> verification.declined(incident, observer);
			case LEFT -> verification.agentsLeft(incident, observer);
			default -> verification.verdict(incident, observer, action.verdict().orElseThrow());
		};
	}

	private static PromptButtons.Kind kind(ObserverAction action) {
		return switch (action) {
			case GOING, CANT -> PromptButtons.Kind.ASK;
			case LEFT -> PromptButtons.Kind.LEFT;
			default -> PromptButtons.Kind.VERDICT;
		};
	}

	/** The one acknowledgement of a press. */
	private static String notice(ObserverAction action, Answer answer) {
		return switch (answer) {
			case DONE -> switch (action) {
				case GOING -> "observer.going.thanks";
				case CANT -> "observer.cant.thanks";
				case LEFT -> "observer.left.thanks";
				default -> "observer.verdict.thanks";
			};
			case ALREADY -> action == ObserverAction.GOING || action == ObserverAction.CANT ? "button.used"
					: "observer.verdict.already";
			case NOT_ALLOWED -> ObserverAction.VERDICTS.contains(action) ? "observer.verdict.notGoing" : "button.stale";
			case CLOSED -> "observer.verdict.closed";
			case BUSY -> "observer.busy";
		};
	}

}
