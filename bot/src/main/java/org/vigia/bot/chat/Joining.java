package org.vigia.bot.chat;

import org.vigia.bot.messages.Choice.JoinAnswer;
import org.vigia.bot.messages.Choice.JoinAnswer.Answer;
import org.vigia.bot.messages.Replies;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.core.chat.ReportIntake;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.observer.ObserverStore;

/**
 * How a trained volunteer becomes an observer: {@code /join CODE}, the consent text, then the name dispatchers
 * will see (typed, or the suggestion offered as a button). Nothing is stored before the last step, where the
 * single-use code is redeemed and the observer saved; a name that breaks the rules ({@link ObserverNames}) is
 * asked again with the rules, and changes nothing.
 */
public final class Joining {

	private final Conversations conversations;

	private final Replies replies;

	private final ObserverStore observers;

	private final ChatStates state;

	private final Clock clock;

	public Joining(Conversations conversations, Replies replies, ObserverStore observers, ChatStates state,
			Clock clock) {
		this.conversations = conversations;
		this.replies = replies;
		this.observers = observers;
		this.state = state;
		this.clock = clock;
	}

	void join(Address chat, String language, String argument) {
		if (ObserverDesk.observerAt(observers, chat).isPresent()) {
			replies.say(chat, language, "observer.join.already");
			return;
		}
		String code = argument == null ? "" : argument.strip().toUpperCase(Locale.ROOT);
		if (code.isEmpty()) {
			replies.say(chat, language, "observer.join.usage");
			return;
		}
		if (!state.inviteExists(code)) {
			replies.say(chat, language, "observer.join.invalid");
			return;
		}
		conversations.save(chat, new State(Mode.JOIN, language, null, code));
		replies.say(chat, language, List.of(List.of(
				replies.option(language, "observer.join.agree", new JoinAnswer(Answer.AGREE).value()),
				replies.option(language, "observer.join.decline", new JoinAnswer(Answer.DECLINE).value()))),
				"observer.join.consent");
	}

	/** A press on the consent buttons, or on the suggested name. */
	void press(Address chat, Inbound press, String language, Answer answer, State current) {
		boolean consenting = current != null && current.mode() == Mode.JOIN
				&& (answer == Answer.AGREE || answer == Answer.DECLINE);
		boolean suggested = current != null && current.mode() == Mode.JOIN_NAME && answer == Answer.SUGGESTED_NAME;
		if (!consenting && !suggested) {
			replies.answer(press, language, "button.stale");
			return;
		}
		replies.answer(press, language, null);
		if (suggested) {
			finish(chat, language, ObserverNames.suggestion(current.code()), current);
		}
		else if (answer == Answer.AGREE) {
			conversations.save(chat, new State(Mode.JOIN_NAME, language, null, current.code()));
			askName(chat, language, current.code(), "observer.name.ask");
		}
		else {
			conversations.end(chat);
			replies.say(chat, language, "observer.join.declined");
		}
	}

	/** Text typed while choosing a name. */
	void name(Address chat, String language, String typed, State current) {
		Optional<String> name = ObserverNames.valid(typed);
		if (name.isEmpty()) {
			askName(chat, language, current.code(), "observer.name.invalid");
			return;
		}
		finish(chat, language, name.get(), current);
	}

	private void askName(Address chat, String language, String code, String key) {
		String suggestion = ObserverNames.suggestion(code);
		replies.say(chat, language, List.of(List.of(replies.option(language, "observer.name.suggestion",
				new JoinAnswer(Answer.SUGGESTED_NAME).value(), suggestion))), key, ObserverNames.MIN, ObserverNames.MAX);
	}

	private void finish(Address chat, String language, String alias, State current) {
		conversations.end(chat);
		if (!state.redeemInvite(current.code())) {
			replies.say(chat, language, "observer.join.invalid");
			return;
		}
		var observer = new Observer(new ObserverId(ReportIntake.randomId().value()), alias, chat.key(), false, language,
				clock.instant());
		observers.save(observer);
		replies.say(chat, language, "observer.join.done", alias);
	}

}
