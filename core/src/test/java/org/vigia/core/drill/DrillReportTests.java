package org.vigia.core.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;

import static org.assertj.core.api.Assertions.assertThat;

class DrillReportTests {

	static final Instant START = Instant.parse("2026-11-29T14:00:00Z");

	static final ObserverId ANA = new ObserverId("o-ana"), BETO = new ObserverId("o-beto");

	final IncidentLifecycle lifecycle = new IncidentLifecycle(VigiaSettings.defaults());

	static Incident scene(String id, Instant at) {
		var report = new Report(new ReportId(id), ReportKind.OTHER, GeoPoint.of(41.88, -87.63), null, null, Recency.NOW, at,
				at, null, null, null, new Pseudonym("drill"), "en");
		return IncidentMerge.open(new IncidentId(id), report);
	}

	@Test
	void aSceneWhereOnlyOneObserverWentShowsTheFirstGoingAndNoQuorumOrPost() {
		Incident scene = lifecycle.dispatch(scene("drill-a1", START), Set.of(ANA, BETO), 3000, START).incident();
		scene = lifecycle.going(scene, ANA, START.plusSeconds(40)).orElseThrow().incident();
		scene = ((IncidentLifecycle.VerdictOutcome.Counted) lifecycle.recordVerdict(scene,
				new Verdict(ANA, VerdictKind.ICE_CONFIRMED, false, START.plusSeconds(300), null), START.plusSeconds(300)))
			.transition().incident();

		DrillReport report = DrillReport.of(List.of(scene), Map.of(ANA, "Ana R.", BETO, "Beto")::get);

		assertThat(report.scenes()).singleElement().satisfies(s -> {
			assertThat(s.number()).isEqualTo(1);
			assertThat(s.toFirstGoing()).isEqualTo(Duration.ofSeconds(40));
			assertThat(s.toQuorum()).as("one verdict is no quorum").isNull();
			assertThat(s.toPost()).isNull();
		});
		assertThat(report.observers()).containsExactly(new DrillReport.ObserverRow("Ana R.", 1, 1, Duration.ofMinutes(5)),
				new DrillReport.ObserverRow("Beto", 1, 0, null));
		assertThat(report.csv()).contains("\n1,2026-11-29T14:00:00Z,40,,\n").contains("\n\"Beto\",1,0,\n");
	}

	@Test
	void anObserverAskedInALaterWaveIsTimedFromWhenTheyWereAskedNotFromTheScenesStart() {
		Instant widened = START.plus(Duration.ofMinutes(5));
		Incident scene = lifecycle.dispatch(scene("drill-c1", START), Set.of(ANA), 3000, START).incident();
		scene = lifecycle.dispatch(scene, Set.of(BETO), 6000, widened).incident();
		scene = lifecycle.going(scene, ANA, START.plusSeconds(30)).orElseThrow().incident();
		scene = lifecycle.going(scene, BETO, widened.plusSeconds(20)).orElseThrow().incident();
		scene = verdict(scene, ANA, START.plusSeconds(240));
		scene = verdict(scene, BETO, widened.plusSeconds(120));

		DrillReport report = DrillReport.of(List.of(scene), Map.of(ANA, "Ana R.", BETO, "Beto")::get);

		assertThat(report.observers()).containsExactly(new DrillReport.ObserverRow("Ana R.", 1, 1, Duration.ofMinutes(4)),
				new DrillReport.ObserverRow("Beto", 1, 1, Duration.ofMinutes(2)));
		assertThat(report.csv()).contains("\n\"Ana R.\",1,1,240\n").contains("\n\"Beto\",1,1,120\n");
	}

	private Incident verdict(Incident scene, ObserverId observer, Instant at) {
		return ((IncidentLifecycle.VerdictOutcome.Counted) lifecycle.recordVerdict(scene,
				new Verdict(observer, VerdictKind.ICE_CONFIRMED, false, at, null), at)).transition().incident();
	}

	@Test
	void aNameThatLooksLikeASpreadsheetFormulaIsQuotedAsText() {
		Incident scene = lifecycle.dispatch(scene("drill-b1", START), Set.of(ANA), 3000, START).incident();

		String csv = DrillReport.of(List.of(scene), id -> "=HYPERLINK(\"x\")").csv();

		assertThat(csv).contains("\n\"'=HYPERLINK(\"\"x\"\")\",1,0,\n");
	}

}
