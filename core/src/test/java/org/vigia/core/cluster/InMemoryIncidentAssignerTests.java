package org.vigia.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.cluster.Scenes.FIJI_WEST;
import static org.vigia.core.cluster.Scenes.SAN_JOSE;
import static org.vigia.core.cluster.Scenes.T0;
import static org.vigia.core.cluster.Scenes.minutes;
import static org.vigia.core.cluster.Scenes.offset;
import static org.vigia.core.cluster.Scenes.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.Distances;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.Report;

class InMemoryIncidentAssignerTests {

	private final Scenes.MovableClock clock = new Scenes.MovableClock(T0);

	private final AtomicInteger sequence = new AtomicInteger();

	private final InMemoryIncidentAssigner assigner = new InMemoryIncidentAssigner(
			VigiaSettings.Clustering.DEFAULTS, () -> new IncidentId("inc-" + this.sequence.incrementAndGet()),
			this.clock);

	private Placement place(Report report) {
		this.clock.set(report.receivedAt());
		return this.assigner.assign(report);
	}

	@Test
	void mergesTwoReports150MetersAndTenMinutesApart() {
		Placement first = place(report("r1", SAN_JOSE, minutes(0)));
		Placement second = place(report("r2", offset(SAN_JOSE, 45, 150), minutes(10)));

		assertThat(first.opened()).isTrue();
		assertThat(second.opened()).isFalse();
		assertThat(second.incident().id()).isEqualTo(first.incident().id());
		assertThat(second.incident().reports()).hasSize(2);
	}

	@Test
	void opensASecondIncidentForAReport600MetersAway() {
		Placement first = place(report("r1", SAN_JOSE, minutes(0)));
		Placement second = place(report("r2", offset(SAN_JOSE, 90, 600), minutes(10)));

		assertThat(second.opened()).isTrue();
		assertThat(second.incident().id()).isNotEqualTo(first.incident().id());
	}

	@Test
	void opensASecondIncidentAtTheSameSpotTwoHoursLater() {
		Placement first = place(report("r1", SAN_JOSE, minutes(0)));
		Placement second = place(report("r2", SAN_JOSE, minutes(120)));

		assertThat(second.opened()).isTrue();
		assertThat(second.incident().id()).isNotEqualTo(first.incident().id());
	}

	@Test
	void aChainOfReportsAlongAStreetDoesNotSnowballIntoOneIncident() {
		List<Incident> incidents = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			// ten reports 250 m apart heading east on one street, a minute apart
			Placement placement = place(report("r" + i, offset(SAN_JOSE, 90, 250.0 * i), minutes(i)));
			incidents.removeIf((incident) -> incident.id().equals(placement.incident().id()));
			incidents.add(placement.incident());
		}

