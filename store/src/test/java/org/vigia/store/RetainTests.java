package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.delivery.PostLedger;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an incident closes, what is kept about it expires within the retention: its reports with their photos,
 * the incident with a dispatcher's correction and the residents still waiting for its outcome. Retention never
 * lengthens a key's life: what would have expired sooner still does ("4 h after close, 12 h at most").
 */
class RetainTests {

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
	void aReportAndItsPhotoExpireWithinTheRetentionAndNoLaterThanTheyWould() {
		var redis = server.newInstance();
		var keys = server.keys();
		var state = new RedisChatState(redis, keys, new Pseudonyms(RedisTestServer.SECRET));
		var reports = new RedisReportStore(redis, keys);
		String ref = state.photo(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2 }, Duration.ofHours(12));
		Report original = Reports.at(Reports.CORNER, Instant.parse("2026-03-01T10:00:00Z"));
		Report withPhoto = new Report(original.id(), original.kind(), original.location(), original.placeText(),
				original.area(), original.recency(), original.seenAt(), original.receivedAt(), original.sighting(),
				original.note(), ref, original.reporter(), original.language());
		Report soon = Reports.at(Reports.CORNER, Instant.parse("2026-03-01T10:01:00Z"));
		reports.save(withPhoto, Duration.ofHours(12));
		reports.save(soon, Duration.ofMinutes(30));

		reports.retain(List.of(withPhoto.id(), soon.id()), Duration.ofHours(4));

		assertThat(ttl(redis, keys.report(withPhoto.id()))).isBetween(1L, Duration.ofHours(4).toMillis());
		assertThat(ttl(redis, keys.photo(ref))).as("its photo").isBetween(1L, Duration.ofHours(4).toMillis());
		assertThat(ttl(redis, keys.report(soon.id()))).as("not lengthened").isBetween(1L, Duration.ofMinutes(30).toMillis());
	}

	@Test
	void anIncidentsCorrectionAndWaitingResidentsExpireWithIt() {
		var redis = server.newInstance();
		var keys = server.keys();
		var state = new RedisChatState(redis, keys, new Pseudonyms(RedisTestServer.SECRET));
		var incidents = new RedisIncidentStore(redis, keys);
		var incident = server.assigner(redis, incidents)
			.ingest(Reports.at(Reports.CORNER, Instant.parse("2026-03-01T10:00:00Z")), Duration.ofHours(12))
			.incident()
			.id();
		state.correction(incident, "Two vans, not three", Duration.ofHours(12));
		state.follow(incident, "7000123457", "es", Duration.ofHours(12));

		incidents.retain(incident, Duration.ofHours(4));

		for (String key : List.of(keys.incident(incident), keys.correction(incident), keys.followers(incident))) {
			assertThat(ttl(redis, key)).as(key).isBetween(1L, Duration.ofHours(4).toMillis());
		}
	}

	@Test
	void anAlertsPinDeliveredAfterItsIncidentClosedKeepsTheIncidentsShorterLife() {
		var redis = server.newInstance();
		var keys = server.keys();
		var instances = new RedisInstances(redis, keys, Duration.ofSeconds(30));
		instances.beat();
		var posts = new RedisPostLedger(redis, keys, instances, Duration.ofHours(12));
		var incident = new IncidentId("closed-while-posting");
		String pin = PostLedger.pin("@vigia_sample_cook");
		assertThat(posts.claim(incident, "@vigia_sample_cook")).isTrue();
		posts.record(incident, "@vigia_sample_cook", 41);
		assertThat(posts.claim(incident, pin)).as("the pin, still on its way when the incident closes").isTrue();

		posts.retain(incident, List.copyOf(posts.delivered(incident).keySet()), Duration.ofHours(4));
		posts.record(incident, pin, 42);
		assertThat(posts.claim(incident, "@vigia_sample_travis")).as("a claim made after the close").isTrue();

		long bound = Duration.ofHours(4).toMillis();
		assertThat(ttl(redis, keys.deliveries("post", incident))).as("the posts, recorded again").isBetween(1L, bound);
		assertThat(ttl(redis, keys.deliveryClaim("post", incident, pin))).as("the pin's claim").isBetween(1L, bound);
		assertThat(ttl(redis, keys.deliveryClaim("post", incident, "@vigia_sample_travis"))).as("the later claim")
			.isBetween(1L, bound);
		assertThat(posts.delivered(incident)).containsEntry(pin, 42L);
	}

	private static long ttl(org.springframework.data.redis.core.StringRedisTemplate redis, String key) {
		return redis.getExpire(key, TimeUnit.MILLISECONDS);
	}

}
