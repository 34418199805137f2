package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.core.channel.ChannelPost;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Deadline;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.support.Claim;

import static org.assertj.core.api.Assertions.assertThat;

/** The small durable pieces: post once, handle an update once, rate limits, deadlines, conversations. */
class RedisLedgerTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	/** A bot process, as far as claims go: its own id and heartbeat. */
	static RedisInstances process(Duration heartbeat) {
		var instances = new RedisInstances(server.newInstance(), server.keys(), heartbeat);
		instances.beat();
		return instances;
	}

	/**
	 * The process is killed: its heartbeat is gone, as it would be once its TTL ran out without a beat. The test
	 * says when, rather than waiting for a short TTL (which a slow moment of the test itself could outlast).
	 */
	static void dies(RedisInstances process) {
		server.newInstance().delete(server.keys().instance(process.id()));
	}

	static RedisPostLedger posts(RedisInstances process) {
		return new RedisPostLedger(server.newInstance(), server.keys(), process, Duration.ofHours(12));
	}

	@Test
	void twoInstancesPostOneAlertOnce() throws Exception {
		var a = posts(process(Duration.ofSeconds(30)));
		var b = posts(process(Duration.ofSeconds(30)));
		var incident = new IncidentId("inc1");

		long winners = race(8, i -> () -> (i % 2 == 0 ? a : b).claim(incident, "@mission_alerts"));
		a.record(new ChannelPost(incident, "@mission_alerts", 42));

		assertThat(winners).isEqualTo(1);
		assertThat(b.posts(incident)).containsExactly(new ChannelPost(incident, "@mission_alerts", 42));
		assertThat(b.claim(incident, "@excelsior_alerts")).isTrue();
	}

	@Test
	void aReleasedClaimMayBeTakenAgain() {
		var ledger = posts(process(Duration.ofSeconds(30)));
		var incident = new IncidentId("inc2");
		assertThat(ledger.claim(incident, "@mission_alerts")).isTrue();

		ledger.release(incident, "@mission_alerts");

		assertThat(ledger.claim(incident, "@mission_alerts")).isTrue();
	}

	@Test
	void anAlertClaimedByAProcessThatDiedIsPostedByAnotherButNeverTwiceOnceRecorded() {
		var dying = process(Duration.ofSeconds(30));
		var survivor = process(Duration.ofSeconds(30));
		var incident = new IncidentId("inc3");
		assertThat(posts(dying).claim(incident, "@mission_alerts")).isTrue();
		assertThat(posts(survivor).claim(incident, "@mission_alerts")).as("its owner is alive").isFalse();
		assertThat(posts(survivor).inFlight(incident, "@mission_alerts")).isTrue();

		// the dying process is killed: once its heartbeat is gone, its claim is taken over
		dies(dying);
		assertThat(posts(survivor).claim(incident, "@mission_alerts")).isTrue();
		posts(survivor).record(new ChannelPost(incident, "@mission_alerts", 7));
		survivor.leave();

		assertThat(posts(process(Duration.ofSeconds(30))).claim(incident, "@mission_alerts")).as("recorded").isFalse();
		assertThat(posts(survivor).inFlight(incident, "@mission_alerts")).isFalse();
	}

	@Test
	void anUpdateDeliveredTwiceIsHandledOnce() throws Exception {
		var a = new RedisUpdateLedger(server.newInstance(), server.keys(), process(Duration.ofSeconds(30)));
		var b = new RedisUpdateLedger(server.newInstance(), server.keys(), process(Duration.ofSeconds(30)));

		long firsts = race(6, i -> () -> (i % 2 == 0 ? a : b).claim(987_654_321L).granted());

		assertThat(firsts).isEqualTo(1);
		assertThat(a.claim(987_654_322L)).isEqualTo(Claim.FIRST);
	}

	@Test
	void anUpdateWhoseHandlerDiedIsHandledAgainButAFinishedOneNever() {
		var dyingProcess = process(Duration.ofSeconds(30));
		var dying = new RedisUpdateLedger(server.newInstance(), server.keys(), dyingProcess);
		var next = new RedisUpdateLedger(server.newInstance(), server.keys(), process(Duration.ofSeconds(30)));
		assertThat(dying.claim(555_001L)).isEqualTo(Claim.FIRST);
		assertThat(dying.claim(555_002L)).isEqualTo(Claim.FIRST);
		dying.done(555_002L);
		assertThat(next.claim(555_001L)).as("its handler is alive").isEqualTo(Claim.BUSY);

		// killed before finishing the first: Telegram delivers both again to the process that follows
		dies(dyingProcess);
		assertThat(next.claim(555_001L)).isEqualTo(Claim.TAKEN_OVER);
		assertThat(next.claim(555_002L)).isEqualTo(Claim.DONE);
		assertThat(next.claim(555_001L)).as("now held by a live process").isEqualTo(Claim.BUSY);
	}

	@Test
	void aDueDeadlineFiresOnOneInstanceAndComesBackIfNotCompleted() {
		var a = new RedisDeadlineSchedule(server.newInstance(), server.keys(), clock, Duration.ofHours(12));
		var b = new RedisDeadlineSchedule(server.newInstance(), server.keys(), clock, Duration.ofHours(12));
		var widen = new Deadline("widen", new IncidentId("inc3"), clock.instant().plus(Duration.ofMinutes(5)));
		var expire = new Deadline("expire", new IncidentId("inc3"), clock.instant().plus(Duration.ofMinutes(60)));
		a.schedule(widen);
		a.schedule(expire);

		assertThat(b.claimDue(10, Duration.ofSeconds(30))).isEmpty();
		clock.advance(Duration.ofMinutes(5));
		assertThat(b.claimDue(10, Duration.ofSeconds(30))).extracting(RedisDeadlineSchedule.Claimed::deadline)
			.containsExactly(widen);
		assertThat(a.claimDue(10, Duration.ofSeconds(30))).isEmpty();

		// b died before completing: after the lease, the deadline is due again
		clock.advance(Duration.ofSeconds(31));
		var again = a.claimDue(10, Duration.ofSeconds(30));
		assertThat(again).extracting(c -> RedisDeadlineSchedule.member(c.deadline())).containsExactly(RedisDeadlineSchedule.member(widen));
		a.complete(again.get(0));
		assertThat(a.pending()).filteredOn(d -> d.incident().equals(expire.incident())).containsExactly(expire);
	}

	@Test
	void aDeadlineScheduledAgainWhileItIsHandledKeepsItsNewTime() {
		// a schedule of its own, on a clock of its own: no other test's deadline is due here
		var clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
		var schedule = new RedisDeadlineSchedule(server.newInstance(),
				new RedisKeys(server.keys().prefix() + "rescheduled:"), clock, Duration.ofHours(12));
		var stale = new Deadline("deadline", new IncidentId("inc4"), clock.instant().plus(Duration.ofHours(2)));
		schedule.schedule(stale);
		clock.advance(Duration.ofHours(2));
		var claimed = schedule.claimDue(10, Duration.ofSeconds(60));
		assertThat(claimed).extracting(RedisDeadlineSchedule.Claimed::deadline).containsExactly(stale);

		// handling it (the alert is marked stale) schedules its end, two hours on, under the same name
		var end = new Deadline("deadline", new IncidentId("inc4"), clock.instant().plus(Duration.ofHours(2)));
		schedule.schedule(end);
		schedule.complete(claimed.get(0));

		assertThat(schedule.pending()).containsExactly(end);
	}

	@Test
	void aConversationIsKeptUnderAKeyedHashOfTheChat() {
		var hasher = new org.vigia.store.Pseudonyms(RedisTestServer.SECRET);
		var redis = server.newInstance();
		var conversations = new RedisConversationStore(redis, server.keys(), hasher, Duration.ofMinutes(30));

		conversations.save("555123456", "{\"step\":\"WHERE\"}");

		assertThat(conversations.load("555123456")).contains("{\"step\":\"WHERE\"}");
		assertThat(conversations.load("555123457")).isEmpty();
		assertThat(server.keysNow(redis)).noneMatch(k -> k.contains("555123456"));
		assertThat(redis.getExpire(server.keys().conversation(hasher.chat("555123456")))).isBetween(1L, 1800L);
		conversations.delete("555123456");
		assertThat(conversations.load("555123456")).isEmpty();
	}

	@Test
	void aConversationIsReplacedOnlyIfNobodySavedANewerStepMeanwhile() {
		var redis = server.newInstance();
		var conversations = new RedisConversationStore(redis, server.keys(),
				new org.vigia.store.Pseudonyms(RedisTestServer.SECRET), Duration.ofMinutes(30));
		conversations.save("555123458", "{\"turn\":4}");

		assertThat(conversations.replace("555123458", "{\"turn\":4}", "{\"turn\":4,\"question\":9}")).isTrue();
		conversations.save("555123458", "{\"turn\":5}");
		assertThat(conversations.replace("555123458", "{\"turn\":4,\"question\":9}", "{\"turn\":4,\"question\":10}"))
			.isFalse();
		assertThat(conversations.load("555123458")).contains("{\"turn\":5}");
		conversations.delete("555123458");
		assertThat(conversations.replace("555123458", "{\"turn\":5}", "{\"turn\":5,\"question\":11}")).isFalse();
		assertThat(conversations.load("555123458")).isEmpty();
	}

	@Test
	void neighborhoodsAreKeptAsTheUploadedText() {
		var text = new RedisNeighborhoodText(server.newInstance(), server.keys());
		String geoJson = "{\"type\":\"FeatureCollection\",\"features\":[]}";

		text.save(geoJson);

		assertThat(text.load()).contains(geoJson);
	}

	/** Runs {@code n} callers at once and counts how many got {@code true}. */
	private static long race(int n, java.util.function.IntFunction<Supplier<Boolean>> caller) throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(n);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				var call = caller.apply(i);
				results.add(pool.submit(() -> {
					start.await();
					return call.get();
				}));
			}
			start.countDown();
			long yes = 0;
			for (var r : results) {
				yes += r.get() ? 1 : 0;
			}
			return yes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
