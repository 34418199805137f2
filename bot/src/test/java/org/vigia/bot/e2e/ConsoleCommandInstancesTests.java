package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;

import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.store.RedisCommandStream;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisInstances;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisNeighborhoodText;
import org.vigia.store.RedisStreams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's commands with more than one bot process on one Redis: a reload of the neighborhoods reaches every
 * process, a command whose process is killed in the middle of it is carried out once by another, and a map a
 * dispatcher uploaded survives restarts until the operator edits NEIGHBORHOODS_FILE. Commands are sent as the
 * console sends them.
 */
class ConsoleCommandInstancesTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestRedis redis;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		redis = TestRedis.start(data.resolve("redis"));
	}

	@AfterAll
	static void stop() {
		redis.close();
		telegram.close();
	}

	/** The options of a bot process here: the test's Redis, heartbeats and recovery fast enough for a test. */
	static String[] options(String... more) {
		var options = new ArrayList<>(List.of(redis.options()));
		options.addAll(List.of("--vigia.redis.instance-ttl=3s", "--vigia.bot.recovery-interval=2s",
				"--vigia.bot.recovery-grace=1s"));
		options.addAll(List.of(more));
		return options.toArray(String[]::new);
	}

	/** A command appended as the console appends it. */
	static void command(String prefix, Map<String, String> fields) {
		RedisStreams.append(redis.redis(), prefix + "commands", fields, RedisCommandStream.MAX_ENTRIES,
				RedisCommandStream.KEEP);
	}

	static List<Map<Object, Object>> answers(String prefix, String commandId) {
		List<MapRecord<String, Object, Object>> records = redis.redis().opsForStream()
			.read(StreamOffset.fromStart(prefix + "events"));
		return records == null ? List.of()
				: records.stream().map(MapRecord::getValue).filter(e -> commandId.equals(e.get("command"))).toList();
	}

	/** The sample counties with only the first {@code n} of them, as a console upload would save them. */
	static String firstCounties(int n) {
		try (InputStream in = ConsoleCommandInstancesTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			ObjectNode all = (ObjectNode) JSON.readTree(in);
			ArrayNode kept = JSON.createArrayNode();
			for (int i = 0; i < n; i++) {
				kept.add(all.get("features").get(i));
			}
			all.set("features", kept);
			return NeighborhoodMap.fromGeoJson(all.toString()).toGeoJson();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int neighborhoods(TestBot bot) {
		return bot.bean(NeighborhoodDirectory.class).map().orElseThrow().size();
	}

	@Test
	void aReloadOfTheNeighborhoodsReachesEveryBotProcess() {
		String prefix = "vigia-reload:";
		Path folder = data.resolve("reload");
		try (var first = TestBot.start(telegram, folder, prefix, options("--vigia.telegram.connect=false"));
				var second = TestBot.start(telegram, folder, prefix, options("--vigia.telegram.connect=false"))) {
			assertThat(neighborhoods(first)).isEqualTo(8);
			assertThat(neighborhoods(second)).isEqualTo(8);

			// a dispatcher uploads a map of two counties in the console: it is saved, then the bots are told
			new RedisNeighborhoodText(redis.redis(), new RedisKeys(prefix)).save(firstCounties(2));
			command(prefix, Map.of("id", "reload-every-0001", "type", "reload-neighborhoods", "actor", "ana"));

			Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				assertThat(neighborhoods(first)).as("first process").isEqualTo(2);
				assertThat(neighborhoods(second)).as("second process").isEqualTo(2);
			});
			assertThat(answers(prefix, "reload-every-0001")).singleElement()
				.satisfies(a -> assertThat(a).containsEntry("type", "command-done").containsEntry("detail", "2 neighborhoods"));
			TtlScan.assertEveryKeyExpires(redis.redis(), prefix);
		}
	}

	@Test
	void aCommandWhoseProcessIsKilledMidwayIsCarriedOutOnceByAnother() {
		String prefix = "vigia-killed:";
		Path folder = data.resolve("killed");
		var doomed = BotProcess.start(folder.resolve("bots"), "doomed",
				TestBot.arguments(telegram, folder, prefix, options()));
		try {
			// the process takes a test post and is killed while the post is on its way to the channel
			var post = telegram.holdSendsTo("@vigia_test_posts");
			command(prefix, Map.of("id", "test-post-killed-01", "type", "test-post", "channel", "@vigia_test_posts",
					"actor", "ana"));
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> post.waiting() > 0);
			try (var survivor = TestBot.start(telegram, folder, prefix, options("--vigia.telegram.connect=false"))) {
				doomed.kill();
				post.release();

				// once the dead process's heartbeat is gone, the survivor takes the command over and carries it out
				Awaitility.await().atMost(Duration.ofSeconds(30))
					.until(() -> !answers(prefix, "test-post-killed-01").isEmpty());
				assertThat(answers(prefix, "test-post-killed-01")).singleElement()
					.satisfies(a -> assertThat(a).containsEntry("type", "command-done").containsEntry("detail", "posted"));
				assertThat(telegram.deliveredTo("@vigia_test_posts")).hasSize(1);
				// acknowledged, and the dead process has left the consumer group
				assertThat(redis.redis().opsForStream().pending(prefix + "commands", RedisCommandStream.GROUP)
					.getTotalPendingMessages()).isZero();
				assertThat(redis.redis().opsForStream().consumers(prefix + "commands", RedisCommandStream.GROUP))
					.hasSize(1);
				TtlScan.assertEveryKeyExpires(redis.redis(), prefix);
			}
		}
		finally {
			doomed.close();
		}
	}

	/**
	 * The worst moment, played by the test: a process read the dispatcher's "confirm", claimed it and confirmed the
	 * incident, then died before it could answer. The bot that takes the command over sees the decision made and
	 * answers it as done, without deciding twice.
	 */
	@Test
	void aDecisionMadeByAProcessThatDiedBeforeAnsweringIsAnsweredOnceAndNotMadeTwice() {
		String prefix = "vigia-decided:";
		var keys = new RedisKeys(prefix);
		var incidents = new RedisIncidentStore(redis.redis(), keys);
		var assigner = new RedisIncidentAssigner(redis.redis(), keys, incidents, VigiaSettings.Clustering.DEFAULTS,
				org.vigia.core.cluster.Areas.NONE,
				Duration.ofHours(12));
		try (var bot = TestBot.start(telegram, data.resolve("decided"), prefix, options("--vigia.telegram.connect=false"))) {
			Instant now = Instant.now();
			Incident incident = assigner.ingest(new Report(new ReportId("decided-report-1"), ReportKind.CHECKPOINT,
					GeoPoint.of(30.2672, -97.7431), "Congress & 6th", null, Recency.NOW, now, now, Sighting.UNKNOWN,
					null, null, new Pseudonym("pdecided"), "en"), Duration.ofHours(1)).incident();
			var doomed = new RedisInstances(redis.redis(), keys, Duration.ofSeconds(30));
			doomed.beat();
			var doomedStream = new RedisCommandStream(redis.redis(), keys, doomed);
			doomedStream.ensureGroup();
			// the live bot must not read the command first: it is appended while the dying process reads
			bot.bean(org.vigia.bot.command.CommandConsumer.class).stop();
			command(prefix, Map.of("id", "confirm-died-00001", "type", "confirm", "incident", incident.id().value(),
					"reason", "hotline call", "actor", "ana"));
			var taken = doomedStream.next(1);
			assertThat(taken).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo("confirm-died-00001"));
			assertThat(doomedStream.claim("confirm-died-00001")).isEqualTo(org.vigia.core.support.Claim.FIRST);
			bot.bean(org.vigia.bot.incident.Verification.class).dispatcherConfirm(incident.id(), "console:hotline-call");
			doomed.leave();
			bot.bean(org.vigia.bot.command.CommandConsumer.class).start();

			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !answers(prefix, "confirm-died-00001").isEmpty());
			// done: confirmed, or already published by then
			assertThat(answers(prefix, "confirm-died-00001")).singleElement().satisfies(a -> {
				assertThat(a).containsEntry("type", "command-done");
				assertThat(a.get("state")).isIn("CONFIRMED", "PUBLISHED");
			});
			assertThat(incidents.find(incident.id()).orElseThrow().history())
				.filteredOn(e -> e.reason().equals("dispatcher:console:hotline-call")).hasSize(1);
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redis.redis().opsForStream()
				.pending(prefix + "commands", RedisCommandStream.GROUP).getTotalPendingMessages() == 0);
			TtlScan.assertEveryKeyExpires(redis.redis(), prefix);
		}
	}

	@Test
	void aDispatchersUploadSurvivesRestartsUntilTheNeighborhoodsFileIsEdited() throws IOException {
		String prefix = "vigia-upload:";
		Path folder = data.resolve("upload");
		try (var bot = TestBot.start(telegram, folder, prefix, options("--vigia.telegram.connect=false"))) {
			assertThat(neighborhoods(bot)).isEqualTo(8);
			new RedisNeighborhoodText(redis.redis(), new RedisKeys(prefix)).save(firstCounties(3));
			command(prefix, Map.of("id", "upload-three-0001", "type", "reload-neighborhoods", "actor", "ana"));
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> neighborhoods(bot) == 3);
		}

		// the same NEIGHBORHOODS_FILE: the upload is newer, and stays
		try (var bot = TestBot.start(telegram, folder, prefix, options("--vigia.telegram.connect=false"))) {
			assertThat(neighborhoods(bot)).isEqualTo(3);
		}

		// the operator edits the file: now the file is newer, and wins
		Files.writeString(folder.resolve("counties.geojson"), firstCounties(5), StandardCharsets.UTF_8);
		try (var bot = TestBot.start(telegram, folder, prefix, options("--vigia.telegram.connect=false"))) {
			assertThat(neighborhoods(bot)).isEqualTo(5);
			assertThat(new RedisNeighborhoodText(redis.redis(), new RedisKeys(prefix)).load())
				.contains(firstCounties(5));
		}
	}

}
