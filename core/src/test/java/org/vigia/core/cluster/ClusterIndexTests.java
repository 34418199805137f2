package org.vigia.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.cluster.Scenes.FIJI_WEST;
import static org.vigia.core.cluster.Scenes.SAN_JOSE;
import static org.vigia.core.cluster.Scenes.minutes;
import static org.vigia.core.cluster.Scenes.offset;
import static org.vigia.core.cluster.Scenes.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;

class ClusterIndexTests {

	private final MergeRule rule = new MergeRule(VigiaSettings.Clustering.DEFAULTS);

	private final ClusterIndex index = new ClusterIndex(this.rule);

	private static Incident opened(String id, GeoPoint at, long minute) {
		return IncidentMerge.open(new IncidentId(id), report("r-" + id, at, minutes(minute)));
	}

	@ParameterizedTest(name = "around ({0}, {1})")
	@CsvSource({ "37.3382, -121.8863", // San José
			"-16.7, 179.9995", "-16.7, -179.9995", // Fiji, both sides of the antimeridian
			"89.999, 45", "-89.999, -100", // the poles
			"0, 0" })
	void agreesWithTheRuleOverEveryIncident(double latitude, double longitude) {
		GeoPoint center = GeoPoint.of(latitude, longitude);
		Random random = new Random(42);
		List<Incident> all = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			var incident = opened("i" + i, offset(center, random.nextDouble() * 360, random.nextDouble() * 1500),
					random.nextInt(60));
			all.add(incident);
			this.index.put(incident);
		}
		for (int i = 0; i < 400; i++) {
			var next = report("q" + i, offset(center, random.nextDouble() * 360, random.nextDouble() * 1500),
					minutes(30 + random.nextInt(60)));

			assertThat(this.index.nearest(next)).isEqualTo(this.rule.choose(next, all).map(Incident::id));
		}
	}

	@Test
	void agreesWithTheRuleWhileIncidentsComeAndGo() {
		Random random = new Random(7);
		List<Incident> all = new ArrayList<>();
		for (int round = 0; round < 20; round++) {
			for (int i = 0; i < 50; i++) {
				var incident = opened("i" + round + "-" + i,
						offset(SAN_JOSE, random.nextDouble() * 360, random.nextDouble() * 3000), round);
				all.add(incident);
				this.index.put(incident);
			}
			for (int i = 0; i < 30; i++) {
				Incident gone = all.remove(random.nextInt(all.size()));
				assertThat(this.index.remove(gone.id())).isTrue();
			}
			for (int i = 0; i < 50; i++) {
				var next = report("q" + round + "-" + i,
						offset(SAN_JOSE, random.nextDouble() * 360, random.nextDouble() * 3000), minutes(round));

				assertThat(this.index.nearest(next)).isEqualTo(this.rule.choose(next, all).map(Incident::id));
			}
		}
		assertThat(this.index.size()).isEqualTo(all.size());
	}

	@Test
	void findsAnIncidentAcrossTheAntimeridian() {
		this.index.put(opened("fiji", FIJI_WEST, 0));
		GeoPoint east = offset(FIJI_WEST, 90, 150);

		assertThat(east.longitude()).isNegative();
		assertThat(this.index.nearest(report("r", east, minutes(5)))).contains(new IncidentId("fiji"));
	}

	@Test
	void forgetsAnIncidentPutAgainAsClosed() {
		Incident incident = opened("a", SAN_JOSE, 0);
		this.index.put(incident);
		this.index.put(incident.withState(IncidentState.ENDED, List.of(new IncidentEvent(minutes(20),
				ActorKind.DISPATCHER, IncidentState.NEW, IncidentState.ENDED, "manual:reject"))));

		assertThat(this.index.size()).isZero();
		assertThat(this.index.nearest(report("r", SAN_JOSE, minutes(21)))).isEmpty();
	}

	@Test
	void evictsOnlyIncidentsThatCanNoLongerTakeAReport() {
		this.index.put(opened("old", SAN_JOSE, 0));
		this.index.put(opened("recent", offset(SAN_JOSE, 90, 2000), 60));

		// a stale report received at 0 + 45 + 60 min may still be about the old incident
		assertThat(this.index.evictIdle(minutes(105))).isEmpty();
		assertThat(this.index.evictIdle(minutes(106))).containsExactly(new IncidentId("old"));
		assertThat(this.index.contains(new IncidentId("recent"))).isTrue();
		assertThat(this.index.size()).isOne();
	}

	@Test
	void movesAnIncidentsIdleDeadlineWhenItTakesAReport() {
		Incident incident = opened("a", SAN_JOSE, 0);
		this.index.put(incident);
		this.index.put(IncidentMerge.join(incident, report("r2", SAN_JOSE, minutes(40))));

		assertThat(this.index.evictIdle(minutes(140))).isEmpty();
		assertThat(this.index.evictIdle(minutes(146))).containsExactly(new IncidentId("a"));
	}

}
