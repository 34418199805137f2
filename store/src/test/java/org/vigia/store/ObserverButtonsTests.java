package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.channel.ChannelPost;
import org.vigia.core.delivery.PostLedger;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the observer loop keeps in Redis besides incidents: the buttons of observers' messages (who may press
 * them, what they offer, once), where an on-duty observer is, and an alert's map pin beside its post.
 */
class ObserverButtonsTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static RedisChatState state;

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
		state = new RedisChatState(server.newInstance(), server.keys(), new Pseudonyms(RedisTestServer.SECRET));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aButtonTokenKnowsItsObserverChatAndOfferedActionsAndWorksUntilUsedUp() {
		var button = new RedisChatState.Button(new ObserverId("o1"), new IncidentId("i1"), "7700001",
				Set.of("going", "cant"));

		state.issue("0123456789abcdef", button, Duration.ofMinutes(5));

		assertThat(state.button("0123456789abcdef")).contains(button);
		assertThat(state.button("0123456789abcdef").orElseThrow().offers("ice")).isFalse();
		Long ttl = server.newInstance().getExpire(server.keys().button("0123456789abcdef"));
		assertThat(ttl).isBetween(1L, 300L);
		state.revoke("0123456789abcdef");
		assertThat(state.button("0123456789abcdef")).isEmpty();
		for (String forged : new String[] { "", "0123456789ABCDEF", "../0123456789ab", "0123456789abcde", "x".repeat(40) }) {
			assertThat(state.button(forged)).as(forged).isEmpty();
		}
		assertThatThrownBy(() -> state.issue("not-hex-at-all!!", button, Duration.ofMinutes(5)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anObserversPositionIsKnownOnlyWhileTheyAreOnDuty() {
		var clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
		var observers = new RedisObserverStore(server.newInstance(), server.keys(), clock);
		var ana = new Observer(new ObserverId("ana-pos"), "Ana", "7700002", false, "es", clock.instant());
		observers.save(ana);
		assertThat(observers.position(ana.id())).isEmpty();

		observers.onDuty(ana.id(), Reports.CORNER, Duration.ofHours(2));

		assertThat(observers.position(ana.id())).hasValueSatisfying(p -> assertThat(p.metersTo(Reports.CORNER)).isLessThan(1));
		clock.advance(Duration.ofHours(3));
		assertThat(observers.position(ana.id())).as("expired").isEmpty();
	}

	@Test
	void anAlertsPinIsDeliveredOnceBesideItsPostAndIsNeitherEditedNorCounted() {
		var instances = new RedisInstances(server.newInstance(), server.keys(), Duration.ofSeconds(30));
		instances.beat();
		var posts = new RedisPostLedger(server.newInstance(), server.keys(), instances, Duration.ofHours(12));
		var incident = new IncidentId("i-pin");

		assertThat(posts.claim(incident, "@vigia_x")).isTrue();
		posts.record(new ChannelPost(incident, "@vigia_x", 41));
		assertThat(posts.claim(incident, PostLedger.pin("@vigia_x"))).isTrue();
		posts.record(incident, PostLedger.pin("@vigia_x"), 42);

		assertThat(posts.claim(incident, PostLedger.pin("@vigia_x"))).as("posted once").isFalse();
		assertThat(posts.posts(incident)).singleElement().satisfies(p -> assertThat(p.messageId()).isEqualTo(41));
		assertThat(posts.channels(incident)).isEqualTo(1);
	}

}
