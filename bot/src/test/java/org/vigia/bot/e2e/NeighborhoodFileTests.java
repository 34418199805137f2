package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.neighborhood.NeighborhoodId;
import org.vigia.store.RedisIncidentStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bot started on real county boundaries with the defects of web-simplified files (us-atlas; see
 * core's geo/README.md): it starts with one warning per repaired county and serves them, and a file that
 * cannot be repaired stops it with every problem listed, without a stack trace.
 */
class NeighborhoodFileTests {

	/** Inside Isle of Wight County, Virginia, whose boundary had spikes and a self-intersection. */
	static final GeoPoint ISLE_OF_WIGHT = GeoPoint.of(36.90, -76.70);

	@TempDir
	Path data;

	static String resource(String name) throws IOException {
		try (InputStream in = NeighborhoodFileTests.class.getResourceAsStream("/geo/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	ConfigurableApplicationContext start(FakeTelegram telegram, LogCapture logs, String file) throws IOException {
		Path path = data.resolve("neighborhoods.geojson");
		Files.writeString(path, file);
		return new SpringApplicationBuilder(VigiaBotApplication.class).listeners(logs.onEveryStart())
			.run(TestBot.arguments(telegram, data, "vigia-counties:", "--vigia.bot.neighborhoods-file=" + path)
				.toArray(String[]::new));
	}

	@Test
	void aCountyFileWithArtifactsStartsWithAWarningPerRepairAndServesTheRepairedCounties() throws Exception {
		try (var telegram = new FakeTelegram(); var logs = LogCapture.start();
				var bot = start(telegram, logs, resource("counties-with-artifacts.geojson"))) {
			List<String> warnings = logs.lines().stream()
				.filter(l -> l.startsWith("WARN org.vigia.bot.neighborhood.NeighborhoodDirectory: NEIGHBORHOODS_FILE repaired"))
				.toList();
			for (String county : List.of("Alameda County", "San Francisco County", "Chesterfield County",
					"Isle of Wight County", "Montgomery County", "Prince William County", "Franklin city", "Manassas city",
					"Radford city")) {
				assertThat(warnings).as("the warning of %s", county)
					.filteredOn(l -> l.contains("(\"" + county + "\"): ") && l.contains("; area changed by "))
					.hasSize(1);
			}
			assertThat(warnings).hasSize(9);

			// one scene: a resident who picks the county, then one who shares a location in it
			var scenario = Scenario.polling(telegram);
			long byArea = 7_400_201, byPoint = 7_400_202;
			String county = new NeighborhoodId("va-51093").key();
			scenario.send(telegram.text(byArea, "en", "/report"));
			for (String step : List.of("0:CHECKPOINT", "1:nb", "2:" + county, "3:NOW", "4:4", "5:1", "6:done", "7:skip",
					"8:skip", "9:send")) {
				scenario.send(telegram.press(byArea, "en", "r:" + step));
			}
			// the thanks takes the place of the summary (an edit)
			Scenario.await(() -> assertThat(scenario.deliveredTo(byArea, "Thank you")).isNotEmpty());
			scenario.report(byPoint, "en", ISLE_OF_WIGHT.latitude(), ISLE_OF_WIGHT.longitude());
			Scenario.await(() -> assertThat(scenario.deliveredTo(byPoint, "Thank you")).isNotEmpty());

			List<Incident> open = bot.getBean(RedisIncidentStore.class).open();
			assertThat(open).hasSize(1);
			assertThat(open.get(0).reports()).hasSize(2);
			assertThat(open.get(0).anchor()).as("the point report gave the area's incident its place")
				.isEqualTo(ISLE_OF_WIGHT);
		}
	}

	@Test
	void aFileThatCannotBeRepairedStopsTheBotWithEveryProblemAndNoStackTrace() throws Exception {
		String counties = resource("counties-with-artifacts.geojson");
		String fallsChurch = resource("falls-church.geojson");
		String file = counties.substring(0, counties.lastIndexOf("]}")) + ","
				+ fallsChurch.substring(fallsChurch.indexOf("[{") + 1, fallsChurch.lastIndexOf("]}")) + ","
				+ "{\"type\":\"Feature\",\"properties\":{\"name\":\"Open\"},\"geometry\":{\"type\":\"Polygon\","
				+ "\"coordinates\":[[[-87.70,41.80],[-87.60,41.80],[-87.60,41.90],[-87.70,41.90]]]}}]}";

		try (var telegram = new FakeTelegram(); var logs = LogCapture.start()) {
			assertThatThrownBy(() -> start(telegram, logs, file).close()).isNotNull();

			List<String> report = logs.lines().stream()
				.filter(l -> l.startsWith("ERROR org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter"))
				.toList();
			assertThat(report).hasSize(1);
			assertThat(report.get(0)).contains("NEIGHBORHOODS_FILE")
				.contains("2 problems")
				.contains("- feature 12 (\"Falls Church city\"): it has no area")
				.contains("- feature 13 (\"Open\"), ring 1: the ring is not closed")
				.doesNotContain(" | ")
				.doesNotContain("\tat ");
		}
	}

}
