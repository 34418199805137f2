package org.vigia.bot.telegram;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The pause between failed getUpdates calls: 0.5 s doubling up to a cap (5 s by default), with jitter.
 *
 * <p>The library's own backoff grows to a minute, so after a one-minute outage the bot could stay deaf for
 * another half minute; a low cap costs one small request every few seconds while Telegram is down. The
 * library logs each failure with its exception, whose text may quote the update that could not be read
 * (names, ids): its logger is silenced in application.yml, and this class reports failures instead, by
 * count only. Used by the one polling thread.
 */
final class PollBackOff implements BackOff {

	private static final Logger log = LoggerFactory.getLogger(PollBackOff.class);

	private final long capMillis;

	private final TelegramReach reach;

	private int failures;

	/** @param reach told of every getUpdates that got an answer, and of every one that failed */
	PollBackOff(long capMillis, TelegramReach reach) {
		if (capMillis < 500) {
			throw new IllegalArgumentException("the backoff cap must be at least 500 ms, was " + capMillis);
		}
		this.capMillis = capMillis;
		this.reach = java.util.Objects.requireNonNull(reach, "reach must not be null");
	}

	/** Called after every successful getUpdates. */
	@Override
	public void reset() {
		reach.answered();
		if (failures > 0) {
			log.warn("Getting updates from Telegram again after {} failed attempts", failures);
		}
		failures = 0;
	}

	@Override
	public long nextBackOffMillis() {
		reach.failed();
		failures++;
		long pause = Math.min(capMillis, 500L << Math.min(failures - 1, 20));
		long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
		if (failures == 1 || failures % 10 == 0) {
			log.warn("Could not get updates from Telegram ({} attempts so far); trying again in {} ms", failures, jittered);
		}
		return jittered;
	}

}
