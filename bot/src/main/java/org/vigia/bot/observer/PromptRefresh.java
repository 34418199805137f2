package org.vigia.bot.observer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentStore;

/**
 * Keeps observers' prompts current without editing each one for each report of a flood.
 *
 * <p>Design note: a change only marks its incident ({@link #touch}, cheap, from any thread). {@link #flush},
 * called every second by one thread, edits the prompts of each marked incident from its state in Redis at
 * that moment, so the latest state wins and intermediate ones are skipped. <b>Bound:</b> the prompts of one
 * incident are edited at most once per {@link #interval} (3 s by default), so each prompt message at most
 * once per interval, whatever the number of reports, verdicts or surges in between: a flood of 500 reports
 * in a minute costs each observer about 20 edits, not 500. A change within the interval waits for its end.
 * Marks live in this process's memory: a process that dies between a change and its flush leaves that edit to
 * the next change of the incident. Thread-safe.
 */
public final class PromptRefresh {

	private static final Logger log = LoggerFactory.getLogger(PromptRefresh.class);

	/** The least time between two edits of one incident's prompts. */
	public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);

	private final IncidentStore incidents;

	private final ObserverPrompts prompts;

	private final Clock clock;

	private final Duration interval;

	private final ConcurrentHashMap<IncidentId, Boolean> marked = new ConcurrentHashMap<>();

	private final Cache<IncidentId, Instant> lastEdited;

	public PromptRefresh(IncidentStore incidents, ObserverPrompts prompts, Clock clock, Duration interval) {
		this.incidents = incidents;
		this.prompts = prompts;
		this.clock = clock;
		this.interval = interval;
		// forgotten on the injected clock, like everything else here: a simulated day's edits do not depend on how
		// fast the machine runs it
		this.lastEdited = Caffeine.newBuilder()
			.ticker(() -> clock.millis() * 1_000_000L)
			.expireAfterWrite(interval.plusSeconds(1))
			.maximumSize(100_000)
			.build();
	}

	/** The scene of this incident changed: its prompts should show it. */
	public void touch(IncidentId incident) {
		marked.put(incident, Boolean.TRUE);
	}

	/** Edits the prompts of every marked incident whose last edit is at least {@link #interval} old. */
	public void flush() {
		Instant now = clock.instant();
		for (IncidentId id : List.copyOf(marked.keySet())) {
			Instant last = lastEdited.getIfPresent(id);
			if (last != null && now.isBefore(last.plus(interval))) {
				continue;
			}
			marked.remove(id);
			lastEdited.put(id, now);
			try {
				incidents.find(id).ifPresent(prompts::refresh);
			}
			catch (RuntimeException ex) {
				log.warn("Could not bring observers' prompts up to date: {}", ex.getClass().getSimpleName());
			}
		}
	}

	public Duration interval() {
		return interval;
	}

}
