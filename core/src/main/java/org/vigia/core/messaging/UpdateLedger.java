package org.vigia.core.messaging;

import java.time.Duration;

import org.vigia.core.support.Claim;

/**
 * A messenger's update ids already taken, so that an update delivered twice (webhook retries, a restart between
 * receiving and acknowledging, a second instance) is handled once.
 *
 * <p>Protocol: {@link #claim} before handling, {@link #done} after. If the process holding a claim dies before
 * {@link #done}, a redelivery of the update is granted after all, instead of being lost.
 */
public interface UpdateLedger {

	/** Whether this process should handle the update: once on any instance, or again if its handler died. */
	Claim claim(long updateId);

	/** How long to wait for an update another process holds: until it is either done or may be taken over. */
	Duration patience();

	/** The update was handled: never again. */
	void done(long updateId);

}
