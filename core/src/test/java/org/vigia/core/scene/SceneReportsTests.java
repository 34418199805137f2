package org.vigia.core.scene;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.core.report.Uniform;

import static org.assertj.core.api.Assertions.assertThat;

class SceneReportsTests {

	static final Instant T0 = Instant.parse("2026-11-24T16:00:00Z");

	static Report report(int n, Recency recency, Sighting sighting, String note, String photo) {
		Instant at = T0.plusSeconds(60L * n);
		return new Report(new ReportId("r" + n), ReportKind.CHECKPOINT, GeoPoint.of(41.88, -87.63), null, null, recency,
				at.minus(recency.typicalAge()), at, sighting, note, photo, new Pseudonym("p" + n), "es");
	}

	@Test
	void theLargestRangesEveryUniformTheEarliestSightingAndTheLatestNotesAndPhotos() {
		var reports = List.of(report(0, Recency.NOW, new Sighting(new CountRange(1, 2), new CountRange(1, 1), Set.of(Uniform.ICE)), "gray van", "ph0"),
				report(1, Recency.UNDER_30_MINUTES, new Sighting(new CountRange(6, 10), CountRange.UNKNOWN, Set.of(Uniform.PLAIN_CLOTHES)), " ", null),
				report(2, Recency.NOW, new Sighting(new CountRange(3, 5), new CountRange(2, 3), Set.of()), "went north", "ph2"),
				report(3, Recency.NOW, Sighting.UNKNOWN, "two cars", "ph3"),
				report(4, Recency.NOW, Sighting.UNKNOWN, "still there", "ph4"));
		var incident = IncidentMerge.open(new IncidentId("i1"), reports.get(0));
		for (Report r : reports.subList(1, reports.size())) {
			incident = IncidentMerge.join(incident, r);
		}

		SceneReports scene = SceneReports.of(incident, reports);

		assertThat(scene.count()).isEqualTo(5);
		assertThat(scene.agents()).isEqualTo(new CountRange(6, 10));
		assertThat(scene.vehicles()).isEqualTo(new CountRange(2, 3));
		assertThat(scene.uniforms()).containsExactlyInAnyOrder(Uniform.ICE, Uniform.PLAIN_CLOTHES);
		assertThat(scene.firstSeen()).isEqualTo(T0.plusSeconds(60).minusSeconds(15 * 60));
		assertThat(scene.latestReport()).isEqualTo(T0.plusSeconds(240));
		assertThat(scene.notes()).containsExactly("still there", "two cars", "went north");
		assertThat(scene.photos()).containsExactly("ph4", "ph3", "ph2");
	}

}
