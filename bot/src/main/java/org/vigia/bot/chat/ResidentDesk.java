package org.vigia.bot.chat;

import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Replies;

import java.time.Clock;
import java.util.Optional;


import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.store.Eventually;
import org.vigia.core.chat.Input;
import org.vigia.core.chat.Places;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.ReportStep;
import org.vigia.core.chat.Turn;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.SentRef;

/**
 * The guided report in a resident's private chat.
 *
 * <p>The report conversation itself is core's {@link ReportFlow}; this class feeds it what the messenger
 * delivered (choices, typed text, places, photos), keeps its draft in
 * {@link Conversations}, shows its one message per step, and hands a confirmed draft to
 * {@link ReportSubmission}. A press on a button of an older question is answered "no longer active" and
 * changes nothing.
 *
 * <p>Design note: a button press that stays on the same question (a uniform tapped, a forged value
 * explained) edits that question in place: the conversation remembers the id of the message showing its
 * question once the messenger has taken it (a messenger whose choices do not name their message needs that),
 * and a tap faster than that edits the message the messenger says the option was on. Every other step is one new
 * message, below whatever the resident sent; the last answer (thanks, cancelled) replaces the question whose
 * button ended the report, so no stale buttons are left. Nothing about the resident is logged or kept beyond
 * the conversation.
 */
public final class ResidentDesk {

	private final Conversations conversations;

	private final Replies replies;

	private final ReportFlow flow;

	private final ReportSubmission submission;

	private final PhotoIntake photos;

	private final Clock clock;

	public ResidentDesk(Conversations conversations, Replies replies, Places places, ReportSubmission submission,
			PhotoIntake photos, Clock clock) {
		this.conversations = conversations;
		this.replies = replies;
		this.flow = new ReportFlow(places);
		this.submission = submission;
		this.photos = photos;
		this.clock = clock;
	}

	/** /report: a new draft and its first question, or, to a resident over the rate limit, when to try again. */
	public void startReport(Address chat, String language) {
		Optional<Prompt> refused = submission.refusal(chat);
		if (refused.isPresent()) {
			replies.prompt(chat, refused.get(), language, 0, false);
			return;
		}
		Turn turn = flow.start(language);
		conversations.save(chat, new State(Mode.REPORT, language, turn.draft(), null));
		send(chat, turn);
	}

	/**
	 * A choice of the report flow ({@link Choice.ReportAnswer}).
	 *
	 * @param press the input, whose {@link Inbound#quotes()} names the message the option was on if the
	 * messenger says (Telegram does)
	 */
	public void press(Address chat, Inbound press, String language, Choice.ReportAnswer answer, State current) {
		if (current == null || current.mode() != Mode.REPORT || answer.turn() != current.draft().turn()) {
			replies.answer(press, language, "button.stale");
			return;
		}
		replies.answer(press, language, null);
		// the question's message as the conversation remembers it; until the messenger's answer with its id has
		// been remembered (a tap faster than that), the message the option was on
		String question = current.question() != null ? current.question() : press.quotes();
		String option = answer.option();
		advance(chat, current, new Input.Choice(option.isEmpty() || option.length() > 24 ? "invalid" : option), question);
	}

	/** Text, a place, or a photo sent while a report is being written. */
	public void message(Address chat, Inbound message, State current) {
		boolean photoStep = current.draft().step() == ReportStep.PHOTO;
		Input said = message.content() instanceof Inbound.Said s ? s.input() : null;
		Input input;
		if (message.content() instanceof Inbound.Photo photo) {
			input = photoStep ? photos.take(chat, photo) : new Input.Typed("");
		}
		else if (said instanceof Input.RejectedPhoto) {
			input = photoStep ? said : new Input.Typed("");
		}
		else if (said instanceof Input.Typed typed) {
			Prompt question = flow.question(current.draft());
			// a place-asking keyboard sends its label as text: map it back to the option
			input = question.askLocation()
					? replies.renderer().optionForText(question, current.language(), typed.text())
						.<Input>map(o -> new Input.Choice(o.value()))
						.orElse(typed)
					: typed;
		}
		else {
			input = said == null ? new Input.Typed("") : said;
		}
		advance(chat, current, input, null);
	}

	/**
	 * @param shown the message showing the current question, when the input was a press on its options (that
	 * message may then be edited instead of sending a new one); null otherwise
	 */
	private void advance(Address chat, State current, Input input, String shown) {
		Turn turn = flow.next(current.draft(), input);
		switch (turn.status()) {
			case CONTINUE -> {
				Prompt next = turn.prompts().get(0);
				boolean inPlace = shown != null && turn.draft().step() == current.draft().step() && !next.askLocation();
				conversations.save(chat, new State(Mode.REPORT, current.language(), turn.draft(), null,
						inPlace ? shown : null));
				if (inPlace) {
					replies.edit(ref(chat, shown), next, turn.draft().language(), turn.draft().turn());
				}
				else {
					send(chat, turn);
				}
			}
			case CANCELLED -> {
				conversations.end(chat);
				finish(chat, turn.prompts().get(0), turn.draft().language(), shown);
			}
			case SUBMIT, SUBMIT_AND_FOLLOW -> {
				ReportSubmission.Answer answer = submission.submit(chat, turn.draft(),
						turn.status() == Turn.Status.SUBMIT_AND_FOLLOW);
				if (answer.done()) {
					Eventually.store("the end of a conversation", () -> conversations.end(chat));
					finish(chat, answer.prompt(), turn.draft().language(), shown);
				}
				else {
					// not saved: the summary and its buttons stay, for another try
					replies.prompt(chat, answer.prompt(), turn.draft().language(), turn.draft().turn(), false);
				}
			}
		}
	}

	/** Sends the turn's question as a new message and remembers its id, for edits in place. */
	private void send(Address chat, Turn turn) {
		int turnNumber = turn.draft().turn();
		replies.prompt(chat, turn.prompts().get(0), turn.draft().language(), turnNumber, false)
			.thenAccept(sent -> Eventually.store("the message of a question",
					() -> conversations.remember(chat, turnNumber, sent.id())));
	}

	/** The last message of a conversation: in place of the question whose option ended it, if pressed. */
	private void finish(Address chat, Prompt last, String language, String shown) {
		if (shown != null) {
			replies.edit(ref(chat, shown), last, language, 0);
		}
		else {
			replies.prompt(chat, last, language, 0, true);
		}
	}

	/** A message of this chat shown now, to edit: sent a moment ago as far as edit windows go. */
	private SentRef ref(Address chat, String id) {
		return new SentRef(chat, id, clock.instant());
	}

}
