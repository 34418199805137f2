package org.vigia.bot.dispatcher;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.vigia.bot.messages.Replies;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Transport;

/**
 * Signal's captcha demand, on the dispatchers' side: when Signal holds the bot's messages until a person solves a
 * captcha, every dispatcher is told, on their own messenger, what to do; a dispatcher then pastes the solution (the
 * {@code signalcaptcha://…} link, too long for a command's argument) in their chat with the bot and hears whether
 * Signal took it (held messages then go out, each person's in order). Anyone else pasting one is told this is for
 * dispatchers, and nothing is submitted.
 * Thread-safe.
 */
public final class SignalCaptcha {

	/** What became of a submitted solution. */
	public enum Outcome {

		/** Signal accepted it: held messages are on their way. */
		ACCEPTED,
		/** Signal refused it (outdated, used, solved from another network): solve a new one. */
		REJECTED,
		/** Nothing is held for a captcha. */
		NOT_NEEDED,
		/** signal-cli could not be reached: try again. */
		UNAVAILABLE

	}

	/** No Signal in this bot: nothing is ever held for a captcha. */
	public static final Function<String, Outcome> NO_SIGNAL = captcha -> Outcome.NOT_NEEDED;

	private final Replies replies;

	private final Set<Address> dispatchers;

	private final Function<Address, String> languageOf;

	private final Function<String, Outcome> solver;

	/**
	 * @param languageOf the language a dispatcher chose
	 * @param solver submits a solution to Signal (blocks for one call to signal-cli)
	 */
	public SignalCaptcha(Replies replies, Set<Address> dispatchers, Function<Address, String> languageOf,
			Function<String, Outcome> solver) {
		this.replies = Objects.requireNonNull(replies, "replies must not be null");
		this.dispatchers = Set.copyOf(dispatchers);
		this.languageOf = Objects.requireNonNull(languageOf, "languageOf must not be null");
		this.solver = Objects.requireNonNull(solver, "solver must not be null");
	}

	/**
	 * Signal demands a captcha: every dispatcher hears it, urgently. Those on Signal get it once the demand is
	 * lifted (their message waits with the rest), which is why dispatchers should be on Telegram or watch the
	 * console's health.
	 *
	 * @param held how many messages wait for it
	 */
	public void demanded(int held) {
		for (Address dispatcher : dispatchers) {
			String language = languageOf.apply(dispatcher);
			replies.send(dispatcher, replies.message(language, "dispatcher.captcha.demanded", held),
					dispatcher.transport() == Transport.SIGNAL ? Messenger.Urgency.NORMAL : Messenger.Urgency.URGENT);
		}
	}

	/** Whether a typed text is a captcha solution, to {@link #submit}. */
	public static boolean isSolution(String typed) {
		return typed != null && typed.strip().startsWith("signalcaptcha://");
	}

	/**
	 * An admin's solution from the console (signed in and audited there): submitted as is, its outcome returned
	 * for the console's answer. Blocks for one call to signal-cli.
	 */
	public Outcome solveFromConsole(String solution) {
		if (!isSolution(solution)) {
			return Outcome.REJECTED;
		}
		return solver.apply(solution.strip());
	}

	/** A pasted {@code signalcaptcha://} link: submitted if it comes from a dispatcher. */
	public void submit(Address chat, String language, String argument) {
		if (!dispatchers.contains(chat)) {
			replies.say(chat, language, "dispatcher.only");
			return;
		}
		if (argument == null || argument.isBlank()) {
			replies.say(chat, language, "dispatcher.captcha.usage");
			return;
		}
		Outcome outcome = solver.apply(argument.strip());
		replies.say(chat, language, switch (outcome) {
			case ACCEPTED -> "dispatcher.captcha.accepted";
			case REJECTED -> "dispatcher.captcha.rejected";
			case NOT_NEEDED -> "dispatcher.captcha.notNeeded";
			case UNAVAILABLE -> "dispatcher.captcha.unavailable";
		});
	}

}
