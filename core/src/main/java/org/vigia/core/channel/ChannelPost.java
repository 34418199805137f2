package org.vigia.core.channel;

import java.util.Objects;

import org.vigia.core.incident.IncidentId;
import org.vigia.core.support.Checks;

/**
 * A message the bot posted to a neighborhood channel for an incident; later updates edit it.
 *
 * @param incident which incident
 * @param channel the channel's @username or numeric id, as text
 * @param messageId the message id Telegram returned
 */
public record ChannelPost(IncidentId incident, String channel, long messageId) {

	public ChannelPost {
		Objects.requireNonNull(incident, "incident must not be null");
		Checks.text("channel", channel, 64);
		if (messageId <= 0) {
			throw new IllegalArgumentException("messageId must be positive, was " + messageId);
		}
	}

}
