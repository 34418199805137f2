package org.vigia.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.cluster.Scenes.SAN_JOSE;
import static org.vigia.core.cluster.Scenes.minutes;
import static org.vigia.core.cluster.Scenes.offset;
import static org.vigia.core.cluster.Scenes.report;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Recency;

class MergeRuleTests {

	private final MergeRule rule = new MergeRule(VigiaSettings.Clustering.DEFAULTS);

	private static Incident openedAt(String id, GeoPoint at, long minute) {
		return IncidentMerge.open(new IncidentId(id), report("r-" + id, at, minutes(minute)));
	}

	@ParameterizedTest(name = "{0} m at bearing {1}, {2} min later: joins={3}")
	@CsvSource({ "150, 45, 10, true", "299, 200, 0, true", "301, 200, 0, false", "600, 90, 10, false",
			"0, 0, 45, true", "0, 0, 46, false", "0, 0, 120, false" })
	void mergesWithinRadiusOfTheAnchorAndWithinTheWindow(double meters, double bearing, long later, boolean joins) {
		Incident incident = openedAt("a", SAN_JOSE, 0);
		var next = report("r2", offset(SAN_JOSE, bearing, meters), minutes(later));

		assertThat(this.rule.choose(next, List.of(incident)).isPresent()).isEqualTo(joins);
	}

	@Test
	void choosesTheNearestOfTwoIncidents() {
		Incident far = openedAt("a", offset(SAN_JOSE, 0, 250), 0);
		Incident near = openedAt("b", offset(SAN_JOSE, 180, 100), 0);

		var chosen = this.rule.choose(report("r", SAN_JOSE, minutes(5)), List.of(far, near));

		assertThat(chosen).map(Incident::id).contains(new IncidentId("b"));
	}

	@Test
	void breaksTiesAtEqualDistanceBySmallestIncidentId() {
		Incident north = openedAt("m2", offset(SAN_JOSE, 0, 100), 0);
		Incident south = openedAt("m1", offset(SAN_JOSE, 0, 100), 0);

		assertThat(this.rule.choose(report("r", SAN_JOSE, minutes(1)), List.of(north, south))).map(Incident::id)
			.contains(new IncidentId("m1"));
		assertThat(this.rule.choose(report("r", SAN_JOSE, minutes(1)), List.of(south, north))).map(Incident::id)
			.contains(new IncidentId("m1"));
	}

	@Test
	void skipsClosedIncidents() {
		Incident closed = openedAt("a", SAN_JOSE, 0).withState(IncidentState.UNFOUNDED,
				List.of(new IncidentEvent(minutes(3), ActorKind.OBSERVER, IncidentState.NEW, IncidentState.UNFOUNDED,
						"verdict:nothing")));

		assertThat(this.rule.choose(report("r", SAN_JOSE, minutes(5)), List.of(closed))).isEmpty();
	}

	@ParameterizedTest(name = "{1} report received {0} min after the incident opened: joins={2}")
	@CsvSource({ "-40, NOW, true", // a retry that arrived late still belongs to the scene
			"-50, NOW, false", // before the incident by more than the window
			"100, EARLIER, true", // seen about 60 min before it arrived: 40 min after the last report
			"110, EARLIER, false", "100, NOW, false", "50, UNDER_30_MINUTES, true", "62, UNDER_30_MINUTES, false" })
	void placesReportsInTimeByWhenTheyWereSeen(long minute, Recency recency, boolean joins) {
		Incident incident = openedAt("a", SAN_JOSE, 0);

		var next = report("r2", offset(SAN_JOSE, 90, 50), minutes(minute), recency);

		assertThat(this.rule.choose(next, List.of(incident)).isPresent()).isEqualTo(joins);
	}

	@ParameterizedTest(name = "latitude {0}")
	@CsvSource({ "0", "37.3382", "-33.9", "64.8", "78.2" })
	void measuresDistanceWithinTwoCentimetersOfTheGreatCircleAtTheRadius(double latitude) {
		GeoPoint from = GeoPoint.of(latitude, 10);
		for (int bearing = 0; bearing < 360; bearing += 15) {
			GeoPoint to = offset(from, bearing, 300);
			double local = MergeRule.meters(from.latitude(), from.longitude(), Math.cos(Math.toRadians(latitude)),
					to.latitude(), to.longitude());

			assertThat(local).isCloseTo(Distances.haversine(from.latitude(), from.longitude(), to.latitude(), to.longitude()),
					org.assertj.core.data.Offset.offset(0.02));
		}
	}

}
