package org.vigia.bot.accompany;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vigia.bot.chat.Conversations;
import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Choice.Accompaniment.Action;
import org.vigia.core.accompany.AccompanyDraft;
import org.vigia.core.accompany.AccompanyFlow;
import org.vigia.core.accompany.AccompanyTurn;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.chat.Input;
import org.vigia.core.chat.Prompt;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Transport;
import org.vigia.store.Eventually;

/**
 * {@code /accompany}: core's {@link AccompanyFlow} in a person's private chat, driven like the guided report.
 * The draft lives in the conversation state (with its idle TTL), its buttons speak
 * {@link Choice.AccompanyAnswer} and carry the question's turn (an older question's buttons are stale), and
 * /cancel ends it at any step. At confirm the request is stored as an appointment, the family links given out
 * start to work, reminders are scheduled and accompaniers are asked; the person reads what happens next, with a
 * button to cancel the request later.
 */
final class RequestDesk {

	private final Conversations conversations;

	private final Map<Transport, AccompanyFlow> flows;

	private final Intake intake;

	private final Matchmaker matchmaker;

	private final Audience audience;

	/**
	 * @param flows the flow for a person on each messenger (the family link differs)
	 */
	RequestDesk(Conversations conversations, Map<Transport, AccompanyFlow> flows, Intake intake, Matchmaker matchmaker,
			Audience audience) {
		this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
		this.flows = new EnumMap<>(flows);
		this.intake = Objects.requireNonNull(intake, "intake must not be null");
		this.matchmaker = Objects.requireNonNull(matchmaker, "matchmaker must not be null");
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
	}

	void start(Address chat, String language) {
		AccompanyTurn turn = flow(chat).start(language);
		conversations.save(chat, State.accompany(language, turn.draft()));
		send(chat, turn);
	}

	void press(Address chat, Inbound press, String language, Choice.AccompanyAnswer answer, State current) {
		if (current == null || current.mode() != Mode.ACCOMPANY || current.accompany() == null
				|| answer.turn() != current.accompany().turn()) {
			audience.replies().answer(press, language, "button.stale");
			return;
		}
		audience.replies().answer(press, language, null);
		String option = answer.option();
		advance(chat, current, new Input.Choice(option.isEmpty() || option.length() > 24 ? "invalid" : option));
	}

	/** Text (or anything else) sent while the request is written: only typed text answers a question. */
	void message(Address chat, Inbound message, State current) {
		Input said = message.content() instanceof Inbound.Said s ? s.input() : null;
		advance(chat, current, said instanceof Input.Typed typed ? typed : new Input.Typed(""));
	}

	private void advance(Address chat, State current, Input input) {
		AccompanyDraft draft = current.accompany();
		AccompanyTurn turn = flow(chat).next(draft, input);
		switch (turn.status()) {
			case CONTINUE -> {
				conversations.save(chat, State.accompany(current.language(), turn.draft()));
				send(chat, turn);
			}
			case CANCELLED -> {
				conversations.end(chat);
				send(chat, turn);
			}
			case CONFIRMED -> {
				Appointment kept = intake.keep(chat, turn.draft(), flow(chat).request(turn.draft(), chat));
				Eventually.store("the end of a conversation", () -> conversations.end(chat));
				var replies = audience.replies();
				String language = turn.draft().language();
				replies.send(chat, replies.renderer().render(turn.prompts().get(0), language, o -> o, false)
					.withRows(List.of(List.of(replies.option(language, "accompany.cancelRequest",
							new Choice.Accompaniment(kept.id().value(), Action.CANCEL).value())))),
						Messenger.Urgency.NORMAL);
				matchmaker.ask(kept);
			}
		}
	}

	private void send(Address chat, AccompanyTurn turn) {
		int number = turn.draft().turn();
		var replies = audience.replies();
		for (Prompt prompt : turn.prompts()) {
			replies.send(chat, replies.renderer().render(prompt, turn.draft().language(),
					o -> new Choice.AccompanyAnswer(number, o).value(), turn.status() != AccompanyTurn.Status.CONTINUE),
					Messenger.Urgency.NORMAL);
		}
	}

	private AccompanyFlow flow(Address chat) {
		return flows.getOrDefault(chat.transport(), flows.get(Transport.TELEGRAM));
	}

}
