package org.vigia.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentLifecycle.VerdictOutcome;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a real scene was not alerted, read from incidents the real lifecycle made: each reason from the
 * dispatch, verdicts and history the engine would have left.
 */
class MissTests {

	static final GeoPoint PLACE = GeoPoint.of(30.2672, -97.7431);

	static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");

	/** A real scene from T0 for 40 minutes. */
	static final Scene SCENE = new Scene(0, Scene.Truth.ICE, PLACE, T0, T0.plus(Duration.ofMinutes(40)),
			ReportKind.DETENTION);

	final IncidentLifecycle lifecycle = new IncidentLifecycle(VigiaSettings.defaults());

	static Incident reported(String id) {
		var report = new Report(new ReportId("r" + id), ReportKind.DETENTION, PLACE, null, null, Recency.NOW, T0, T0,
				Sighting.UNKNOWN, null, null, new Pseudonym("p" + id), "es");
		return IncidentMerge.open(new IncidentId(id), report);
	}

	static ObserverId o(String id) {
		return new ObserverId(id);
	}

	Incident asked(Incident i, int minute, String... observers) {
		var ids = new java.util.HashSet<ObserverId>();
		for (String id : observers) {
			ids.add(o(id));
		}
		return lifecycle.dispatch(i, ids, 3000, T0.plus(Duration.ofMinutes(minute))).incident();
	}

	Incident going(Incident i, int minute, String observer) {
		return lifecycle.going(i, o(observer), T0.plus(Duration.ofMinutes(minute))).orElseThrow().incident();
	}

	Incident verdict(Incident i, int minute, String observer, VerdictKind kind) {
		Instant at = T0.plus(Duration.ofMinutes(minute));
		var outcome = lifecycle.recordVerdict(i, new Verdict(o(observer), kind, false, at, null), at);
		return ((VerdictOutcome.Counted) outcome).transition().incident();
	}

	@Test
	void aSceneWithoutIncidentsWasNotReported() {
		assertThat(Miss.of(SCENE, List.of(), 2)).isEqualTo(Miss.NOT_REPORTED);
	}

	@Test
	void anIncidentThatAskedNobody() {
		assertThat(Miss.of(SCENE, List.of(reported("i1")), 2)).isEqualTo(Miss.NOBODY_ASKED);
	}

	@Test
	void observersAskedButNoneWent() {
		Incident i = asked(reported("i1"), 1, "a", "b");

		assertThat(Miss.of(SCENE, List.of(i), 2)).isEqualTo(Miss.NOBODY_WENT);
	}

	@Test
	void oneWentAndNobodyMoreWasAskedAfterwards() {
		Incident i = going(asked(reported("i1"), 1, "a", "b"), 2, "a");

		assertThat(Miss.of(SCENE, List.of(i), 2)).isEqualTo(Miss.TOO_FEW_NONE_ASKED_AFTER);
	}

	@Test
	void oneWentThoughMoreWereAskedAfterwards() {
		Incident i = asked(going(asked(reported("i1"), 1, "a"), 2, "a"), 5, "b");

		assertThat(Miss.of(SCENE, List.of(i), 2)).isEqualTo(Miss.TOO_FEW);
	}

	@Test
	void twoWentButEachToAnotherPartOfASplitScene() {
		Incident first = going(asked(reported("i1"), 1, "a"), 2, "a");
		Incident second = going(asked(reported("i2"), 20, "b"), 21, "b");

		assertThat(Miss.of(SCENE, List.of(first, second), 2)).isEqualTo(Miss.SPLIT);
	}

	@Test
	void theSecondArrivedAfterTheSceneEnded() {
		Incident i = going(going(asked(reported("i1"), 1, "a", "b"), 2, "a"), 3, "b");
		i = verdict(i, 30, "a", VerdictKind.ICE_CONFIRMED);
		i = verdict(i, 41, "b", VerdictKind.NOTHING_THERE);

		assertThat(Miss.of(SCENE, List.of(i), 2)).isEqualTo(Miss.ARRIVED_AFTER_END);
	}

	@Test
	void oneAnsweredWrongWhileTheSceneLasted() {
		Incident i = going(going(asked(reported("i1"), 1, "a", "b"), 2, "a"), 3, "b");
		i = verdict(i, 20, "a", VerdictKind.ICE_CONFIRMED);
		i = verdict(i, 22, "b", VerdictKind.LOCAL_POLICE);

		assertThat(Miss.of(SCENE, List.of(i), 2)).isEqualTo(Miss.DISAGREED);
	}

	@Test
	void twoWentButTheIncidentExpiredBeforeTheyAnswered() {
		Incident i = going(going(asked(reported("i1"), 1, "a", "b"), 2, "a"), 3, "b");
		i = lifecycle.deadlineCheck(i, T0.plus(Duration.ofMinutes(60))).orElseThrow().incident();

		assertThat(Miss.of(SCENE, Set.of(i), 2)).isEqualTo(Miss.EXPIRED_ON_THE_WAY);
	}

}
