package org.vigia.core.accompany;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigia.core.accompany.Matching.Coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.accompany.Appointments.COURT;
import static org.vigia.core.accompany.Appointments.NOW;
import static org.vigia.core.accompany.Appointments.accompanier;
import static org.vigia.core.accompany.Appointments.appointment;

class MatchingTests {

	@Test
	void onlyAccompaniersWhoSpeakTheLanguageAndServeThePlaceAreAsked() {
		var speaksAndServes = accompanier("ana", Set.of("es", "en"), Set.of(COURT));
		var englishOnly = accompanier("ben", Set.of("en"), Set.of(COURT));
		var otherPlace = accompanier("cruz", Set.of("es"), Set.of("p0000000001"));
		var elsewhereOnly = accompanier("dora", Set.of("es"), Set.of(Venue.ELSEWHERE));

		var toAsk = Matching.toAsk(appointment(1, Duration.ofDays(3)),
				List.of(speaksAndServes, englishOnly, otherPlace, elsewhereOnly));

		assertThat(toAsk).containsExactly(speaksAndServes.id());
	}

	@Test
	void aTypedAddressIsServedByThoseWhoGoElsewhereAndNobodyIsAskedTwice() {
		var request = new AccompanyRequest(AppointmentKind.OTHER, Venue.typed("101 W Congress Pkwy"),
				NOW.plus(Duration.ofDays(2)), "es", 1, new Recognition("Rosa"), Appointments.PERSON, NOW);
		var dora = accompanier("dora", Set.of("es"), Set.of(Venue.ELSEWHERE));
		var eva = accompanier("eva", Set.of("es"), Set.of(Venue.ELSEWHERE, COURT));
		var a = Appointment.open(AppointmentId.random(), request).ask(List.of(dora.id()), NOW).appointment();

		assertThat(Matching.toAsk(a, List.of(dora, eva))).containsExactly(eva.id());
	}

	@Test
	void nobodyIsAskedForACoveredOrCancelledAppointment() {
		var ana = accompanier("ana", Set.of("es"), Set.of(COURT));
		var ben = accompanier("ben", Set.of("es"), Set.of(COURT));
		var covered = appointment(1, Duration.ofDays(3)).assignByHand(ana.id(), NOW).appointment();
		var cancelled = appointment(1, Duration.ofDays(3)).cancelByPerson(NOW).appointment();

		assertThat(Matching.toAsk(covered, List.of(ana, ben))).isEmpty();
		assertThat(Matching.toAsk(cancelled, List.of(ana, ben))).isEmpty();
	}

	@Test
	void appointmentsAreServedNearestFirstAndPastOrCancelledOnesAreLeftOut() {
		var inAWeek = appointment(1, Duration.ofDays(7));
		var tomorrow = appointment(1, Duration.ofDays(1));
		var inTwoDays = appointment(1, Duration.ofDays(2));
		var cancelled = appointment(1, Duration.ofHours(5)).cancelByPerson(NOW).appointment();

		assertThat(Matching.nearestFirst(List.of(inAWeek, cancelled, tomorrow, inTwoDays), NOW))
			.containsExactly(tomorrow, inTwoDays, inAWeek);
		assertThat(Matching.nearestFirst(List.of(tomorrow), NOW.plus(Duration.ofDays(2)))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "12, UNCOVERED_24H", "24, UNCOVERED_24H", "25, UNCOVERED_48H", "48, UNCOVERED_48H", "49, UNCOVERED" })
	void anUncoveredAppointmentIsHighlightedFortyEightAndTwentyFourHoursBefore(int hours, Coverage expected) {
		assertThat(Matching.coverage(appointment(1, Duration.ofHours(hours)), NOW)).isEqualTo(expected);
	}

	@Test
	void theConsoleListsUncoveredOnesFirstTheMostUrgentOnTop() {
		var ana = new AccompanierId("ana");
		var coveredTomorrow = appointment(1, Duration.ofHours(20)).assignByHand(ana, NOW).appointment();
		var uncoveredNextWeek = appointment(1, Duration.ofDays(7));
		var uncoveredIn30h = appointment(2, Duration.ofHours(30)).assignByHand(ana, NOW).appointment();
		var uncoveredIn10h = appointment(1, Duration.ofHours(10));

		assertThat(Matching.uncoveredFirst(List.of(coveredTomorrow, uncoveredNextWeek, uncoveredIn30h, uncoveredIn10h),
				NOW))
			.containsExactly(uncoveredIn10h, uncoveredIn30h, uncoveredNextWeek, coveredTomorrow);
	}

}
