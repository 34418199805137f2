package org.vigia.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.vigia.store.RedisKeys;

/**
 * Live updates for the console, as server-sent events on {@code /events}: {@code status} (Redis and bot
 * reachable or not), {@code incidents} and {@code observers} (something changed: fetch again), and
 * {@code command} (the bot carried out or refused a command, from its event stream). Events carry
 * incident ids and states only.
 *
 * <p>A browser opens one stream for all its tabs (live.js elects one tab to hold it and shares what it
 * hears), so that tabs do not use up the browser's six connections per server.
 */
@Component
@RestController
class EventRelay implements SmartLifecycle {

	private final StringRedisTemplate redis;

	private final String stream;

	private final LiveState live;

	private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();

	private ScheduledExecutorService reader;

	private volatile String last = "$";

	/** The bot's latest answers, by command id, for a page that opened after the answer came. */
	private final com.github.benmanes.caffeine.cache.Cache<String, Map<String, String>> answers = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumSize(2_000)
		.expireAfterWrite(Duration.ofMinutes(30))
		.build();

	EventRelay(StringRedisTemplate redis, RedisKeys keys, LiveState live) {
		this.redis = redis;
		this.stream = keys.prefix() + "events";
		this.live = live;
		live.onChange((name, data) -> relay(name, name.equals("status") ? statusOf((LiveState.Status) data) : data));
	}

	@GetMapping("/events")
	SseEmitter subscribe() throws IOException {
		var emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		emitter.onCompletion(() -> pages.remove(emitter));
		emitter.onTimeout(() -> pages.remove(emitter));
		emitter.onError(e -> pages.remove(emitter));
		emitter.send(SseEmitter.event().name("status").data(statusOf(live.status())));
		pages.add(emitter);
		return emitter;
	}

	/** The bot's answer to a command: {@code command-done}, {@code command-failed}, or {@code pending}. */
	@GetMapping("/commands/{id}")
	Map<String, String> answer(@org.springframework.web.bind.annotation.PathVariable String id) {
		if (!id.matches("[A-Za-z0-9-]{8,64}")) {
			return Map.of("type", "pending");
		}
		var known = answers.getIfPresent(id);
		return known == null ? Map.of("type", "pending") : known;
	}

	/** How many pages' streams are open now (one per browser, whatever its number of tabs). */
	int streams() {
		return pages.size();
	}

	static Map<String, Object> statusOf(LiveState.Status status) {
		return Map.of("redis", status.redis(), "bot", status.bot(), "status", status.name());
	}

	void read() {
		try {
			if ("$".equals(last)) {
				var newest = redis.opsForStream().reverseRange(stream, org.springframework.data.domain.Range.unbounded(),
						org.springframework.data.redis.connection.Limit.limit().count(1));
				last = newest == null || newest.isEmpty() ? "0-0" : newest.get(0).getId().getValue();
			}
			List<MapRecord<String, Object, Object>> records = redis.opsForStream()
				.read(StreamReadOptions.empty().count(50), StreamOffset.create(stream, ReadOffset.from(last)));
			if (records == null) {
				return;
			}
			for (MapRecord<String, Object, Object> record : records) {
				last = record.getId().getValue();
				Map<Object, Object> event = record.getValue();
				if (event.get("command") != null && !"".equals(event.get("command"))) {
					answers.put(String.valueOf(event.get("command")), Map.of("type", String.valueOf(event.get("type")),
							"commandType", String.valueOf(event.getOrDefault("commandType", ""))));
				}
				relay("incident-changed".equals(event.get("type")) ? "incidents" : "command", event);
			}
		}
		catch (RuntimeException ex) {
			// Redis away: the pages keep what they show, the banner says why, and they catch up when it is back
		}
	}

	private void relay(String name, Object data) {
		for (SseEmitter page : pages) {
			try {
				page.send(SseEmitter.event().name(name).data(data));
			}
			catch (IOException | IllegalStateException ex) {
				pages.remove(page);
			}
		}
	}

	@Override
	public void start() {
		reader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigia-console-events"));
		reader.scheduleWithFixedDelay(this::read, 0, 250, TimeUnit.MILLISECONDS);
		// a comment now and then finds the streams of pages that went away
		reader.scheduleWithFixedDelay(() -> relay("ping", "{}"), 15, 15, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		if (reader != null) {
			reader.shutdownNow();
			reader = null;
		}
		pages.forEach(SseEmitter::complete);
	}

	@Override
	public boolean isRunning() {
		return reader != null;
	}

}