		assertThat(incidents).hasSizeGreaterThanOrEqualTo(4);
		for (Incident incident : incidents) {
			for (GeoPoint member : incident.members()) {
				assertThat(Distances.meters(incident.anchor(), member)).isLessThanOrEqualTo(2 * 300.0);
			}
		}
	}

	@Test
	void joinsTheNearestOfTwoIncidents() {
		Placement west = place(report("r1", offset(SAN_JOSE, 270, 200), minutes(0)));
		Placement east = place(report("r2", offset(SAN_JOSE, 90, 200), minutes(1)));
		assertThat(east.opened()).isTrue();

		Placement between = place(report("r3", offset(SAN_JOSE, 90, 20), minutes(2)));

		assertThat(between.incident().id()).isEqualTo(east.incident().id());
		assertThat(this.assigner.find(west.incident().id()).orElseThrow().reports()).hasSize(1);
	}

	@Test
	void aClosedIncidentTakesNoMoreReports() {
		Placement first = place(report("r1", SAN_JOSE, minutes(0)));
		assertThat(this.assigner.close(first.incident().id())).isTrue();

		Placement second = place(report("r2", SAN_JOSE, minutes(5)));

		assertThat(second.opened()).isTrue();
		assertThat(second.incident().id()).isNotEqualTo(first.incident().id());
	}

	@Test
	void anIncidentTheLifecycleClosedTakesNoMoreReports() {
		Incident first = place(report("r1", SAN_JOSE, minutes(0))).incident();
		this.assigner.update(first.withState(IncidentState.NOT_ICE, List.of(new IncidentEvent(minutes(4),
				ActorKind.OBSERVER, IncidentState.NEW, IncidentState.NOT_ICE, "verdict:local-police"))));

		Placement second = place(report("r2", SAN_JOSE, minutes(5)));

		assertThat(second.opened()).isTrue();
		assertThat(this.assigner.find(first.id())).isEmpty();
	}

	@Test
	void forgetsAnIncidentWhoseWindowPassed() {
		IncidentId id = place(report("r1", SAN_JOSE, minutes(0))).incident().id();

		this.clock.set(minutes(200));

		assertThat(this.assigner.evictIdle()).isOne();
		assertThat(this.assigner.find(id)).isEmpty();
		assertThat(this.assigner.size()).isZero();
	}

	@Test
	void theCenterFollowsTheMembersWhileTheAnchorStays() {
		place(report("r1", SAN_JOSE, minutes(0)));
		GeoPoint north = offset(SAN_JOSE, 0, 200);
		Incident incident = place(report("r2", north, minutes(3))).incident();

		assertThat(incident.anchor()).isEqualTo(SAN_JOSE);
		assertThat(Distances.meters(incident.center(), offset(SAN_JOSE, 0, 100))).isLessThan(0.5);
	}

	@Test
	void replayingAReportDoesNotAddItTwice() {
		place(report("r1", SAN_JOSE, minutes(0)));
		Report second = report("r2", offset(SAN_JOSE, 10, 100), minutes(2));
		place(second);

		Placement replay = place(second);

		assertThat(replay.opened()).isFalse();
		assertThat(replay.incident().reports()).extracting(Object::toString).containsExactly("r1", "r2");
	}

	@Test
	void mergesReportsAcrossTheAntimeridian() {
		Placement west = place(report("r1", FIJI_WEST, minutes(0)));
		Placement east = place(report("r2", offset(FIJI_WEST, 90, 200), minutes(5)));

		assertThat(east.incident().members().get(1).longitude()).isNegative();
		assertThat(east.opened()).isFalse();
		assertThat(east.incident().id()).isEqualTo(west.incident().id());
	}

	@Test
	void keepsReportsMergedAfterTheVersionTheLifecycleUpdated() {
		Incident seen = place(report("r1", SAN_JOSE, minutes(0))).incident();
		place(report("r2", offset(SAN_JOSE, 0, 50), minutes(1)));

		this.assigner.update(seen.withState(IncidentState.DISPATCHED, List.of(new IncidentEvent(minutes(2),
				ActorKind.SYSTEM, IncidentState.NEW, IncidentState.DISPATCHED, "dispatch:5-observers"))));

		Incident now = this.assigner.find(seen.id()).orElseThrow();
		assertThat(now.state()).isEqualTo(IncidentState.DISPATCHED);
		assertThat(now.reports()).extracting(Object::toString).containsExactly("r1", "r2");
	}

	@Test
	void reportsOfOneScenePlacedAtOnceOpenExactlyOneIncident() throws Exception {
		int threads = 8;
		int perThread = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Placement>>> results = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				int thread = t;
				Callable<List<Placement>> task = () -> {
					start.await();
					List<Placement> placements = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						GeoPoint at = offset(SAN_JOSE, (thread * 45 + i * 7) % 360, 5 + i * 4);
						placements.add(this.assigner.assign(report("t" + thread + "-" + i, at, T0)));
					}
					return placements;
				};
				results.add(pool.submit(task));
			}
			start.countDown();
			var ids = new HashSet<IncidentId>();
			int opened = 0;
			for (var result : results) {
				for (Placement placement : result.get(30, TimeUnit.SECONDS)) {
					ids.add(placement.incident().id());
					opened += placement.opened() ? 1 : 0;
				}
			}

			assertThat(opened).isOne();
			assertThat(ids).hasSize(1);
			assertThat(this.assigner.find(ids.iterator().next()).orElseThrow().reports())
				.hasSize(threads * perThread);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
