package org.vigia.bot.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;

import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo;

import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisIncidentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage in the console's command stream: missing fields, unknown commands, huge values, forged and malformed
 * incident ids, unknown fields, channels that are not channels, and a neighborhoods map that is a GeoJSON bomb.
 * Nothing crashes the consumer, nothing changes, and a genuine command afterwards is still carried out.
 */
class CommandStreamFuzzTests {

	static final AtomicInteger IDS = new AtomicInteger();

	static HostileBot bot;

	static Incident incident;

	static String commands;

	@BeforeContainer
	static void start() throws IOException {
		bot = HostileBot.start("commands");
		commands = bot.prefix + "commands";
		incident = open("fuzzreport1", 41.8781, -87.6298);
	}

	@AfterContainer
	static void stop() {
		try {
			System.out.println(bot.tally("CommandStreamFuzzTests"));
			System.out.println("HOSTILE CommandStreamFuzzTests | privacy scan: "
					+ bot.privacy.assertClean(bot.redis(), bot.prefix));
		}
		finally {
			bot.close();
		}
	}

	static Incident open(String reportId, double lat, double lon) {
		Instant now = Instant.now();
		var report = new Report(new ReportId(reportId), ReportKind.CHECKPOINT, GeoPoint.of(lat, lon), "Main & 5th",
				null, Recency.NOW, now, now, Sighting.UNKNOWN, null, null, new Pseudonym("p" + reportId), "en");
		return bot.bean(RedisIncidentAssigner.class).ingest(report, Duration.ofHours(1)).incident();
	}

	/** What a command must not change. */
	record Snapshot(Incident incident, Set<String> invites, long posts, int neighborhoods) {
	}

	static Snapshot snapshot() {
		return new Snapshot(bot.bean(RedisIncidentStore.class).find(incident.id()).orElseThrow(),
				bot.redis().keys(bot.prefix + "invite:*"),
				bot.telegram.calls("sendMessage").stream().filter(c -> c.chat().startsWith("@")).count(),
				bot.bean(NeighborhoodDirectory.class).map().orElseThrow().size());
	}

