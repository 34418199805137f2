package org.vigia.bot.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.store.RedisIncidentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a geocoder set (GEOCODER_URL), a drill's practice scenes are placed on the street nearest to their random
 * point, as the geocoder's reverse lookup gives it (here a fake Nominatim on a loopback port); a geocoder that finds
 * nothing leaves them at their random points inside the neighborhood, and is asked once per drill, not once per
 * scene.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillStreetsTests {

	/** The middle of a small neighborhood (about 400 m square) in Chicago: the street the fake geocoder knows. */
	static final double LAT = 41.8852, LON = -87.6192;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static HttpServer geocoder;

	static final AtomicReference<String> answer = new AtomicReference<>();

	static final List<String> asked = new CopyOnWriteArrayList<>();

	static TestBot bot;

	static Scenario scenario;

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		geocoder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		geocoder.createContext("/", exchange -> {
			try (exchange) {
				// street lookups (zoom 17) only: a scene's address for people's texts is a lookup of its own (zoom 18)
				if (String.valueOf(exchange.getRequestURI().getQuery()).contains("zoom=17")) {
					asked.add(exchange.getRequestURI().getPath());
				}
				byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
		});
		geocoder.start();
		double dLat = 0.0018, dLon = 0.0024;
		String square = String.format(Locale.ROOT, "[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]", LON - dLon, LAT - dLat,
				LON + dLon, LAT - dLat, LON + dLon, LAT + dLat, LON - dLon, LAT + dLat, LON - dLon, LAT - dLat);
		Path hoods = data.resolve("hoods.geojson");
		Files.writeString(hoods, """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Plaza Grande",
				"channel":"@vigia_streets_hood","language":"es"},"geometry":{"type":"Polygon","coordinates":[%s]}}]}
				""".formatted(square));
		bot = TestBot.start(telegram, data, "vigia-drill-streets:", "--vigia.bot.neighborhoods-file=" + hoods,
				"--vigia.bot.geocoder-url=http://127.0.0.1:" + geocoder.getAddress().getPort());
		scenario = Scenario.polling(telegram);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
		geocoder.stop(0);
	}

	static List<Incident> drills() {
		return bot.bean(RedisIncidentStore.class).open().stream().filter(i -> i.id().drill()).toList();
	}

	@Test
	@Order(1)
	void everyPracticeSceneIsPlacedOnTheStreetTheGeocoderFindsNearItsRandomPoint() {
		answer.set("{\"place_id\":1,\"lat\":\"%s\",\"lon\":\"%s\",\"address\":{\"road\":\"East Randolph Street\"}}"
			.formatted(LAT, LON));

		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/drill 3 0"));

		Scenario.await(() -> assertThat(drills()).hasSize(3));
		assertThat(asked).hasSize(3).allMatch(path -> path.endsWith("/reverse"));
		for (Incident scene : drills()) {
			assertThat(scene.anchor().metersTo(GeoPoint.of(LAT, LON))).as(scene.id().value()).isLessThan(1);
		}
	}

	@Test
	@Order(2)
	void aGeocoderThatFindsNoStreetLeavesTheScenesAtRandomPointsInsideTheNeighborhoodAndIsAskedOnce() {
		answer.set("{\"error\":\"Unable to geocode\"}");
		asked.clear();
		int before = drills().size();

		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/drill 3 0"));

		Scenario.await(() -> assertThat(drills()).hasSize(before + 3));
		assertThat(asked).as("not asked again for the rest of the drill").hasSize(1);
		List<Incident> placed = drills().stream().filter(i -> i.anchor().metersTo(GeoPoint.of(LAT, LON)) >= 1).toList();
		assertThat(placed).as("at random points").hasSize(3).allSatisfy(scene -> {
			assertThat(Math.abs(scene.anchor().latitude() - LAT)).isLessThan(0.0018);
			assertThat(Math.abs(scene.anchor().longitude() - LON)).isLessThan(0.0024);
		});
	}

}
