package org.vigia.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Dispatch;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

import static org.assertj.core.api.Assertions.assertThat;

class CodecTests {

	final Codec codec = new Codec();

	final Instant at = Instant.parse("2026-03-01T10:15:30.123456789Z");

	@Test
	void aReportWithoutOptionalAnswersReadsBackEqual() {
		var report = new Report(new ReportId("r1"), ReportKind.CHECKPOINT, new GeoPoint(37.7522541234567, -122.4184661),
				null, null, Recency.EARLIER, at.minusSeconds(3600), at, Sighting.UNKNOWN, null, null, new Pseudonym("abc"),
				"en");

		String json = codec.report(report);

		assertThat(codec.report(json)).isEqualTo(report);
		assertThat(json).doesNotContain("null");
	}

	@Test
	void aReportKeepsTheRangesTheResidentChose() {
		var report = Reports.at(Reports.CORNER, at);

		String json = codec.report(report);

		assertThat(codec.report(json).sighting().agents()).isEqualTo(new CountRange(3, 5));
		assertThat(codec.report(json).sighting().vehicles()).isEqualTo(new CountRange(2, 3));
		assertThat(json).as("the typical numbers too, for an instance of the previous version")
			.contains("\"ag\":4", "\"ve\":3");
	}

	@Test
	void aReportStoredBeforeRangesReadsAsTheRangesOfItsButtons() {
		String old = "{\"id\":\"r9\",\"k\":\"DETENTION\",\"lat\":37.75,\"lon\":-122.41,\"r\":\"NOW\","
				+ "\"s\":\"2026-03-01T10:15:30Z\",\"a\":\"2026-03-01T10:15:30Z\",\"ag\":12,\"ve\":5,"
				+ "\"u\":[\"ICE\"],\"p\":\"abc\",\"l\":\"es\"}";

		var sighting = codec.report(old).sighting();

		assertThat(sighting.agents()).isEqualTo(new CountRange(11, CountRange.OPEN));
		assertThat(sighting.vehicles()).isEqualTo(new CountRange(4, CountRange.OPEN));
	}

	@Test
	void anIncidentWithDispatchVerdictsAndHistoryReadsBackEqual() {
		var first = Reports.at(Reports.CORNER, at);
		var second = Reports.at(Reports.north(Reports.CORNER, 80), at.plusSeconds(90));
		var incident = IncidentMerge.join(IncidentMerge.open(new IncidentId("i1"), first), second)
			.withDispatch(new Dispatch(at.plusSeconds(100), 3_000, Set.of(new ObserverId("a"), new ObserverId("b")),
					Set.of(new ObserverId("a")), Set.of(new ObserverId("b")),
					java.util.Map.of(new ObserverId("a"), at.plusSeconds(100), new ObserverId("b"), at.plusSeconds(400))))
			.withVerdicts(List.of(new Verdict(new ObserverId("a"), VerdictKind.LOCAL_POLICE, true, at.plusSeconds(900),
					"patrol cars, city police"),
					new Verdict(new ObserverId("b"), VerdictKind.NOTHING_THERE, false, at.plusSeconds(960), null, true)))
			.withState(IncidentState.NOT_ICE, List.of(new IncidentEvent(at.plusSeconds(900), ActorKind.OBSERVER,
					IncidentState.DISPATCHED, IncidentState.NOT_ICE, "quorum:lead")));

		assertThat(codec.incident(codec.incident(incident))).isEqualTo(incident);
	}

	/** An incident stored before the ask times were kept: its observers count as asked when dispatch began. */
	@Test
	void anIncidentStoredWithoutAskTimesReadsAsAskedWhenDispatchBegan() {
		var a = new ObserverId("a");
		var incident = IncidentMerge.open(new IncidentId("i2"), Reports.at(Reports.CORNER, at))
			.withDispatch(new Dispatch(at.plusSeconds(100), 3_000, Set.of(a), Set.of(), Set.of(),
					java.util.Map.of(a, at.plusSeconds(400))));
		String stored = codec.incident(incident);
		assertThat(stored).contains("\"at\":{\"a\":");
		String old = stored.replaceAll(",\"at\":\\{[^}]*\\}", "");

		var read = codec.incident(old).dispatch();

		assertThat(read.askedAt()).isEmpty();
		assertThat(read.askedAt(a)).isEqualTo(at.plusSeconds(100));
		assertThat(codec.incident(stored).dispatch().askedAt(a)).isEqualTo(at.plusSeconds(400));
	}

	@Test
	void anObserverReadsBackEqual() {
		var observer = new Observer(new ObserverId("o1"), "Lupe", "123456789", true, "es", at);

		assertThat(codec.observer(codec.observer(observer))).isEqualTo(observer);
	}

	/** Observers saved before there were other messengers hold their Telegram chat id as a number: still read. */
	@Test
	void anObserverSavedWithANumericChatIdStillReads() {
		var saved = "{\"id\":\"o1\",\"al\":\"Lupe\",\"c\":123456789,\"ld\":true,\"l\":\"es\",\"j\":\"" + at + "\"}";

		assertThat(codec.observer(saved)).isEqualTo(new Observer(new ObserverId("o1"), "Lupe", "123456789", true, "es", at));
	}

}
