package org.vigia.bot.chat;

import org.vigia.bot.messages.Choice;

import java.util.List;
import java.util.Optional;


import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.dispatcher.DispatcherDesk;
import org.vigia.bot.dispatcher.SignalCaptcha;
import org.vigia.bot.observer.PromptAnswers;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverStore;

/**
 * Observers and dispatchers in their private chats, as the router sees them: joining ({@link Joining}), going
 * on and off duty ({@link Duty}), the buttons of observers' prompts ({@link PromptAnswers}) and dispatchers' commands and
 * buttons ({@link DispatcherDesk}).
 */
public final class ObserverDesk {

	private final Joining joining;

	private final Duty duty;

	private final PromptAnswers answers;

	private final DispatcherDesk dispatchers;

	private final SignalCaptcha captcha;

	private final org.vigia.bot.drill.DrillDesk drills;

	public ObserverDesk(Joining joining, Duty duty, PromptAnswers answers, DispatcherDesk dispatchers,
			SignalCaptcha captcha) {
		this(joining, duty, answers, dispatchers, captcha, null);
	}

	/** With {@code drills}, dispatchers may start a drill ({@code /drill}); without, the command is unknown. */
	public ObserverDesk(Joining joining, Duty duty, PromptAnswers answers, DispatcherDesk dispatchers,
			SignalCaptcha captcha, org.vigia.bot.drill.DrillDesk drills) {
		this.drills = drills;
		this.captcha = captcha;
		this.joining = joining;
		this.duty = duty;
		this.answers = answers;
		this.dispatchers = dispatchers;
	}

	// ---- joining and duty -------------------------------------------------------------------------

	public void join(Address chat, String language, String argument) {
		joining.join(chat, language, argument);
	}

	/** A press on a joining button: consent, or the suggested name. */
	public void consent(Address chat, Inbound press, String language, Choice.JoinAnswer.Answer answer, State current) {
		joining.press(chat, press, language, answer, current);
	}

	/** Text typed while choosing the name dispatchers will see. */
	public void name(Address chat, String language, String typed, State current) {
		joining.name(chat, language, typed, current);
	}

	public void onDuty(Address chat, String language) {
		duty.onDuty(chat, language);
	}

	/** A (live) location from an observer: while on duty, it moves them in the index. */
	public boolean location(Address chat, String language, GeoPoint where, boolean live, State current) {
		return duty.location(chat, language, where, live, current);
	}

	/** A neighborhood chosen from /onduty's list, or to renew a duty that ends. */
	public void dutyArea(Address chat, Inbound press, String language, Choice.DutyArea choice) {
		duty.chosen(chat, press, language, choice);
	}

	/** Text typed while /onduty asks for a place: a neighborhood's name, or not understood. */
	public void dutyText(Address chat, String language, String typed) {
		duty.typed(chat, language, typed);
	}

	public void offDuty(Address chat, String language) {
		duty.offDuty(chat, language);
	}

	// ---- buttons and dispatchers --------------------------------------------------------------------

	/** A press on an observer button: {@code token:action}. */
	public void press(Address user, Inbound press, String language, Choice.ObserverAnswer data) {
		answers.press(user, press, language, data);
	}

	public void invite(Address chat, String language) {
		dispatchers.invite(chat, language);
	}

	/** A Signal captcha solution pasted in the chat (dispatchers only). */
	public void captcha(Address chat, String language, String solution) {
		captcha.submit(chat, language, solution);
	}

	/** {@code /drill}: practice scenes through the real pipeline (dispatchers only); false if drills are off. */
	public boolean drill(Address chat, String language, String argument) {
		if (drills == null) {
			return false;
		}
		drills.start(chat, language, argument);
		return true;
	}

	public void incidents(Address chat, String language) {
		dispatchers.incidents(chat, language);
	}

	public void dispatcherPress(Address user, Inbound press, String language, Choice.DispatcherAction data) {
		dispatchers.press(user, press, language, data);
	}

	/** The observer who is reached at this address, if any. */
	static Optional<Observer> observerAt(ObserverStore observers, Address chat) {
		return observers.findByChat(chat.key());
	}

}
