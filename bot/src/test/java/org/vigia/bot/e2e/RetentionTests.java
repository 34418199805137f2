package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.photo.TestPhotos;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.store.RedisCommandStream;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisStreams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md: reports and incidents are purged 4 h after they close; nothing is kept for ever. The bot runs on
 * its default policy and a clock the test moves: a scene confirmed and published, another nobody verifies. Two
 * hours later the unverified one has expired and the published alert is stale; two more and it has ended.
 * Retention then started by itself, and every key left in Redis, of every type, expires within its bound:
 * everything about the two incidents (reports, their photo, the incident, its posts, prompts, buttons, a
 * dispatcher's correction, residents waiting for the outcome) within 4 h, the rest within the bound
 * docs/redis-keys.md gives it. A key of a type not listed here fails the test.
 */
class RetentionTests {

	static final long OBSERVER_A = 7_000_861, OBSERVER_B = 7_000_862, RESIDENT = 7_009_101, UNVERIFIED = 7_009_102;

	static final String PREFIX = "vigia-retention:";

	static final double LAT = 41.8781, LON = -87.6298, AUSTIN_LAT = 30.2672, AUSTIN_LON = -97.7431;

	/** What a bot keeps about an incident: gone 4 h after it closes (the default retention). */
	static final Duration AFTER_CLOSE = Duration.ofHours(4);

	/** Every key type the scenario leaves, with the longest it may live (docs/redis-keys.md). */
	static final Map<Pattern, Duration> BOUNDS = bounds();

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestClock clock;

	static TestBot bot;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		clock = new TestClock(Instant.now());
		bot = TestBot.start(telegram, data, PREFIX, builder -> builder.initializers(clock.install()));
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	private static Map<Pattern, Duration> bounds() {
		var bounds = new LinkedHashMap<Pattern, Duration>();
		bounds.put(Pattern.compile("(report|incident|photo|post|prompt|correction|followers|btn):.*|incidents:closed"),
				AFTER_CLOSE);
		bounds.put(Pattern.compile("conv:.*"), Duration.ofMinutes(30));
		bounds.put(Pattern.compile("instance:.*"), Duration.ofSeconds(15));
		bounds.put(Pattern.compile("(rate|update):.*"), Duration.ofDays(1));
		bounds.put(Pattern.compile("invite:.*"), Duration.ofHours(48));
		bounds.put(Pattern.compile("deadlines|incidents:(open|last)"), Duration.ofHours(12));
		bounds.put(Pattern.compile("commands|events|cmd:.*"), Duration.ofDays(7));
		bounds.put(Pattern.compile("lang:.*"), Duration.ofDays(90));
		bounds.put(Pattern.compile("stats:.*|observers?(:.*)?|neighborhoods(:version|:file)?"), Duration.ofDays(400));
		return bounds;
	}

	@Test
	void retentionRunsOnItsScheduleAndEveryKeyOfEveryTypeExpiresWithinItsBound() {
		var scenario = Scenario.polling(telegram);
		var redis = bot.bean(StringRedisTemplate.class);
		var incidents = bot.bean(RedisIncidentStore.class);
		scenario.becomeObserver(OBSERVER_A, LAT + 0.004, LON + 0.002);
		scenario.becomeObserver(OBSERVER_B, LAT + 0.004, LON + 0.002);

		// a report with a photo, its resident waiting for the outcome; another scene nobody can verify
		scenario.reportUpToThePhoto(RESIDENT, "en", LAT, LON);
		Scenario.await(() -> assertThat(scenario.lastTo(RESIDENT).text()).contains("Photo (optional)"));
		byte[] photo = TestPhotos.jpeg(64, 48);
		scenario.send(telegram.photo(RESIDENT, "en", photo, photo.length));
		Scenario.await(() -> assertThat(scenario.deliveredTo(RESIDENT, "Photo received")).hasSize(1));
		scenario.send(telegram.press(RESIDENT, "en", "r:7:skip"));
		scenario.send(telegram.press(RESIDENT, "en", "r:8:sendf"));
		scenario.reportAndAskForTheOutcome(UNVERIFIED, "en", AUSTIN_LAT, AUSTIN_LON);
		Scenario.await(() -> assertThat(scenario.deliveredTo(UNVERIFIED, "Thank you")).hasSize(1));

		// observers confirm the first: the alert is posted, the resident told; a dispatcher corrects it
		for (long observer : List.of(OBSERVER_A, OBSERVER_B)) {
			Scenario.await(() -> assertThat(scenario.sentTo(observer, "Can you go and check?")).hasSize(1));
			scenario.send(telegram.press(observer, "en",
					Scenario.action(scenario.sentTo(observer, "Can you go and check?").get(0), "going")));
			Scenario.await(() -> assertThat(scenario.sentTo(observer, "What did you see?")).hasSize(1));
			scenario.send(telegram.press(observer, "en",
					Scenario.action(scenario.sentTo(observer, "What did you see?").get(0), "ice")));
		}
		Incident published = near(incidents, LAT);
		Scenario.await(() -> assertThat(incidents.find(published.id()).orElseThrow().state())
			.isEqualTo(IncidentState.PUBLISHED));
		Scenario.await(() -> assertThat(scenario.deliveredTo(RESIDENT, "trained volunteers <b>confirmed</b>")).hasSize(1));
		RedisStreams.append(redis, PREFIX + "commands", Map.of("id", "retention-correct-01", "type", "correct",
				"incident", published.id().value(), "text", "Two vans, not three", "reason", "observer called", "actor",
				"ana"), RedisCommandStream.MAX_ENTRIES, RedisCommandStream.KEEP);
		Scenario.await(() -> assertThat(redis.hasKey(PREFIX + "correction:" + published.id().value())).isTrue());
		Incident unverified = near(incidents, AUSTIN_LAT);

		// two hours: the unverified scene expired (its resident told), the alert shows it is not re-confirmed
		clock.advance(Duration.ofHours(2));
		Scenario.await(() -> assertThat(incidents.find(unverified.id()).orElseThrow().state())
			.isEqualTo(IncidentState.EXPIRED));
		Scenario.await(() -> assertThat(scenario.deliveredTo(UNVERIFIED, "could not verify it in time")).hasSize(1));
		// two more: the alert has ended
		clock.advance(Duration.ofHours(2));
		Scenario.await(() -> assertThat(incidents.find(published.id()).orElseThrow().state())
			.isEqualTo(IncidentState.ENDED));

		Scenario.await(() -> {
			Map<String, Long> ttls = ttls(redis);
			var outOfBounds = new ArrayList<String>();
			ttls.forEach((key, ttl) -> {
				String name = key.substring(PREFIX.length());
				Duration bound = BOUNDS.entrySet().stream().filter(b -> b.getKey().matcher(name).matches())
					.map(Map.Entry::getValue).findFirst().orElse(null);
				if (bound == null || ttl < 0 || ttl > bound.toMillis()) {
					outOfBounds.add(key + " expires in " + (ttl < 0 ? "never" : Duration.ofMillis(ttl)) + ", bound "
							+ bound);
				}
			});
			assertThat(outOfBounds).as("keys that outlive their bound").isEmpty();
			// the scenario did leave every kind of key about an incident, so the bound above was checked on each
			for (String kind : List.of("report:", "incident:", "photo:", "post:", "prompt:", "correction:", "btn:")) {
				assertThat(ttls.keySet()).as(kind).anyMatch(k -> k.startsWith(PREFIX + kind));
			}
		});
	}

	static Incident near(RedisIncidentStore incidents, double latitude) {
		return incidents.open().stream().filter(i -> Math.abs(i.center().latitude() - latitude) < 0.1).findFirst()
			.orElseThrow();
	}

	/** Every key under the prefix with its remaining life in milliseconds (-1: none). */
	static Map<String, Long> ttls(StringRedisTemplate redis) {
		var out = new LinkedHashMap<String, Long>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").count(1000).build())) {
			cursor.forEachRemaining(key -> {
				Long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
				if (ttl != null && ttl != -2) {
					out.put(key, ttl);
				}
			});
		}
		return out;
	}

}
