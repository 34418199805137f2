package org.vigia.bot.chat;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.core.chat.ReportIntake;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisObserverStore;

/**
 * How a trained volunteer becomes an observer: {@code /join CODE}, the consent text, then the name dispatchers
 * will see (typed, or the suggestion offered as a button). Nothing is stored before the last step, where the
 * single-use code is redeemed and the observer saved; a name that breaks the rules ({@link ObserverNames}) is
 * asked again with the rules, and changes nothing.
 */
final class Joining {

	static final String AGREE = "y", DECLINE = "n", SUGGESTED = "name";

	private final Conversations conversations;

	private final Replies replies;

	private final RedisObserverStore observers;

	private final RedisChatState state;

	private final Clock clock;

	Joining(Conversations conversations, Replies replies, RedisObserverStore observers, RedisChatState state,
			Clock clock) {
		this.conversations = conversations;
		this.replies = replies;
		this.observers = observers;
		this.state = state;
		this.clock = clock;
	}

	void join(long chat, String language, String argument) {
		if (observers.findByChat(chat).isPresent()) {
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
		replies.say(chat, language, ObserverDesk.inline(List.of(
				ObserverDesk.button(replies.texts().render("observer.join.agree", language), ObserverDesk.JOIN + ":" + AGREE),
				ObserverDesk.button(replies.texts().render("observer.join.decline", language),
						ObserverDesk.JOIN + ":" + DECLINE))),
				"observer.join.consent");
	}

	/** A press on the consent buttons, or on the suggested name. */
	void press(long chat, String callbackId, String language, String answer, State current) {
		boolean consenting = current != null && current.mode() == Mode.JOIN && (AGREE.equals(answer) || DECLINE.equals(answer));
		boolean suggested = current != null && current.mode() == Mode.JOIN_NAME && SUGGESTED.equals(answer);
		if (!consenting && !suggested) {
			replies.answer(callbackId, chat, language, "button.stale");
			return;
		}
		replies.answer(callbackId, chat, language, null);
		if (suggested) {
			finish(chat, language, ObserverNames.suggestion(current.code()), current);
		}
		else if (AGREE.equals(answer)) {
			conversations.save(chat, new State(Mode.JOIN_NAME, language, null, current.code()));
			askName(chat, language, current.code(), "observer.name.ask");
		}
		else {
			conversations.end(chat);
			replies.say(chat, language, "observer.join.declined");
		}
	}

	/** Text typed while choosing a name. */
	void name(long chat, String language, String typed, State current) {
		Optional<String> name = ObserverNames.valid(typed);
		if (name.isEmpty()) {
			askName(chat, language, current.code(), "observer.name.invalid");
			return;
		}
		finish(chat, language, name.get(), current);
	}

	private void askName(long chat, String language, String code, String key) {
		String suggestion = ObserverNames.suggestion(code);
		replies.say(chat, language, ObserverDesk.inline(List.of(ObserverDesk.button(
				replies.texts().render("observer.name.suggestion", language, suggestion), ObserverDesk.JOIN + ":" + SUGGESTED))),
				key, ObserverNames.MIN, ObserverNames.MAX);
	}

	private void finish(long chat, String language, String alias, State current) {
		conversations.end(chat);
		if (!state.redeemInvite(current.code())) {
			replies.say(chat, language, "observer.join.invalid");
			return;
		}
		var observer = new Observer(new ObserverId(ReportIntake.randomId().value()), alias, chat, false, language,
				clock.instant());
		observers.save(observer);
		replies.say(chat, language, "observer.join.done", alias);
	}

}
