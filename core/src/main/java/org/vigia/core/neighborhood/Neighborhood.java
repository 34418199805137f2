package org.vigia.core.neighborhood;

import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * A neighborhood the network serves, with the channel its confirmed alerts go to. The polygon itself stays
 * inside {@link NeighborhoodMap}.
 *
 * @param id stable id (a slug of the name unless the feature gives one)
 * @param name display name, at most 100 characters
 * @param channel the Telegram channel ({@code @name} or a numeric id), or null for none
 * @param language the channel's language ("en", "es", ...)
 */
public record Neighborhood(NeighborhoodId id, String name, String channel, String language) {

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
	}

}
