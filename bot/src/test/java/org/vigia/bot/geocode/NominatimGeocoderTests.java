package org.vigia.bot.geocode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class NominatimGeocoderTests {

	HttpServer server;

	final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();

	final List<String> queries = new CopyOnWriteArrayList<>();

	volatile int status = 200;

	volatile String body = "[]";

	volatile long delayMillis = 0;

	NominatimGeocoder geocoder;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			queries.add(exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getRawQuery());
			try {
				if (delayMillis > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(delayMillis * 1_000_000);
				}
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
			finally {
				exchange.close();
			}
		});
		server.setExecutor(executor);
		server.start();
		geocoder = new NominatimGeocoder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
				Duration.ofMillis(500), "vigia-test");
	}

	@AfterEach
	void stop() {
		server.stop(0);
		executor.shutdownNow();
	}

	@Test
	void crossStreetsAreFoundWithinTheServiceArea() {
		body = "[{\"lat\":\"37.3363\",\"lon\":\"-121.8905\",\"display_name\":\"Santa Clara St\"}]";

		var found = geocoder.geocode("Santa Clara St & 1st St",
				new NominatimGeocoder.Bounds(-122.0, 37.2, -121.7, 37.5));

		assertThat(found).contains(GeoPoint.of(37.3363, -121.8905));
		assertThat(queries).singleElement().satisfies(q -> {
			assertThat(q).contains("q=Santa+Clara+St+%26+1st+St");
			assertThat(q).contains("bounded=1").contains("viewbox=-122.0,37.5,-121.7,37.2");
		});
	}

	@Test
	void noResultIsNotFound() {
		assertThat(geocoder.geocode("nowhere at all", null)).isEmpty();
	}

	@Test
	void aServerErrorIsNotFound() {
		status = 503;
		body = "busy";

		assertThat(geocoder.geocode("Main St", null)).isEmpty();
	}

	@Test
	void garbageOrAbsurdAnswersAreNotFound() {
		for (String garbage : List.of("<html>oops</html>", "{\"lat\":1}", "[{\"lat\":\"95\",\"lon\":\"10\"}]",
				"[{\"lat\":\"NaN\",\"lon\":\"10\"}]", "[{}]")) {
			body = garbage;
			assertThat(geocoder.geocode("Main St", null)).as(garbage).isEmpty();
		}
	}

	@Test
	void aSlowGeocoderTimesOutAsNotFound() {
		delayMillis = 2_000;
		body = "[{\"lat\":\"37.3\",\"lon\":\"-121.8\"}]";

		assertThat(geocoder.geocode("Main St", null)).isEmpty();
	}

	/** A geocoder that waits long enough for a first request on a busy machine (the other tests' is impatient). */
	NominatimGeocoder patient() {
		return new NominatimGeocoder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(10),
				"vigia-test");
	}

	@Test
	void theStreetAddressOfAPointIsItsHouseNumberAndRoadAskedAtElevenMetres() {
		body = "{\"display_name\":\"300, East Randolph Street, Loop, Chicago\",\"address\":{\"house_number\":\"300\","
				+ "\"road\":\"East Randolph Street\",\"city\":\"Chicago\"}}";

		var found = patient().reverse(GeoPoint.of(41.885217, -87.619243));

		assertThat(found).contains("300 East Randolph Street");
		assertThat(queries).singleElement().satisfies(q -> assertThat(q).startsWith("/reverse?")
			.contains("lat=41.8852&lon=-87.6192").doesNotContain("41.88521"));
	}

	@Test
	void aRoadWithoutNumberIsTheRoadAndNothingUsableIsNoAddress() {
		body = "{\"address\":{\"road\":\"<b>Lake Shore Drive</b>\"}}";
		NominatimGeocoder geocoder = patient();
		assertThat(geocoder.reverse(GeoPoint.of(41.9, -87.6))).contains("bLake Shore Drive/b");
		for (String garbage : List.of("{\"error\":\"Unable to geocode\"}", "{\"address\":{\"city\":\"Chicago\"}}",
				"<html>oops</html>", "[]", "{\"address\":{\"road\":\"" + "x".repeat(300) + "\"}}")) {
			body = garbage;
			assertThat(geocoder.reverse(GeoPoint.of(41.9, -87.6))).as(garbage).isEmpty();
		}
		status = 503;
		body = "busy";
		assertThat(geocoder.reverse(GeoPoint.of(41.9, -87.6))).isEmpty();
	}

	/** A geocoder on its own server that answers 200 with {@code length} bytes, {@code chunk} at a time. */
	static HttpServer streaming(long length, int chunk, long pauseMillis, boolean declare, AtomicLong written) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/search", exchange -> {
			try (exchange) {
				exchange.sendResponseHeaders(200, declare ? length : 0);
				byte[] bytes = "[".repeat(chunk).getBytes(StandardCharsets.US_ASCII);
				for (long sent = 0; sent < length; sent += chunk) {
					exchange.getResponseBody().write(bytes);
					exchange.getResponseBody().flush();
					written.addAndGet(chunk);
					if (pauseMillis > 0) {
						java.util.concurrent.locks.LockSupport.parkNanos(pauseMillis * 1_000_000);
					}
				}
			}
			catch (IOException ex) {
				// the geocoder client hung up: that is the point
			}
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		return server;
	}

	@Test
	void aHugeAnswerIsRefusedWithoutBeingReadWhole() throws IOException {
		for (boolean declare : new boolean[] { true, false }) {
			var written = new AtomicLong();
			HttpServer huge = streaming(200L * 1024 * 1024, 64 * 1024, 0, declare, written);
			try {
				var client = new NominatimGeocoder(URI.create("http://127.0.0.1:" + huge.getAddress().getPort()),
						Duration.ofSeconds(10), "vigia-test");

				assertThat(client.geocode("Main St", null)).as("declared: %s", declare).isEmpty();
				// the server could write only what sat in socket buffers before the client hung up
				assertThat(written.get()).as("declared: %s", declare).isLessThan(32L * 1024 * 1024);
			}
			finally {
				huge.stop(0);
			}
		}
	}

	@Test
	void anAnswerThatTricklesInIsGivenUpAtTheTimeout() throws IOException {
		var written = new AtomicLong();
		// headers at once, then 64 bytes every 100 ms: 30 s for the whole body
		HttpServer slow = streaming(64 * 300, 64, 100, false, written);
		try {
			var client = new NominatimGeocoder(URI.create("http://127.0.0.1:" + slow.getAddress().getPort()),
					Duration.ofMillis(500), "vigia-test");

			assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(client.geocode("Main St", null)).isEmpty());
		}
		finally {
			slow.stop(0);
		}
	}

}
