package org.vigia.core.neighborhood;

import java.util.Objects;

import org.vigia.core.messaging.Address;
import org.vigia.core.support.Checks;

/**
 * A neighborhood the network serves, with the channel and the Signal group its confirmed alerts go to. The
 * polygon itself stays inside {@link NeighborhoodMap}.
 *
 * @param id stable id (a slug of the name unless the feature gives one)
 * @param name display name, at most 100 characters
 * @param channel the Telegram channel ({@code @name} or a numeric id), or null for none
 * @param language the channel's language ("en", "es", ...)
 * @param signalGroup the Signal group (announcement-only, the bot an admin) by the base64 id signal-cli prints,
 * or null for none
 */
public record Neighborhood(NeighborhoodId id, String name, String channel, String language, String signalGroup) {

	public Neighborhood {
		Objects.requireNonNull(id, "id must not be null");
		Checks.text("name", name, 100);
		if (channel != null) {
			Checks.text("channel", channel, 64);
			if (!channel.matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?[0-9]{5,20}")) {
				throw new IllegalArgumentException("channel must be @name or a numeric chat id");
			}
		}
		Checks.token("language", language, 8);
		if (signalGroup != null) {
			try {
				Address.signalGroup(signalGroup);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("signal_group must be a Signal group id as signal-cli prints it"
						+ " (listGroups: 44 characters of base64)");
			}
		}
	}

	/** A neighborhood without a Signal group. */
	public Neighborhood(NeighborhoodId id, String name, String channel, String language) {
		this(id, name, channel, language, null);
	}

	/** Whether confirmed alerts here go anywhere: a channel or a Signal group. */
	public boolean hasAlerts() {
		return channel != null || signalGroup != null;
	}

}
