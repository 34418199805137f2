package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.incident.IncidentId;

import static org.assertj.core.api.Assertions.assertThat;

class RedisDrillsTests {

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
	void aPracticeSceneStartedWhenNoRealIncidentIsOpenLeavesNoKeyWithoutAnExpiry() {
		var redis = server.newInstance();
		var incidents = new RedisIncidentStore(redis, server.keys());
		var drills = new RedisDrills(redis, server.keys(), Duration.ofDays(30));
		Instant now = Instant.parse("2026-03-01T10:00:00Z");
		var scene = IncidentMerge.open(new IncidentId("drill-ttl1"), Reports.at(Reports.CORNER, now));
		assertThat(server.keysNow(redis)).as("nothing open before").isEmpty();

		incidents.openDrill(scene, Duration.ofHours(12));
		drills.add(scene.id(), now);

		assertThat(server.keysNow(redis)).hasSize(3)
			.allSatisfy(key -> assertThat(redis.getExpire(key)).as(key).isPositive());
		assertThat(incidents.open()).extracting(i -> i.id().value()).containsExactly("drill-ttl1");
		assertThat(drills.scenes()).containsExactly(scene.id());
	}

}
