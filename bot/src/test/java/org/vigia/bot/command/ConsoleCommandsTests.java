package org.vigia.bot.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.store.RedisCommandStream;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisStreams;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

import static org.assertj.core.api.Assertions.assertThat;

/** What a dispatcher decides in the console reaches the bot through a Redis Stream and is carried out once. */
class ConsoleCommandsTests {

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	static StringRedisTemplate redis;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		Path counties = data.resolve("counties.geojson");
		try (InputStream in = ConsoleCommandsTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			Files.copy(in, counties);
		}
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("r"),
				"--vigia.redis.prefix=vigia-cmd:", "--vigia.bot.neighborhoods-file=" + counties);
		redis = bot.getBean(StringRedisTemplate.class);
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	static Incident openIncident(String reportId, double lat, double lon) {
		Instant now = Instant.now();
		var report = new Report(new ReportId(reportId), ReportKind.CHECKPOINT, GeoPoint.of(lat, lon), "Main & 5th",
				null, Recency.NOW, now, now, Sighting.UNKNOWN, null, null, new Pseudonym("p" + reportId), "en");
		return bot.getBean(RedisIncidentAssigner.class).ingest(report, Duration.ofHours(1)).incident();
	}

	/** A command appended as the console appends it. */
	static void command(Map<String, String> fields) {
		RedisStreams.append(redis, "vigia-cmd:commands", fields, RedisCommandStream.MAX_ENTRIES, RedisCommandStream.KEEP);
	}

	static List<Map<Object, Object>> events() {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream()
			.read(StreamOffset.fromStart("vigia-cmd:events"));
		return records == null ? List.of() : records.stream().map(MapRecord::getValue).toList();
	}

	static Map<Object, Object> eventFor(String commandId) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events().stream()
			.anyMatch(e -> commandId.equals(e.get("command"))));
		return events().stream().filter(e -> commandId.equals(e.get("command"))).findFirst().orElseThrow();
	}

	@Test
	void aConfirmFromTheConsolePostsTheAlertOnceAndReportsTheResult() {
		Incident incident = openIncident("cmdreport1", 30.2672, -97.7431);
		var confirm = Map.of("id", "cmd-confirm-0001", "type", "confirm", "incident", incident.id().value(), "reason",
				"hotline call from a lawyer", "actor", "ana");

		command(confirm);
		command(confirm);

		assertThat(eventFor("cmd-confirm-0001")).containsEntry("type", "command-done").containsEntry("state", "CONFIRMED");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sentTo("@vigia_sample_travis").size() == 1);
		assertThat(telegram.sentTo("@vigia_sample_travis").get(0).text()).contains("VERIFICADO")
			.contains("red de respuesta rápida");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> bot.getBean(RedisIncidentStore.class)
			.find(incident.id()).orElseThrow().state() == IncidentState.PUBLISHED);
		assertThat(events()).filteredOn(e -> "cmd-confirm-0001".equals(e.get("command"))).hasSize(1);
		assertThat(events()).anyMatch(e -> "incident-changed".equals(e.get("type"))
				&& incident.id().value().equals(e.get("incident")) && "CONFIRMED".equals(e.get("state")));
		assertThat(bot.getBean(RedisIncidentStore.class).find(incident.id()).orElseThrow().history())
			.anyMatch(e -> e.reason().equals("dispatcher:console:hotline-call-from-a-lawyer"));
	}

	@Test
	void aCorrectionFromTheConsoleEditsThePublishedPost() {
		Incident incident = openIncident("cmdreport3", 41.7508, -88.1535);
		command(Map.of("id", "cmd-confirm-0003", "type", "confirm", "incident", incident.id().value(), "reason", "x"));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sentTo("@vigia_sample_dupage").size() == 1);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> bot.getBean(RedisIncidentStore.class)
			.find(incident.id()).orElseThrow().state() == IncidentState.PUBLISHED);

		command(Map.of("id", "cmd-correct-0003", "type", "correct", "incident", incident.id().value(), "text",
				"They were <b>CBP</b> agents, not ICE", "reason", "observer called back"));

		assertThat(eventFor("cmd-correct-0003")).containsEntry("type", "command-done");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.calls("editMessageText").stream()
			.anyMatch(c -> c.chat().equals("@vigia_sample_dupage") && c.text().contains("They were &lt;b&gt;CBP")));
		assertThat(telegram.sentTo("@vigia_sample_dupage")).hasSize(1);
	}

	@Test
	void malformedOrImpossibleCommandsAreRefusedAndChangeNothing() {
		Incident incident = openIncident("cmdreport2", 41.8781, -87.6298);
		command(Map.of("id", "cmd-bad-type-0001", "type", "drop-database", "incident", incident.id().value()));
		command(Map.of("id", "cmd-bad-incident-01", "type", "confirm", "incident", "../../etc"));
		command(Map.of("id", "cmd-missing-inc-01", "type", "end", "incident", "nosuchincident"));

		assertThat(eventFor("cmd-bad-type-0001")).containsEntry("type", "command-failed")
			.containsEntry("detail", "unknown command type");
		assertThat(eventFor("cmd-bad-incident-01")).containsEntry("detail", "missing or malformed incident id");
		assertThat(eventFor("cmd-missing-inc-01")).containsEntry("type", "command-failed");
		assertThat(bot.getBean(RedisIncidentStore.class).find(incident.id()).orElseThrow().state())
			.isIn(Set.of(IncidentState.NEW, IncidentState.DISPATCHED));
	}

	@Test
	void aDispatcherAsksOneObserverByNameAndOnlyThatObserverIsAskedOnce() {
		Incident incident = openIncident("cmdreport4", 41.95, -87.75);
		var observers = bot.getBean(org.vigia.store.RedisObserverStore.class);
		observers.save(new org.vigia.core.observer.Observer(new org.vigia.core.observer.ObserverId("askedbyname1"), "Lupe",
				"777000111", false, "es", Instant.now()));

		command(Map.of("id", "cmd-ask-000001", "type", "ask", "incident", incident.id().value(), "observer",
				"askedbyname1", "reason", "she lives two blocks away", "actor", "dave"));
		command(Map.of("id", "cmd-ask-000002", "type", "ask", "incident", incident.id().value(), "observer",
				"askedbyname1", "reason", "again", "actor", "dave"));
		command(Map.of("id", "cmd-ask-000003", "type", "ask", "incident", incident.id().value(), "observer",
				"nosuchobserver", "reason", "x", "actor", "dave"));

		assertThat(eventFor("cmd-ask-000001")).containsEntry("type", "command-done").containsEntry("state", "DISPATCHED");
		assertThat(eventFor("cmd-ask-000002")).as("asked already").containsEntry("type", "command-failed");
		assertThat(eventFor("cmd-ask-000003")).containsEntry("type", "command-failed");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sentTo("777000111").size() == 1);
		assertThat(bot.getBean(RedisIncidentStore.class).find(incident.id()).orElseThrow().dispatch().asked())
			.containsExactly(new org.vigia.core.observer.ObserverId("askedbyname1"));
	}

	@Test
	void anInviteFromTheConsoleComesBackAsACode() {
		command(Map.of("id", "cmd-invite-00001", "type", "invite", "actor", "ana"));

		assertThat(String.valueOf(eventFor("cmd-invite-00001").get("detail"))).matches("[A-Z2-9]{10}");
	}

	@Test
	void aTestPostShowsWhetherTheBotCanPostInAChannel() {
		telegram.failNext("sendMessage", 1, 403, 0);
		command(Map.of("id", "cmd-test-post-01", "type", "test-post", "channel", "@not_admin_here"));

		assertThat(eventFor("cmd-test-post-01")).containsEntry("type", "command-failed")
			.containsEntry("detail", "the bot cannot post there");
	}

}
