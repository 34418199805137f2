package org.vigia.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.store.RedisDrills;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisObserverStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The drill report in the console, on a real (embedded) Redis: a page for dispatchers, and the same as CSV. */
@SpringBootTest
@AutoConfigureMockMvc
class DrillConsoleTests {

	static final Path DATA = tempDir();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("vigia.redis.url", () -> "");
		registry.add("vigia.redis.data-dir", DATA::toString);
		registry.add("vigia.redis.prefix", () -> "vigia-drill-console:");
		registry.add("vigia.admin.username", () -> "ana");
		registry.add("vigia.admin.password", () -> "a long password for ana");
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("vigia-drill-console");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	RedisDrills drills;

	@Autowired
	Accounts accounts;

	@Autowired
	RedisIncidentStore incidents;

	@Autowired
	RedisObserverStore observers;

	@Test
	void aDispatcherReadsEachPracticeScenesTimesAndEachObserversAnswersInSpanishAndAsCsv() throws Exception {
		accounts.create("dave", "another long password", Accounts.Role.DISPATCHER);
		Instant start = Instant.now();
		var lupe = new Observer(new ObserverId("consolelupe"), "Lupe", "7420901", false, "es", start);
		observers.save(lupe);
		var report = new Report(new ReportId("drill-console1"), ReportKind.OTHER, GeoPoint.of(41.88, -87.63), null, null,
				Recency.NOW, start, start, null, null, null, new Pseudonym("drill"), "es");
		var lifecycle = new IncidentLifecycle(VigiaSettings.defaults());
		Incident scene = IncidentMerge.open(new IncidentId("drill-console1"), report);
		scene = lifecycle.dispatch(scene, Set.of(lupe.id()), 3000, start).incident();
		scene = lifecycle.going(scene, lupe.id(), start.plusSeconds(75)).orElseThrow().incident();
		incidents.openDrill(scene, Duration.ofHours(1));
		drills.add(scene.id(), start);

		String page = mvc.perform(get("/drills").header("Accept-Language", "es").with(user("dave").roles("DISPATCHER")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Escenas de práctica", "1 min y 15 s", "no se llegó", "Lupe", "Descargar en CSV")
			.contains("data-scenes=\"1\"", "data-going=\"75\"", "Cronología").doesNotContain("data-quorum=\"0")
			.doesNotContain("drill-console1");
		String csv = mvc.perform(get("/drills/report.csv").with(user("dave").roles("DISPATCHER")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv).startsWith("scene,started,seconds_to_first_going,seconds_to_quorum,seconds_to_post\n1,")
			.contains(",75,,\n").contains("\"Lupe\",1,0,\n");
	}

	@Test
	void theDrillReportNeedsASignIn() throws Exception {
		mvc.perform(get("/drills/report.csv")).andExpect(status().is3xxRedirection());
	}

}
