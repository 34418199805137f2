package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.cluster.IncidentAssigner;
import org.vigia.core.cluster.Placement;
import org.vigia.core.report.Report;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Waits, after a write that a person is about to be told about, until a replica holds it too, so that a
 * failover (the primary killed, a replica promoted by Redis Sentinel) cannot lose what the bot confirmed.
 *
 * <p>Design note: {@code WAIT 1 <timeout>} on the bot's connection covers every write sent on it before,
 * and the bot shares one connection, so it covers the report just saved. Redis holds that connection's
 * later commands while it waits, for as long as a replica takes to answer (well under a millisecond on a
 * local network; BENCHMARKS.md). A primary with no replica connected (right after a failover, until the old
 * primary comes back as a replica) would hold it for the whole timeout at every report, so the number of
 * connected replicas is read first ({@code INFO replication}, which does not block); while it is zero, or
 * after a WAIT that timed out, nothing waits for a second, and reports live on the primary alone (its
 * append-only file). {@link #await} says which of the two it was. Thread-safe.
 */
public final class Replicas {

	private static final Logger log = LoggerFactory.getLogger(Replicas.class);

	private static final Duration RECHECK = Duration.ofSeconds(1);

	/** How much longer than the WAIT itself its answer may take to arrive. */
	private static final Duration PATIENCE = Duration.ofMillis(200);

	private final StringRedisTemplate redis;

	private final Duration timeout;

	private final Clock clock;

	/** Until when (epoch ms) no replica is expected: nothing waits before then. */
	private volatile long alone;

	private volatile boolean degraded;

	/** @param timeout the longest one wait lasts; zero turns waiting off ({@link #await} is then true) */
	public Replicas(StringRedisTemplate redis, Duration timeout, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("the replica wait must not be negative, was " + timeout);
		}
	}

	/**
	 * Waits until a replica acknowledged every write this process made so far.
	 * @return true if one did (or waiting is off); false if none is connected or none answered in time: the
	 * writes are then on the primary only
	 * @throws StoreUnavailableException if Redis cannot be reached: the writes may be lost
	 */
	public boolean await() {
		if (timeout.isZero()) {
			return true;
		}
		long now = clock.millis();
		if (now < alone) {
			return false;
		}
		// a WAIT on a primary without replicas would hold every command of the bot for the whole timeout
		if (connected() == 0) {
			alone = now + RECHECK.toMillis();
			degrade("no replica is connected");
			return false;
		}
		Long acknowledged = Guard.call("replica wait", () -> redis.execute((RedisCallback<Long>) c -> waitFor(c)));
		if (acknowledged != null && acknowledged >= 1) {
			if (degraded) {
				degraded = false;
				log.info("A replica acknowledges writes again");
			}
			return true;
		}
		alone = now + RECHECK.toMillis();
		degrade("no replica acknowledged within " + timeout.toMillis() + " ms");
		return false;
	}

	private void degrade(String why) {
		if (!degraded) {
			degraded = true;
			log.warn("Reports are kept on the Redis primary alone until a replica acknowledges again: {}", why);
		}
	}

	/** This assigner, whose every placement waits for a replica before it is answered. */
	public IncidentAssigner acknowledged(IncidentAssigner assigner) {
		Objects.requireNonNull(assigner, "assigner must not be null");
		return new IncidentAssigner() {

			@Override
			public Placement assign(Report report) {
				Placement placement = assigner.assign(report);
				await();
				return placement;
			}

		};
	}

	private long connected() {
		Properties info = Guard.call("replica count",
				() -> redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("replication")));
		String count = info == null ? null : info.getProperty("connected_slaves");
		return count == null ? 0 : Long.parseLong(count.strip());
	}

	/** WAIT on the bot's shared connection (Spring Data's {@code execute} cannot read an integer answer). */
	private Long waitFor(RedisConnection connection) {
		var commands = (BaseRedisAsyncCommands<?, ?>) connection.getNativeConnection();
		try {
			return LettuceFutures.awaitOrCancel(commands.waitForReplication(1, timeout.toMillis()),
					timeout.toMillis() + PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RedisCommandExecutionException ex) {
			throw ex;
		}
		catch (RedisException ex) {
			// timed out or disconnected: what the primary held may be gone with it
			throw new StoreUnavailableException("replica wait", ex);
		}
	}

}
