package org.vigia.core.messaging;

import java.time.Instant;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * A message the bot sent, as its adapter can find it again: to edit it, to quote it, or to recognise a reply
 * that quotes it ({@link Inbound#quotes()} carries the same {@code id}).
 *
 * <p>Ids by transport: Telegram, the message id; Signal, the message's timestamp (signal-cli's
 * {@code send} answers it, and a quote names the quoted message by it); simulated, any token.
 *
 * @param to where it was sent
 * @param id the transport's reference of the message (digits or a token, at most 32 characters)
 * @param at when it was sent, for edit windows ({@link Capabilities#canEdit})
 */
public record SentRef(Address to, String id, Instant at) {

	public SentRef {
		Objects.requireNonNull(to, "to must not be null");
		Checks.token("sent message id", id, 32);
		Objects.requireNonNull(at, "at must not be null");
	}

}
