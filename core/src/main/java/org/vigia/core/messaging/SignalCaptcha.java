package org.vigia.core.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether Signal holds the bot's messages until a person solves a captcha, for the console's banner: the bot
 * raises the flag when the demand starts, renews it while it lasts and lowers it when it is lifted; a flag that is
 * not renewed expires, so a bot that stopped leaves no banner behind. Holds no token, id or text of anyone.
 */
public interface SignalCaptcha {

	/** A captcha demand: since when, and how many messages wait for it. */
	record Hold(Instant since, int held) {

		public Hold {
			Objects.requireNonNull(since, "since must not be null");
		}

	}

	/** Signal demands a captcha (or still does): raised, or renewed. */
	void raise(Hold hold);

	/** The demand is lifted. */
	void lower();

	/** The demand the bot last reported, if it is still raised. */
	Optional<Hold> find();

}
