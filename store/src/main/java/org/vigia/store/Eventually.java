package org.vigia.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Redis writes that a short Redis outage must not lose, made after Telegram already acted (an alert was
 * posted: record it; every channel has its post: the incident is PUBLISHED). Tried at once; while Redis
 * is unavailable, tried again after 1, 2, 4 … seconds, for about four minutes in all, on one daemon
 * thread. Writes must be idempotent. Other failures are logged by class and not retried.
 */
public final class Eventually {

	private static final Logger log = LoggerFactory.getLogger(Eventually.class);

	private static final int ATTEMPTS = 9;

	private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
		var thread = new Thread(r, "vigia-store-retry");
		thread.setDaemon(true);
		return thread;
	});

	private Eventually() {
	}

	/** Runs {@code write} now, or later once Redis is back; {@code what} names it in the log. */
	public static void store(String what, Runnable write) {
		attempt(what, write, 0);
	}

	private static void attempt(String what, Runnable write, int attempt) {
		try {
			write.run();
			if (attempt > 0) {
				log.info("Wrote {} after Redis came back", what);
			}
		}
		catch (StoreUnavailableException ex) {
			if (attempt + 1 >= ATTEMPTS) {
				log.error("Gave up writing {}: Redis stayed unavailable", what);
				return;
			}
			if (attempt == 0) {
				log.warn("Redis unavailable: will write {} when it is back", what);
			}
			RETRIES.schedule(() -> attempt(what, write, attempt + 1), 1L << attempt, TimeUnit.SECONDS);
		}
		catch (RuntimeException ex) {
			log.warn("Writing {} failed: {}", what, ex.getClass().getSimpleName());
		}
	}

}
