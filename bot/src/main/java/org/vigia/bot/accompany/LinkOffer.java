package org.vigia.bot.accompany;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.FamilyLinkOffer;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.chat.Text;
import org.vigia.core.messaging.Transport;

/**
 * Family links as each messenger can carry them: on Telegram, when the bot's username is set, a deep link
 * ({@code https://t.me/<bot>?start=f_<code>}) that opens the bot and sends the code with one tap; anywhere else,
 * the message to send to the bot ({@code /start f_<code>}), which the contact copies.
 */
final class LinkOffer implements FamilyLinkOffer {

	private final FamilyLinks links;

	private final String botUsername;

	private final Transport transport;

	private final Clock clock;

	/**
	 * @param botUsername the Telegram bot's username without the @, blank if not set
	 * @param transport the messenger of the person the link is given to
	 */
	LinkOffer(FamilyLinks links, String botUsername, Transport transport, Clock clock) {
		this.links = Objects.requireNonNull(links, "links must not be null");
		this.botUsername = botUsername == null ? "" : botUsername.strip();
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public Offer offer(AppointmentId appointment, Instant appointmentAt) {
		FamilyLinks.Issued issued = links.issue(appointmentAt, clock.instant());
		Text text = transport == Transport.TELEGRAM && !botUsername.isEmpty()
				? Text.of("accompany.family.link.telegram", "https://t.me/" + botUsername + "?start=" + issued.code())
				: Text.of("accompany.family.link.code", "/start " + issued.code());
		return new Offer(text, issued.pending());
	}

}
