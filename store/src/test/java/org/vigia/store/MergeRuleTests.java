package org.vigia.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.vigia.core.cluster.Areas;
import org.vigia.core.cluster.Placement;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the merge rule ({@code IncidentAssigner}) against the production path: the Redis script
 * through {@link RedisIncidentAssigner}, on a real Redis, with the default rule (300 m, 45 min). One table
 * of cases; a few that need more than "which reports end up together" follow it.
 *
 * <p>Each case has a scene of its own: an origin (San José, or Suva for the antimeridian), a key prefix, and
 * two areas: {@code a}, within 5 km of the origin, and {@code b} beyond. A point is written
 * {@code bearing/meters} from the origin; an area report {@code @a}, placed (as the bot does) at the area's
 * interior point, the origin.
 */
class MergeRuleTests {

	@TempDir
	static Path data;

	static RedisTestServer server;

	static final Instant T0 = Instant.parse("2026-03-14T17:00:00Z");

	static final GeoPoint SAN_JOSE = GeoPoint.of(37.3382, -121.8863);

	/** Suva, Fiji: the antimeridian runs 100 m east of it. */
	static final GeoPoint FIJI = GeoPoint.of(-16.7, 179.9990);

	static final AtomicInteger CASES = new AtomicInteger();

	@BeforeAll
	static void start() {
		server = RedisTestServer.start(data);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	/**
	 * The table: reports in the order they arrive ({@code name place minute [recency]}, minutes after T0 when
	 * the report was received), and which end up in one incident ({@code |} between incidents).
	 */
	static Stream<Arguments> cases() {
		return Stream.of(
				// distance, measured from the anchor
				row("150 m and 10 min apart merge", "r1 0/0 0, r2 45/150 10", "r1 r2"),
				row("299 m merge", "r1 0/0 0, r2 200/299 0", "r1 r2"),
				row("301 m do not", "r1 0/0 0, r2 200/301 0", "r1 | r2"),
				row("600 m do not", "r1 0/0 0, r2 90/600 10", "r1 | r2"),
				row("a chain 250 m apart along a street does not snowball",
						"r0 90/0 0, r1 90/250 1, r2 90/500 2, r3 90/750 3, r4 90/1000 4", "r0 r1 | r2 r3 | r4"),
				row("the nearest of two incidents", "r1 270/200 0, r2 90/200 1, r3 90/20 2", "r1 | r2 r3"),
				row("reports across the antimeridian merge", "r1 0/0 0 fiji, r2 90/200 5 fiji", "r1 r2"),
				// time: the sighting span against the incident's active span
				row("45 min after the latest report merge", "r1 0/0 0, r2 0/0 45", "r1 r2"),
				row("46 min do not", "r1 0/0 0, r2 0/0 46", "r1 | r2"),
				row("2 h do not", "r1 0/0 0, r2 0/0 120", "r1 | r2"),
				row("the window runs from the latest report", "r1 0/0 0, r2 0/50 40, r3 0/0 80", "r1 r2 r3"),
				row("a retry that arrived 40 min before the incident opened joins", "r1 0/0 0, r2 90/50 -40", "r1 r2"),
				row("50 min before does not", "r1 0/0 0, r2 90/50 -50", "r1 | r2"),
				row("an earlier sighting joins the incident active when it was seen",
						"r1 0/0 0, r2 90/50 100 EARLIER", "r1 r2"),
				row("an earlier sighting beyond the window does not", "r1 0/0 0, r2 90/50 110 EARLIER", "r1 | r2"),
				row("the same delay seen now does not", "r1 0/0 0, r2 90/50 100 NOW", "r1 | r2"),
				row("a sighting under 30 min old within the window joins", "r1 0/0 0, r2 90/50 50 UNDER_30_MINUTES",
						"r1 r2"),
				row("under 30 min old beyond the window does not", "r1 0/0 0, r2 90/50 62 UNDER_30_MINUTES", "r1 | r2"),
				row("at equal distance the smallest (oldest) id wins",
						"r1 0/0 0, r2 0/0 46, r3 0/0 50 EARLIER", "r1 r3 | r2"),
				// areas
				row("an area report joins the incident of a point in its area", "p1 90/3000 0, x1 @a 5", "p1 x1"),
				row("an area report does not join a point of another area", "p1 90/8000 0, x1 @a 5", "p1 | x1"),
				row("two area reports of one area merge", "x1 @a 0, x2 @a 10", "x1 x2"),
				row("area reports of two areas do not", "x1 @a 0, x2 @b 10", "x1 | x2"),
				row("an area report beyond the window does not merge", "p1 0/0 0, x1 @a 46", "p1 | x1"),
				row("the first point in the area joins an area-only incident and gives it its point",
						"x1 @a 0, p1 0/3000 5, p2 0/3200 6, p3 180/2000 7", "x1 p1 p2 | p3"),
				row("a point outside the area does not join it", "x1 @a 0, p1 0/8000 5", "x1 | p1"),
				row("a point beyond the window does not join it", "x1 @a 0, p1 0/3000 46", "x1 | p1"),
				row("two scenes in one area: an area report joins the most recent",
						"p1 0/0 0, p2 90/2000 3, x1 @a 5, x2 @a 6", "p1 | p2 x1 x2"),
				row("two scenes in one area: a later point by the first scene keeps them apart",
						"p1 0/0 0, p2 90/2000 3, x1 @a 5, p3 0/100 6", "p1 p3 | p2 x1"),
				row("a point near an anchor joins it before an area-only incident of its area",
						"p1 0/0 0, x1 @a 60, p2 0/100 61 EARLIER", "p1 p2 | x1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void placesReportsByTheRule(String name, String reports, String expected) {
		Scene scene = new Scene();

		for (String report : reports.split(",\\s*")) {
			scene.place(report.strip());
		}

		List<List<String>> groups = Stream.of(expected.split("\\|"))
			.map(g -> List.of(g.strip().split("\\s+")))
			.toList();
		List<IncidentId> incidents = new ArrayList<>();
		for (List<String> group : groups) {
			IncidentId first = scene.incidentOf(group.get(0));
			for (String member : group) {
				assertThat(scene.incidentOf(member)).as("the incident of %s", member).isEqualTo(first);
			}
			assertThat(scene.stored(first).reports()).as("the reports stored in the incident of %s", group)
				.containsExactlyElementsOf(group.stream().map(scene::reportId).toList());
			assertThat(incidents).as("the incident of %s is not another group's", group).doesNotContain(first);
			incidents.add(first);
		}
	}

	@Test
	void anAreaReportJoinsTheSmallestIdOfTwoIncidentsAsRecent() {
		Scene scene = new Scene();
		scene.place("p1 0/0 0");
		scene.place("p2 90/2000 0");

		scene.place("x1 @a 5");

		IncidentId smallest = Stream.of(scene.incidentOf("p1"), scene.incidentOf("p2"))
			.min((a, b) -> a.value().compareTo(b.value()))
			.orElseThrow();
		assertThat(scene.incidentOf("p1")).isNotEqualTo(scene.incidentOf("p2"));
		assertThat(scene.incidentOf("x1")).isEqualTo(smallest);
	}

	@Test
	void anAreaOnlyIncidentTakesTheFirstPointAsItsAnchorAndCenter() {
		Scene scene = new Scene();
		scene.place("x1 @a 0");
		scene.place("x2 @a 1");

		Placement located = scene.place("p1 0/3000 2");
		Placement near = scene.place("p2 0/3100 3");

		GeoPoint point = scene.at("0/3000");
		assertThat(located.opened()).isFalse();
		assertThat(located.incident().anchor()).isEqualTo(point);
		assertThat(located.incident().center()).isEqualTo(point);
		assertThat(near.incident().id()).isEqualTo(located.incident().id());
		assertThat(Distances.meters(scene.stored(near.incident().id()).center(), point)).isLessThan(30);
	}

	@Test
	void anAreaReportDoesNotPullTheCenterTowardTheMiddleOfItsArea() {
		Scene scene = new Scene();
		Placement first = scene.place("p1 0/3000 0");

		Placement joined = scene.place("x1 @a 1");

		assertThat(joined.incident().id()).isEqualTo(first.incident().id());
		assertThat(Distances.meters(joined.incident().center(), scene.at("0/3000"))).isLessThan(0.01);
		assertThat(joined.incident().anchor()).isEqualTo(scene.at("0/3000"));
	}

	@Test
	void anAreaReportDoesNotJoinAClosedIncidentOfItsArea() {
		Scene scene = new Scene();
		Incident first = scene.place("p1 0/0 0").incident();
		Incident closed = first.withState(IncidentState.NOT_ICE, List.of(new IncidentEvent(T0.plusSeconds(60),
				ActorKind.OBSERVER, first.state(), IncidentState.NOT_ICE, "quorum:local-police")));
		assertThat(scene.incidents.replace(closed, first.history().size())).isTrue();

		Placement area = scene.place("x1 @a 2");
		Placement point = scene.place("p2 0/3000 3");

		assertThat(area.opened()).isTrue();
		assertThat(point.incident().id()).isEqualTo(area.incident().id());
	}

	@Test
	void aReplayedAreaReportChangesNothing() {
		Scene scene = new Scene();
		scene.place("x1 @a 0");
		Placement located = scene.place("p1 0/3000 1");

		Placement again = scene.placeAgain("p1");

		assertThat(again.incident()).isEqualTo(located.incident());
		assertThat(scene.stored(located.incident().id()).reports()).hasSize(2);
	}

	static Arguments row(String name, String reports, String expected) {
		return Arguments.of(name, reports, expected);
	}

	/** One case's own keys, places and areas, and what was placed where. */
	static final class Scene {

		final RedisKeys keys = new RedisKeys(server.keys().prefix() + "case" + CASES.incrementAndGet() + ":");

		final RedisIncidentStore incidents;

		final RedisIncidentAssigner assigner;

		final Map<String, Report> reports = new HashMap<>();

		final Map<String, Placement> placements = new LinkedHashMap<>();

		GeoPoint origin = SAN_JOSE;

		Scene() {
			var redis = server.newInstance();
			this.incidents = new RedisIncidentStore(redis, keys);
			Areas areas = point -> Optional.of(Distances.meters(point, origin) <= 5_000 ? "a" : "b");
			this.assigner = new RedisIncidentAssigner(redis, keys, incidents, VigiaSettings.Clustering.DEFAULTS, areas,
					Duration.ofHours(12));
		}

		/** Places {@code name place minute [recency] [fiji]}. */
		Placement place(String line) {
			String[] f = line.split("\\s+");
			List<String> flags = List.of(f).subList(3, f.length);
			if (flags.contains("fiji")) {
				origin = FIJI;
			}
			Recency recency = flags.stream().filter(s -> !s.equals("fiji")).findFirst().map(Recency::valueOf)
				.orElse(Recency.NOW);
			Instant received = T0.plus(Duration.ofMinutes(Long.parseLong(f[2])));
			boolean area = f[1].startsWith("@");
			var report = new Report(new ReportId(f[0] + "-" + keys.prefix().hashCode()), ReportKind.CHECKPOINT,
					area ? origin : at(f[1]), area ? "Downtown" : null, area ? f[1].substring(1) : null, recency,
					received.minus(recency.typicalAge()), received, Sighting.UNKNOWN, null, null,
					new Pseudonym("p-" + f[0]), "en");
			reports.put(f[0], report);
			Placement placement = assigner.assign(report);
			placements.put(f[0], placement);
			return placement;
		}

		Placement placeAgain(String name) {
			return assigner.assign(reports.get(name));
		}

		/** Where a report ended up: the incident that holds it now. */
		IncidentId incidentOf(String name) {
			ReportId id = reportId(name);
			return placements.values().stream()
				.map(p -> p.incident().id())
				.distinct()
				.filter(i -> stored(i).reports().contains(id))
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " is in no incident"));
		}

		ReportId reportId(String name) {
			return reports.get(name).id();
		}

		Incident stored(IncidentId id) {
			return incidents.find(id).orElseThrow();
		}

		/** The point {@code bearing/meters} from the origin, along a great circle of the mean sphere. */
		GeoPoint at(String place) {
			String[] p = place.split("/");
			double delta = Double.parseDouble(p[1]) / Distances.EARTH_RADIUS_METERS;
			double theta = Math.toRadians(Double.parseDouble(p[0]));
			double phi1 = Math.toRadians(origin.latitude());
			double lambda1 = Math.toRadians(origin.longitude());
			double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
			double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
					Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
			double lon = ((Math.toDegrees(lambda2) + 540) % 360) - 180;
			return GeoPoint.of(Math.toDegrees(phi2), lon);
		}

	}

}
