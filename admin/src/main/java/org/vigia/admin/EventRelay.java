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
 * Live updates for the console: one reader follows the bot's event stream and relays each event to the
 * open pages as server-sent events ({@code incident} when an incident changed, {@code command} when the
 * bot carried out or refused a command). Events carry incident ids and states only.
 */
@Component
@RestController
class EventRelay implements SmartLifecycle {

	private final StringRedisTemplate redis;

	private final String stream;

	private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();

	private ScheduledExecutorService reader;

	private volatile String last = "$";

	EventRelay(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.stream = keys.prefix() + "events";
	}

	@GetMapping("/events")
	SseEmitter subscribe() {
		var emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		pages.add(emitter);
		emitter.onCompletion(() -> pages.remove(emitter));
		emitter.onTimeout(() -> pages.remove(emitter));
		emitter.onError(e -> pages.remove(emitter));
		return emitter;
	}

	void read() {
		try {
			if ("$".equals(last)) {
				var newest = redis.opsForStream().reverseRange(stream, org.springframework.data.domain.Range.unbounded(),
						org.springframework.data.redis.connection.Limit.limit().count(1));
				last = newest == null || newest.isEmpty() ? "0-0" : newest.get(0).getId().getValue();
			}
			List<MapRecord<String, Object, Object>> records = redis.opsForStream()
				.read(StreamReadOptions.empty().count(50).block(Duration.ofMillis(300)),
						StreamOffset.create(stream, ReadOffset.from(last)));
			if (records == null) {
				return;
			}
			for (MapRecord<String, Object, Object> record : records) {
				last = record.getId().getValue();
				relay(record.getValue());
			}
		}
		catch (RuntimeException ex) {
			// Redis away: the pages keep what they show and catch up when it is back
		}
	}

	private void relay(Map<Object, Object> event) {
		String name = "incident-changed".equals(event.get("type")) ? "incident" : "command";
		for (SseEmitter page : pages) {
			try {
				page.send(SseEmitter.event().name(name).data(event));
			}
			catch (IOException | IllegalStateException ex) {
				pages.remove(page);
			}
		}
	}

	@Override
	public void start() {
		reader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigia-console-events"));
		reader.scheduleWithFixedDelay(this::read, 0, 100, TimeUnit.MILLISECONDS);
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