	/** Appends the entries and waits until the consumer has read and acknowledged the last of them. */
	static void command(List<Map<String, String>> entries) {
		RecordId last = null;
		for (Map<String, String> fields : entries) {
			last = bot.redis().opsForStream().add(commands, fields);
		}
		RecordId awaited = last;
		Awaitility.await().atMost(FakeTelegram.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
			StreamInfo.XInfoGroups groups = bot.redis().opsForStream().groups(commands);
			return groups.stream().anyMatch(g -> g.groupName().equals("bots") && g.pendingCount() == 0
					&& awaited.getValue().equals(g.lastDeliveredId()));
		});
	}

	@Property(tries = 150)
	void garbageCommandsAreRefusedAndChangeNothing(@ForAll("batches") List<Map<String, String>> garbage) {
		Snapshot before = snapshot();
		bot.count("console command stream: garbage entries", garbage.size());

		command(garbage);

		assertThat(snapshot()).isEqualTo(before);
	}

	@Example
	void aGeoJsonBombOrGarbageMapIsRefusedAndTheMapInForceStays() {
		var redis = bot.patientRedis();
		String saved = redis.opsForValue().get(bot.prefix + "neighborhoods");
		var ring = new StringBuilder("[[");
		for (int i = 0; i < 2_000_000; i++) {
			ring.append(i % 2 == 0 ? "[-87,41]," : "[-88,42],");
		}
		ring.append("[-87,41]]]");
		String feature = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"B\"},"
				+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":%s}}]}";
		List<String> bombs = List.of(feature.formatted(ring), feature.formatted("[".repeat(200_000) + "]".repeat(200_000)),
				"{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000), feature.formatted("[[[1e999,1],[2,2],[3,1],[1e999,1]]]"),
				"not json at all", "");
		try {
			for (String bomb : bombs) {
				redis.opsForValue().set(bot.prefix + "neighborhoods", bomb);
				String id = "bomb-" + IDS.incrementAndGet() + "-0000";
				command(List.of(Map.of("id", id, "type", "reload-neighborhoods")));
				bot.count("console command stream: GeoJSON bombs and garbage maps", 1);
				assertThat(bot.bean(NeighborhoodDirectory.class).map().orElseThrow().size()).isEqualTo(8);
			}
		}
		finally {
			redis.opsForValue().set(bot.prefix + "neighborhoods", saved);
		}
	}

	@Example
	void afterAllTheGarbageAGenuineCommandIsStillCarriedOut() {
		command(List.of(Map.of("id", "", "type", ""), Map.of("zzz", "x".repeat(100_000))));
		Incident other = open("fuzzreport2", 30.2672, -97.7431);

		command(List.of(Map.of("id", "genuine-confirm-0001", "type", "confirm", "incident", other.id().value(), "reason",
				"hotline call")));

		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> !bot.telegram.sentTo("@vigia_sample_travis").isEmpty());
	}

	@Provide
	Arbitrary<List<Map<String, String>>> batches() {
		return command().filter(CommandStreamFuzzTests::garbage).list().ofMinSize(1).ofMaxSize(8);
	}

	/** A command with each of its usual fields present or not (a bit of {@code present} each), and unknown fields. */
	static Arbitrary<Map<String, String>> command() {
		Arbitrary<String> huge = Arbitraries.integers().between(1_000, 100_000).map("z"::repeat);
		Arbitrary<String> any = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), huge);
		// generators stay free of side effects: jqwik may build a value more than once
		Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.longs().map(n -> "fuzz-" + Long.toHexString(n) + "-command"),
				any, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(8).ofMaxLength(64));
		Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of("confirm", "not-ice", "unfounded", "end", "correct",
				"test-post", "reload-neighborhoods", "CONFIRM", "confirm ", "drop", ""), any);
		Arbitrary<String> incidentId = Arbitraries.oneOf(Arbitraries.of("<real>", "<real>x", "../../etc", "*"),
				Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_").ofMinLength(1).ofMaxLength(24), any);
		Arbitrary<String> channel = Arbitraries.oneOf(Arbitraries.of("@ab", "@", "-1", "@bad channel", "12"), any);
		Arbitrary<Map<String, String>> extra = Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(40), any)
			.ofMaxSize(3);
		Arbitrary<Integer> present = Arbitraries.integers().between(0, 127);
		return Combinators.combine(id, type, incidentId, channel, any, extra, present).as((i, t, inc, ch, words, more, p) -> {
			var fields = new LinkedHashMap<String, String>(more);
			List<String> names = List.of("id", "type", "incident", "channel", "reason", "text", "actor");
			List<String> values = List.of(i, t, inc.replace("<real>", incident.id().value()), ch, words, words, words);
			for (int f = 0; f < names.size(); f++) {
				if ((p >> f & 1) == 1) {
					fields.put(names.get(f), values.get(f));
				}
			}
			return fields.isEmpty() ? Map.of("", "") : fields;
		});
	}

	/** Commands a dispatcher may really give (they change things on purpose) are not garbage. */
	static boolean garbage(Map<String, String> command) {
		boolean validId = command.getOrDefault("id", "").matches("[A-Za-z0-9-]{8,64}");
		String type = command.getOrDefault("type", "");
		boolean real = incident.id().value().equals(command.get("incident"));
		String text = command.getOrDefault("text", "").strip();
		return !(validId && (real && List.of("confirm", "not-ice", "unfounded", "end").contains(type)
				|| real && type.equals("correct") && !text.isEmpty() && text.length() <= 300
				|| type.equals("invite")
				|| type.equals("test-post") && command.getOrDefault("channel", "").matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?[0-9]{5,20}")));
	}

}
