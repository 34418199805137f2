package org.vigia.core.accompany;

import org.vigia.core.chat.Text;

/**
 * Gives the person a single-use link to forward to a family contact: implemented by the messenger adapter
 * ({@code t.me/<bot>?start=<code>} on Telegram, a code to send to the bot on Signal). The flow never asks for a
 * phone number.
 */
public interface FamilyLinkOffer {

	/**
	 * Issues a link for the appointment that will have this id (at {@code appointmentAt}: the link expires by
	 * then, {@link FamilyLinks#issue}) and says how to forward it. The link is not stored here: it works once the
	 * request is confirmed and the caller keeps {@link Offer#link()} for the appointment.
	 */
	Offer offer(AppointmentId appointment, java.time.Instant appointmentAt);

	/**
	 * @param text what to show: the link and how to forward it, in the adapter's words
	 * @param link what to keep of it: its hash and expiry
	 */
	record Offer(Text text, FamilyLinks.Pending link) {

		public Offer {
			java.util.Objects.requireNonNull(text, "text must not be null");
			java.util.Objects.requireNonNull(link, "link must not be null");
		}

	}

}
