package org.vigia.bot.accompany;

import java.util.List;
import java.util.Objects;

import org.vigia.bot.messages.Choice;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.FamilyJoins;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;

/**
 * A family contact opens the person's link ({@code /start f_<code>}): they read what it means and accept with a
 * button ({@link Choice.FamilyAnswer}); only then is the single-use link taken ({@link FamilyJoins}), the contact
 * told that they will hear at once if something happens, and the person told that their contact joined. A
 * forged, used or expired link, or one whose request was never confirmed, is answered plainly and changes
 * nothing; declining leaves the link unused.
 */
final class FamilyDesk {

	private final FamilyJoins joins;

	private final Audience audience;

	FamilyDesk(FamilyJoins joins, Audience audience) {
		this.joins = Objects.requireNonNull(joins, "joins must not be null");
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
	}

	/** {@code /start f_…}: the question, or why the link does not work. */
	void open(Address chat, String language, String code) {
		var replies = audience.replies();
		if (!FamilyLinks.wellFormed(code)) {
			replies.say(chat, language, "accompany.family.invalid");
			return;
		}
		replies.say(chat, language, List.of(List.of(
				replies.option(language, "accompany.family.accept", new Choice.FamilyAnswer(true, code).value()),
				replies.option(language, "accompany.family.decline", new Choice.FamilyAnswer(false, "").value()))),
				"accompany.family.consent");
	}

	void press(Address chat, Inbound press, String language, Choice.FamilyAnswer answer) {
		var replies = audience.replies();
		replies.answer(press, language, null);
		if (!answer.accept()) {
			replies.say(chat, language, "accompany.family.declined");
			return;
		}
		FamilyJoins.Result result = joins.join(answer.code(), chat);
		switch (result.outcome()) {
			case JOINED -> joined(chat, language, result.appointment().orElseThrow());
			case ALREADY -> replies.say(chat, language, "accompany.family.already");
			case GONE -> replies.say(chat, language, "accompany.family.gone");
			case FULL -> replies.say(chat, language, "accompany.family.full");
			case NOT_A_LINK, NOT_VALID -> replies.say(chat, language, "accompany.family.invalid");
		}
	}

	private void joined(Address chat, String language, Appointment a) {
		audience.remember(chat, language, a.retainUntil());
		audience.replies().say(chat, language, "accompany.family.joined", audience.when(a, language));
		Address person = a.request().person();
		String personLanguage = audience.languageOf(person, a.request().language());
		audience.say(person, personLanguage, Messenger.Urgency.NORMAL, List.of(), "accompany.person.familyJoined");
	}

}
