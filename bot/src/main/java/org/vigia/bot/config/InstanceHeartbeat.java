package org.vigia.bot.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.vigia.store.RedisInstances;
import org.vigia.store.StoreUnavailableException;

/**
 * Keeps this process's heartbeat in Redis while it runs (every third of its TTL), so that what it claimed
 * is left to it, and removes it on a clean stop so that another process may take over at once. Starts
 * before the Telegram connection and stops after it.
 */
final class InstanceHeartbeat implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

	private final RedisInstances instances;

	private ScheduledExecutorService timer;

	InstanceHeartbeat(RedisInstances instances) {
		this.instances = instances;
	}

	private void beat() {
		try {
			instances.beat();
		}
		catch (StoreUnavailableException ex) {
			log.debug("Redis unavailable: heartbeat skipped");
		}
	}

	@Override
	public void start() {
		beat();
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			var thread = new Thread(r, "vigia-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(100, instances.ttl().toMillis() / 3);
		timer.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
		try {
			instances.leave();
		}
		catch (StoreUnavailableException ex) {
			log.debug("Redis unavailable: heartbeat left to expire");
		}
	}

	@Override
	public boolean isRunning() {
		return timer != null;
	}

	@Override
	public int getPhase() {
		// before the Telegram connection (Integer.MAX_VALUE - 100) on the way up, after it on the way down
		return Integer.MAX_VALUE - 200;
	}

}
