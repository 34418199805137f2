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
	 * then, {@link FamilyLinks#issue}), keeps it, and says how to forward it.
	 *
	 * @return the text to show: the link and how to forward it, in the adapter's words
	 */
	Text offer(AppointmentId appointment, java.time.Instant appointmentAt);

}
