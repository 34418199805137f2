package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.channel.ChannelPost;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.observer.ObserverId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN.md: reports and incidents are purged after they close; only aggregate counts stay. Redis
 * keeps its own time, so the test shortens the retention instead of moving a clock.
 */
class RetentionTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void afterRetentionNothingAboutAReportIsLeftButAggregateCounts() {
		var redis = server.newInstance();
		var keys = server.keys();
		var clock = new TestClock(Instant.now());
		var reports = new RedisReportStore(redis, keys);
		var incidents = new RedisIncidentStore(redis, keys);
		var assigner = new RedisIncidentAssigner(redis, keys, incidents, VigiaSettings.Clustering.DEFAULTS,
				org.vigia.core.cluster.Areas.NONE, Duration.ofHours(12));
		var posts = new RedisPostLedger(redis, keys, new RedisInstances(redis, keys, Duration.ofSeconds(15)),
				Duration.ofHours(12));
		var conversations = new RedisConversationStore(redis, keys, new org.vigia.store.Pseudonyms(RedisTestServer.SECRET),
				Duration.ofMillis(300));
		var observers = new RedisObserverStore(redis, keys, clock);
		var stats = new RedisStats(redis, keys, clock);

		// a resident's conversation, the report, its incident, a verdict, the channel post
		conversations.save(777_000_111L, "{\"step\":\"CONFIRM\",\"chat\":777000111}");
		var report = Reports.at(Reports.CORNER, clock.instant());
		reports.save(report, Duration.ofHours(12));
		var incident = assigner.assign(report).incident();
		stats.count("report");
		observers.onDuty(new ObserverId("obs1"), Reports.CORNER, Duration.ofMillis(300));
		assertThat(posts.claim(incident.id(), "@mission_alerts")).isTrue();
		posts.record(new ChannelPost(incident.id(), "@mission_alerts", 77));

		// it closes; retention begins
		var ended = incident.withState(IncidentState.ENDED, List.of(new IncidentEvent(clock.instant(),
				ActorKind.SYSTEM, incident.state(), IncidentState.ENDED, "deadline:published-end")));
		assertThat(incidents.replace(ended, incident.history().size())).isTrue();
		stats.count("outcome-ended");
		var retention = Duration.ofMillis(300);
		incidents.retain(incident.id(), retention);
		reports.retain(List.of(report.id()), retention);
		posts.retain(incident.id(), List.of("@mission_alerts"), retention);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.keysNow(redis))
			.isNotEmpty()
			.allMatch(k -> k.startsWith(keys.prefix() + "stats:")));
		for (String key : server.keysNow(redis)) {
			assertThat(redis.getExpire(key)).as("TTL of %s", key).isPositive();
		}
		assertThat(observers.nearestOnDuty(Reports.CORNER, 1_000, 5)).isEmpty();
		assertThat(reports.find(report.id())).isEmpty();
		assertThat(incidents.find(incident.id())).isEmpty();
		assertThat(stats.currentHour()).containsEntry("report", 1L).containsEntry("outcome-ended", 1L);
	}

}
