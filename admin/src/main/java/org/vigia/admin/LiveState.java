package org.vigia.admin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import org.vigia.core.incident.Incident;
import org.vigia.store.EmbeddedRedis;
import org.vigia.core.incident.IncidentStore;
import org.vigia.store.RedisKeys;
import org.vigia.core.observer.ObserverStore;
import org.vigia.store.RedisSettings;

/**
 * What the console knows of the world, checked twice a second by one thread for every open page: whether
 * Redis answers, whether the bot is reading its commands, and whether open incidents or on-duty observers
 * changed (new incident, new report, state, dispatch or verdict). Each change is handed to the
 * {@link EventRelay}, which tells the pages. Pages render the last status without asking Redis.
 *
 * <p>Recovery: the connection reconnects by itself; and with the embedded development Redis (no
 * REDIS_URL), when the bot comes back on a new port, the console finds it the way it did at start, from
 * the port file in the data folder, and moves its connection there.
 *
 * <p>The bot counts as up when a consumer of the command stream read it within the last 15 seconds (the bot
 * reads it several times a second): exactly what the console needs to know, whether its commands will be
 * carried out; before the first command ever (no stream yet), when a bot process keeps its heartbeat key.
 */
@Component
class LiveState implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveState.class);

	static final Duration BOT_SILENT = Duration.ofSeconds(15);

	/** Whether Redis answers and whether the bot reads its commands. */
	record Status(boolean redis, boolean bot) {

		static final Status UNKNOWN = new Status(true, true);

		String name() {
			return !redis ? "redis-down" : !bot ? "bot-down" : "ok";
		}

	}

	private final StringRedisTemplate redis;

	private final IncidentStore incidents;

	private final ObserverStore observers;

	private final LettuceConnectionFactory connections;

	private final RedisSettings settings;

	private final String commands;

	private final String instances;

	private volatile Status status = Status.UNKNOWN;

	private volatile int incidentsPrint;

	private volatile int observersPrint;

	private volatile BiConsumer<String, Object> listener = (name, data) -> {
	};

	private ScheduledExecutorService loop;

	LiveState(StringRedisTemplate redis, RedisKeys keys, IncidentStore incidents, ObserverStore observers,
			LettuceConnectionFactory connections, RedisSettings settings) {
		this.redis = redis;
		this.incidents = incidents;
		this.observers = observers;
		this.connections = connections;
		this.settings = settings;
		this.commands = keys.prefix() + "commands";
		this.instances = keys.prefix() + "instance:";
	}

	Status status() {
		return status;
	}

	/** Who hears about changes: ({@code status}, Status), ({@code incidents}, count), ({@code observers}, count). */
	void onChange(BiConsumer<String, Object> listener) {
		this.listener = listener;
	}

	void check() {
		boolean redisUp;
		List<Incident> open = List.of();
		int onDuty = 0;
		try {
			open = incidents.open();
			onDuty = observers.onDutyPositions().keySet().hashCode();
			redisUp = true;
		}
		catch (RuntimeException ex) {
			redisUp = false;
			follow();
		}
		boolean botUp = redisUp && botReading();
		Status now = new Status(redisUp, botUp);
		if (!now.equals(status)) {
			status = now;
			log.info("Console sees Redis {} and the bot {}", redisUp ? "up" : "unreachable", botUp ? "up" : "not reading");
			listener.accept("status", now);
		}
		if (!redisUp) {
			return;
		}
		int print = open.stream()
			.map(i -> Objects.hash(i.id(), i.state(), i.reports().size(), i.verdicts().size(), i.dispatch()))
			.toList()
			.hashCode();
		if (print != incidentsPrint) {
			incidentsPrint = print;
			listener.accept("incidents", open.size());
		}
		if (onDuty != observersPrint) {
			observersPrint = onDuty;
			listener.accept("observers", onDuty);
		}
	}

	private boolean botReading() {
		try {
			var consumers = redis.opsForStream().consumers(commands, "bots");
			if (consumers.stream().anyMatch(c -> c.idleTimeMs() < BOT_SILENT.toMillis())) {
				return true;
			}
		}
		catch (RuntimeException ex) {
			// no stream or no group yet: no command was ever sent; look for a heartbeat instead
		}
		return heartbeat();
	}

	private volatile long heartbeatCheckedAt = System.nanoTime() - 3_000_000_000L;

	private volatile boolean heartbeatSeen;

	/**
	 * Whether a bot process keeps its heartbeat key ({@code instance:…}, renewed every 5 s), looked up at most
	 * every 2 s: the fallback before the first command creates the command stream.
	 */
	private boolean heartbeat() {
		long now = System.nanoTime();
		if (now - heartbeatCheckedAt > 2_000_000_000L) {
			var keys = redis.keys(instances + "*");
			heartbeatSeen = keys != null && !keys.isEmpty();
			heartbeatCheckedAt = now;
		}
		return heartbeatSeen;
	}

	/** With the embedded Redis, moves the connection to the port the bot's server now has, if it moved. */
	private void follow() {
		if (!settings.embedded()) {
			return;
		}
		var running = EmbeddedRedis.running(settings.dataDir());
		var config = connections.getStandaloneConfiguration();
		if (running.isEmpty() || running.getAsInt() == config.getPort()) {
			return;
		}
		log.info("The embedded Redis moved to loopback port {}: reconnecting there", running.getAsInt());
		config.setPort(running.getAsInt());
		connections.stop();
		connections.start();
	}

	@Override
	public void start() {
		loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigia-console-live"));
		loop.scheduleWithFixedDelay(() -> {
			try {
				check();
			}
			catch (RuntimeException ex) {
				log.warn("Live check failed: {}", ex.getClass().getSimpleName());
			}
		}, 0, 500, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (loop != null) {
			loop.shutdownNow();
			loop = null;
		}
	}

	@Override
	public boolean isRunning() {
		return loop != null;
	}

}
