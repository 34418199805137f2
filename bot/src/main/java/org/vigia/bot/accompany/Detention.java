package org.vigia.bot.accompany;

import java.util.List;
import java.util.Objects;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;

/**
 * "Detained": told at once, each in their own language and with the network's legal-help text, to the family
 * contacts, the coordinators (the console shows the case too) and the other accompaniers. The person is not
 * written to: their phone may no longer be in their hands. Nothing goes to any channel.
 */
final class Detention {

	private final Audience audience;

	Detention(Audience audience) {
		this.audience = Objects.requireNonNull(audience, "audience must not be null");
	}

	void alert(Appointment a, Accompanier reporter) {
		for (Address contact : a.family()) {
			String language = audience.languageOf(contact, a.request().language());
			audience.say(contact, language, Messenger.Urgency.URGENT, List.of(), "accompany.detained.family",
					audience.kind(a), audience.where(a), audience.when(a, language), audience.legalHelp(language));
		}
		audience.tellCoordinators("accompany.detained.coordinator", l -> new Object[] { audience.kind(a),
				audience.where(a), audience.when(a, l), reporter.displayName(), a.family().size(), audience.legalHelp(l) });
		for (AccompanierId other : a.assignedOtherThan(reporter.id())) {
			audience.accompanier(other).ifPresent(o -> {
				String language = audience.languageOf(o);
				audience.say(o.address(), language, Messenger.Urgency.URGENT, List.of(), "accompany.detained.accompanier",
						reporter.displayName(), audience.where(a), audience.legalHelp(language));
			});
		}
	}

	/** A coordinator closed the case in the console: the other coordinators and the reporter are told. */
	void closed(Appointment a) {
		audience.tellCoordinators("accompany.case.closed", l -> new Object[] { audience.kind(a), audience.when(a, l) });
		if (a.detention() != null) {
			audience.accompanier(a.detention().reportedBy()).ifPresent(o -> {
				String language = audience.languageOf(o);
				audience.replies().say(o.address(), language, "accompany.case.closed", audience.kind(a),
						audience.when(a, language));
			});
		}
	}

}
