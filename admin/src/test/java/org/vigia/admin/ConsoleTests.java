package org.vigia.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisNeighborhoodText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console on a real (embedded) Redis: login, roles, CSRF, throttling, commands to the bot, audit. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleTests {

	static final Path DATA = tempDir();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("vigia.redis.url", () -> "");
		registry.add("vigia.redis.data-dir", DATA::toString);
		registry.add("vigia.redis.prefix", () -> "vigia-console:");
		registry.add("vigia.admin.username", () -> "ana");
		registry.add("vigia.admin.password", () -> "a long password for ana");
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("vigia-console");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	Accounts accounts;

	@Autowired
	org.vigia.store.RedisChatState chatState;

	@BeforeEach
	void dispatcherAccount() {
		accounts.create("dave", "another long password", Accounts.Role.DISPATCHER);
	}

	@Test
	void theFirstAdminFromTheEnvironmentCanSignIn() throws Exception {
		mvc.perform(post("/login").param("username", "ana").param("password", "a long password for ana").with(csrf()))
			.andExpect(redirectedUrl("/incidents"));
		mvc.perform(post("/login").param("username", "ana").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(String.valueOf(redis.opsForHash().get("vigia-console:admin:user:ana", "hash"))).startsWith("$2a$");
	}

	@Test
	void pagesNeedASignIn() throws Exception {
		mvc.perform(get("/incidents")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aDispatcherGetsForbiddenOnAdminPages() throws Exception {
		mvc.perform(get("/neighborhoods").with(user("dave").roles("DISPATCHER"))).andExpect(status().isForbidden());
		mvc.perform(get("/audit").with(user("dave").roles("DISPATCHER"))).andExpect(status().isForbidden());
		mvc.perform(get("/incidents").with(user("dave").roles("DISPATCHER"))).andExpect(status().isOk());
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/observers/invite").with(user("ana").roles("ADMIN"))).andExpect(status().isForbidden());
	}

	@Test
	void sixWrongPasswordsFromOneAddressMakeItWaitEvenWithTheRightOne() throws Exception {
		accounts.create("eve", "eves right password", Accounts.Role.DISPATCHER);
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").param("username", "eve").param("password", "guess" + i).with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").param("username", "eve").param("password", "eves right password").with(csrf()))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void confirmingAnIncidentSendsTheBotACommandWithTheReasonAndAudits() throws Exception {
		Instant now = Instant.now();
		var report = new Report(new ReportId("consolereport1"), ReportKind.DETENTION, GeoPoint.of(41.8781, -87.6298),
				null, null, Recency.NOW, now, now, Sighting.UNKNOWN, null, null, new Pseudonym("p1"), "en");
		Incident incident = new RedisIncidentAssigner(redis, new org.vigia.store.RedisKeys("vigia-console:"),
				new org.vigia.store.RedisIncidentStore(redis, new org.vigia.store.RedisKeys("vigia-console:")),
				org.vigia.core.config.VigiaSettings.Clustering.DEFAULTS, org.vigia.core.cluster.Areas.NONE, Duration.ofHours(1))
			.ingest(report, Duration.ofHours(1))
			.incident();

		mvc.perform(get("/incidents").with(user("dave").roles("DISPATCHER")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(incident.id().value())));
		mvc.perform(post("/incidents/" + incident.id() + "/confirm").param("reason", "hotline call")
			.with(user("dave").roles("DISPATCHER"))
			.with(csrf())).andExpect(redirectedUrl("/incidents/" + incident.id()));
		mvc.perform(post("/incidents/" + incident.id() + "/confirm").param("reason", " ")
			.with(user("dave").roles("DISPATCHER"))
			.with(csrf())).andExpect(redirectedUrl("/incidents/" + incident.id()));

		List<Map<Object, Object>> commands = stream("vigia-console:commands").stream()
			.filter(c -> incident.id().value().equals(c.get("incident")))
			.toList();
		assertThat(commands).singleElement().satisfies(c -> {
			assertThat(c).containsEntry("type", "confirm").containsEntry("incident", incident.id().value())
				.containsEntry("reason", "hotline call").containsEntry("actor", "dave");
		});
		assertThat(stream("vigia-console:audit")).anyMatch(e -> "dave".equals(e.get("user"))
				&& "confirm".equals(e.get("action")) && "hotline call".equals(e.get("reason")));
		assertThat(redis.getExpire("vigia-console:audit")).isPositive();
	}

	@Test
	void anUploadListsEveryProblemOfTheFileAndEveryRepairOfRealCounties() throws Exception {
		String counties;
		String fallsChurch;
		try (InputStream a = ConsoleTests.class.getResourceAsStream("/geo/counties-with-artifacts.geojson");
				InputStream b = ConsoleTests.class.getResourceAsStream("/geo/falls-church.geojson")) {
			counties = new String(a.readAllBytes(), StandardCharsets.UTF_8);
			fallsChurch = new String(b.readAllBytes(), StandardCharsets.UTF_8);
		}
		String broken = counties.substring(0, counties.lastIndexOf("]}")) + ","
				+ fallsChurch.substring(fallsChurch.indexOf("[{") + 1, fallsChurch.lastIndexOf("]}")) + ","
				+ "{\"type\":\"Feature\",\"properties\":{\"name\":\"Loop\"},"
				+ "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-87.6,41.8]}}]}";

		mvc.perform(post("/neighborhoods").param("geojson", broken).with(user("ana").roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("the file has 2 problems")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Not saved: <"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"<li>feature 12 (&quot;Falls Church city&quot;): it has no area")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"<li>feature 13 (&quot;Loop&quot;): the geometry is a Point")));
		mvc.perform(post("/neighborhoods").param("geojson", counties).param("step", "check")
			.with(user("ana").roles("ADMIN")).with(csrf()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Repaired 9 neighborhoods")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"<li>feature 8 (&quot;Franklin city&quot;): removed 3 repeated points, fixed a ring self-intersection")));
	}

	@Test
	void aBadGeoJsonShowsItsErrorAndSavesNothingAndAGoodOneIsSaved() throws Exception {
		mvc.perform(post("/neighborhoods").param("geojson",
				"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"Loop\"},"
						+ "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-87.6,41.8]}}]}")
			.with(user("ana").roles("ADMIN"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("the geometry is a Point")));
		RedisNeighborhoodText text = new RedisNeighborhoodText(redis, new org.vigia.store.RedisKeys("vigia-console:"));
		assertThat(text.load()).isEmpty();

		String counties;
		try (InputStream in = ConsoleTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			counties = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		mvc.perform(post("/neighborhoods").param("geojson", counties).with(user("ana").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/neighborhoods"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("saved", 8));
		assertThat(text.load()).isPresent();
		assertThat(stream("vigia-console:commands")).anyMatch(c -> "reload-neighborhoods".equals(c.get("type")));
	}

	@Test
	void aDispatcherCreatesAnInviteCodeAndItsReasonIsAudited() throws Exception {
		var session = new MockHttpSession();
		mvc.perform(post("/observers/invite").session(session).with(user("dave").roles("DISPATCHER")).with(csrf()))
			.andExpect(redirectedUrl("/observers"));
		assertThat(redis.keys("vigia-console:invite:*")).as("no reason, no code").isEmpty();

		mvc.perform(post("/observers/invite").param("reason", "for Marta, trained on Saturday")
			.session(session)
			.with(user("dave").roles("DISPATCHER"))
			.with(csrf())).andExpect(redirectedUrl("/observers"));
		var keys = redis.keys("vigia-console:invite:*");
		assertThat(keys).hasSize(1);
		assertThat(redis.getExpire(keys.iterator().next())).isBetween(47 * 3600L, 48 * 3600L);
		assertThat(stream("vigia-console:audit")).anyMatch(e -> "dave".equals(e.get("user"))
				&& "invite".equals(e.get("action")) && "for Marta, trained on Saturday".equals(e.get("reason")));
	}

	@Test
	void promotingAndRevokingAnObserverNeedAReasonAndRecordIt() throws Exception {
		var observers = new org.vigia.store.RedisObserverStore(redis, new org.vigia.store.RedisKeys("vigia-console:"),
				java.time.Clock.systemUTC());
		var id = new org.vigia.core.observer.ObserverId("obsreason1");
		observers.save(new org.vigia.core.observer.Observer(id, "Lupe", "424242", false, "es", Instant.now()));

		mvc.perform(post("/observers/obsreason1/lead").with(user("dave").roles("DISPATCHER")).with(csrf()))
			.andExpect(redirectedUrl("/observers"));
		assertThat(observers.find(id).orElseThrow().lead()).as("no reason, no change").isFalse();
		mvc.perform(post("/observers/obsreason1/lead").param("reason", "ten verdicts, all right")
			.with(user("dave").roles("DISPATCHER"))
			.with(csrf())).andExpect(redirectedUrl("/observers"));
		assertThat(observers.find(id).orElseThrow().lead()).isTrue();
		mvc.perform(post("/observers/obsreason1/revoke").param("reason", "moved away")
			.with(user("dave").roles("DISPATCHER"))
			.with(csrf())).andExpect(redirectedUrl("/observers"));
		assertThat(observers.find(id)).isEmpty();

		assertThat(stream("vigia-console:audit")).anyMatch(e -> "observer-lead".equals(e.get("action"))
				&& "Lupe".equals(e.get("subject")) && "ten verdicts, all right".equals(e.get("reason")));
		assertThat(stream("vigia-console:audit")).anyMatch(e -> "observer-revoke".equals(e.get("action"))
				&& "Lupe".equals(e.get("subject")) && "moved away".equals(e.get("reason")));
	}

	List<Map<Object, Object>> stream(String key) {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(StreamOffset.fromStart(key));
		return records == null ? List.of() : records.stream().map(MapRecord::getValue).toList();
	}


	@Test
	void anAccountWithASecondFactorNeedsTheCodeToSignIn() throws Exception {
		accounts.create("tina", "tinas long password", Accounts.Role.DISPATCHER);
		String secret = Totp.newSecret();
		accounts.enableTotp("tina", secret);
		String code = Totp.code(Totp.decode(secret), Instant.now().getEpochSecond() / 30);

		mvc.perform(post("/login").param("username", "tina").param("password", "tinas long password").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", "tina").param("password", "tinas long password")
			.param("code", code.equals("000000") ? "111111" : "000000")
			.with(csrf())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", "tina").param("password", "tinas long password")
			.param("code", code)
			.with(csrf())).andExpect(redirectedUrl("/incidents"));
	}

	@Test
	void aResidentsPhotoOpensForSignedInDispatchersOnly() throws Exception {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9 };
		String ref = chatState.photo(jpeg, Duration.ofHours(1));

		mvc.perform(get("/photos/" + ref).with(user("dave").roles("DISPATCHER")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(content().bytes(jpeg));
		mvc.perform(get("/photos/" + ref)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/photos/nosuchphoto").with(user("dave").roles("DISPATCHER"))).andExpect(status().isNotFound());
	}

	@Test
	void theIncidentsListReadsInSpanishWithNoProgramConstants() throws Exception {
		Instant now = Instant.now();
		var report = new Report(new ReportId("consolereportes"), ReportKind.DETENTION, GeoPoint.of(41.80, -87.70),
				"Cermak y Pulaski", null, Recency.NOW, now, now, Sighting.UNKNOWN, null, null, new Pseudonym("pes"), "es");
		Incident incident = new RedisIncidentAssigner(redis, new org.vigia.store.RedisKeys("vigia-console:"),
				new org.vigia.store.RedisIncidentStore(redis, new org.vigia.store.RedisKeys("vigia-console:")),
				org.vigia.core.config.VigiaSettings.Clustering.DEFAULTS, org.vigia.core.cluster.Areas.NONE, Duration.ofHours(1))
			.ingest(report, Duration.ofHours(1))
			.incident();

		String page = mvc.perform(get("/incidents/live").header("Accept-Language", "es")
			.with(user("dave").roles("DISPATCHER"))).andReturn().getResponse().getContentAsString();
		String row = page.substring(page.indexOf("data-id=\"" + incident.id().value()));
		row = row.substring(0, row.indexOf("</tr>"));

		assertThat(row).contains("Están deteniendo a alguien", "Cermak y Pulaski", "Nuevo, nadie consultado aún",
				IncidentViews.ref(incident.id().value()), "ahora mismo");
		assertThat(row.replaceAll("(data-id|href)=\"[^\"]*\"", "")).doesNotContain(incident.id().value(), "DETENTION",
				"NEW<", ">NEW");
	}

}
