package org.vigia.core.accompany;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.accompany.Appointments.NOW;
import static org.vigia.core.accompany.Appointments.appointment;

class ScheduleTests {

	@Test
	void remindersTheDayBeforeAndTwoHoursBeforeTheCheckInDeadlineHalfAnHourAfterAndCoverageWarnings() {
		var a = appointment(1, Duration.ofDays(3));
		var at = a.request().at();

		assertThat(Schedule.of(a, NOW)).containsExactly(new Due(a.id(), Due.Kind.REMIND_DAY_BEFORE, at.minus(Duration.ofDays(1))),
				new Due(a.id(), Due.Kind.REMIND_TWO_HOURS, at.minus(Duration.ofHours(2))),
				new Due(a.id(), Due.Kind.CHECK_IN_DEADLINE, at.plus(Duration.ofMinutes(30))),
				new Due(a.id(), Due.Kind.UNCOVERED_48H, at.minus(Duration.ofHours(48))),
				new Due(a.id(), Due.Kind.UNCOVERED_24H, at.minus(Duration.ofHours(24))));
	}

	@Test
	void aRequestMadeThreeHoursBeforeGetsNoDayBeforeReminderAndNoCoverageWarning() {
		var a = appointment(1, Duration.ofHours(3));

		assertThat(Schedule.of(a, NOW)).extracting(Due::kind)
			.containsExactly(Due.Kind.REMIND_TWO_HOURS, Due.Kind.CHECK_IN_DEADLINE);
	}

	@Test
	void coverageWarningsApplyOnlyWhileTheAppointmentIsShortOfAccompaniersAndOnlyTheStrongerWhenTakenLate() {
		var a = appointment(1, Duration.ofDays(3));
		var at = a.request().at();
		var warn48 = new Due(a.id(), Due.Kind.UNCOVERED_48H, at.minus(Duration.ofHours(48)));
		var warn24 = new Due(a.id(), Due.Kind.UNCOVERED_24H, at.minus(Duration.ofHours(24)));

		assertThat(Schedule.applies(warn48, a)).isTrue();
		var covered = a.assignByHand(new AccompanierId("ana"), NOW).appointment();
		assertThat(Schedule.applies(warn48, covered)).isFalse();
		assertThat(Schedule.applies(warn24, covered)).isFalse();
		assertThat(Schedule.applies(warn24, a.cancelByPerson(NOW).appointment())).isFalse();

		assertThat(Schedule.coverageWarningTimely(warn48, a, at.minus(Duration.ofHours(47)))).isTrue();
		assertThat(Schedule.coverageWarningTimely(warn48, a, at.minus(Duration.ofHours(23)))).as("the 24-hour one says it")
			.isFalse();
		assertThat(Schedule.coverageWarningTimely(warn24, a, at.minus(Duration.ofHours(23)))).isTrue();
		assertThat(Schedule.coverageWarningTimely(warn24, a, at.plusSeconds(60))).as("after the time").isFalse();
	}

	@Test
	void theDeadlineWarnsOnlyWhenNobodyCheckedInAndNothingAppliesToACancelledAppointment() {
		var ana = new AccompanierId("ana");
		var a = appointment(1, Duration.ofDays(1)).assignByHand(ana, NOW).appointment();
		var deadline = new Due(a.id(), Due.Kind.CHECK_IN_DEADLINE, a.request().at().plus(Schedule.CHECK_IN_GRACE));
		var reminder = new Due(a.id(), Due.Kind.REMIND_TWO_HOURS, a.request().at().minus(Duration.ofHours(2)));

		assertThat(Schedule.applies(deadline, a)).isTrue();
		var met = a.checkIn(ana, CheckInKind.MET, a.request().at().minusSeconds(300)).appointment();
		assertThat(Schedule.applies(deadline, met)).isFalse();
		assertThat(Schedule.applies(reminder, a)).isTrue();
		assertThat(Schedule.applies(reminder, a.cancelByPerson(NOW).appointment())).isFalse();
	}

	@Test
	void coordinatorsAreWarnedFromHalfAnHourAfterTheTimeIfNobodyCheckedInUntilTheDayIsOver() {
		var ana = new AccompanierId("ana");
		var a = appointment(1, Duration.ofHours(3)).assignByHand(ana, NOW).appointment();
		var at = a.request().at();

		assertThat(Schedule.checkInMissed(a, at.plus(Duration.ofMinutes(29)))).isFalse();
		assertThat(Schedule.checkInMissed(a, at.plus(Duration.ofMinutes(30)))).isTrue();
		assertThat(Schedule.checkInMissed(a, at.plus(Duration.ofHours(13)))).isFalse();
		var met = a.checkIn(ana, CheckInKind.MET, at.minusSeconds(60)).appointment();
		assertThat(Schedule.checkInMissed(met, at.plus(Duration.ofMinutes(45)))).isFalse();
		assertThat(Schedule.checkInMissed(a.cancelByPerson(NOW).appointment(), at.plus(Duration.ofMinutes(45)))).isFalse();
	}

}
