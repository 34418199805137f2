package org.vigia.core.accompany;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigia.core.accompany.Appointment.Outcome;
import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.accompany.Appointments.NOW;
import static org.vigia.core.accompany.Appointments.appointment;

class AppointmentTests {

	static final AccompanierId ANA = new AccompanierId("ana");

	static final AccompanierId BEN = new AccompanierId("ben");

	static final AccompanierId CRUZ = new AccompanierId("cruz");

	static final Duration THREE_DAYS = Duration.ofDays(3);

	@Test
	void theFirstWhoAcceptAreAssignedAsManyAsAskedFor() {
		var a = appointment(2, THREE_DAYS).ask(List.of(ANA, BEN, CRUZ), NOW).appointment();

		var first = a.accept(BEN, NOW.plusSeconds(10));
		var second = first.appointment().accept(CRUZ, NOW.plusSeconds(20));
		var third = second.appointment().accept(ANA, NOW.plusSeconds(30));

		assertThat(first.outcome()).isEqualTo(Outcome.DONE);
		assertThat(second.outcome()).isEqualTo(Outcome.DONE);
		assertThat(third.outcome()).isEqualTo(Outcome.FULL);
		assertThat(third.appointment().assigned()).containsExactly(BEN, CRUZ);
		assertThat(third.appointment().covered()).isTrue();
	}

	@Test
	void someoneWhoWasNotAskedCannotAcceptAndAcceptingTwiceChangesNothing() {
		var a = appointment(1, THREE_DAYS).ask(List.of(ANA), NOW).appointment();

		assertThat(a.accept(BEN, NOW).outcome()).isEqualTo(Outcome.NOT_YOURS);
		var accepted = a.accept(ANA, NOW).appointment();
		var again = accepted.accept(ANA, NOW);
		assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(again.appointment()).isSameAs(accepted);
	}

	@Test
	void aDeclineIsRecordedAndAskingAgainSkipsWhoWasAsked() {
		var a = appointment(1, THREE_DAYS).ask(List.of(ANA, BEN), NOW).appointment();
		var declined = a.decline(ANA, NOW).appointment();

		assertThat(declined.declined()).containsExactly(ANA);
		assertThat(declined.ask(List.of(ANA, BEN), NOW).outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(declined.decline(CRUZ, NOW).outcome()).isEqualTo(Outcome.NOT_YOURS);
	}

	@Test
	void aCoordinatorAssignsByHandSomeoneWhoWasNotAskedButNotBeyondTheNumberAskedFor() {
		var a = appointment(1, THREE_DAYS);

		var byHand = a.assignByHand(CRUZ, NOW);
		assertThat(byHand.outcome()).isEqualTo(Outcome.DONE);
		assertThat(byHand.appointment().assigned()).containsExactly(CRUZ);
		assertThat(byHand.appointment().history()).last()
			.extracting(HistoryEntry::event)
			.isEqualTo(HistoryEntry.Event.ASSIGNED_BY_HAND);
		assertThat(byHand.appointment().assignByHand(ANA, NOW).outcome()).isEqualTo(Outcome.FULL);
	}

	@Test
	void aStrangerCannotCheckInAndNobodyCanCheckInDaysBefore() {
		var a = appointment(1, THREE_DAYS).assignByHand(ANA, NOW).appointment();
		var onTheDay = a.request().at().minusSeconds(600);

		assertThat(a.checkIn(BEN, CheckInKind.MET, onTheDay).outcome()).isEqualTo(Outcome.NOT_YOURS);
		assertThat(a.checkIn(ANA, CheckInKind.MET, NOW).outcome()).isEqualTo(Outcome.NOT_NOW);
		assertThat(a.checkIn(ANA, CheckInKind.MET, a.request().at().plus(Duration.ofHours(13))).outcome())
			.isEqualTo(Outcome.NOT_NOW);
		var met = a.checkIn(ANA, CheckInKind.MET, onTheDay);
		assertThat(met.outcome()).isEqualTo(Outcome.DONE);
		assertThat(met.appointment().checkedIn()).isTrue();
		assertThat(met.appointment().checkIn(ANA, CheckInKind.MET, onTheDay).outcome()).isEqualTo(Outcome.UNCHANGED);
	}

	@Test
	void detainedOpensOneCaseThatACoordinatorClosesWithAReason() {
		var a = appointment(2, THREE_DAYS).assignByHand(ANA, NOW).appointment().assignByHand(BEN, NOW).appointment();
		var at = a.request().at();

		var detained = a.checkIn(ANA, CheckInKind.DETAINED, at.plusSeconds(900)).appointment();
		var alsoSeen = detained.checkIn(BEN, CheckInKind.DETAINED, at.plusSeconds(960)).appointment();

		assertThat(alsoSeen.detention().openedAt()).isEqualTo(at.plusSeconds(900));
		assertThat(alsoSeen.detention().reportedBy()).isEqualTo(ANA);
		assertThat(alsoSeen.detention().open()).isTrue();
		assertThat(detained.assignedOtherThan(ANA)).containsExactly(BEN);
		var closed = alsoSeen.closeCase("Released on bond", at.plus(Duration.ofDays(2)));
		assertThat(closed.outcome()).isEqualTo(Outcome.DONE);
		assertThat(closed.appointment().detention().closeReason()).isEqualTo("Released on bond");
		assertThat(closed.appointment().closeCase("again", at.plus(Duration.ofDays(3))).outcome())
			.isEqualTo(Outcome.UNCHANGED);
		assertThat(a.closeCase("no case", at).outcome()).isEqualTo(Outcome.NO_CASE);
	}

	@Test
	void aDetentionCaseIsKeptThirtyDaysAndEverythingElseSeventyTwoHoursAfterTheAppointment() {
		var a = appointment(1, THREE_DAYS).assignByHand(ANA, NOW).appointment();
		var at = a.request().at();

		assertThat(a.retainUntil()).isEqualTo(at.plus(Duration.ofHours(72)));
		var detained = a.checkIn(ANA, CheckInKind.DETAINED, at.plusSeconds(600)).appointment();
		assertThat(detained.retainUntil()).isEqualTo(at.plusSeconds(600).plus(Duration.ofDays(30)));
	}

	@Test
	void whenThePersonCancelsNothingElseCanHappen() {
		var a = appointment(1, THREE_DAYS).ask(List.of(ANA, BEN), NOW).appointment().accept(ANA, NOW).appointment();

		var cancelled = a.cancelByPerson(NOW.plusSeconds(60)).appointment();

		assertThat(cancelled.cancelled()).isTrue();
		assertThat(cancelled.assigned()).as("still told of the cancellation").containsExactly(ANA);
		assertThat(cancelled.accept(BEN, NOW).outcome()).isEqualTo(Outcome.CANCELLED);
		assertThat(cancelled.checkIn(ANA, CheckInKind.MET, a.request().at()).outcome()).isEqualTo(Outcome.CANCELLED);
		assertThat(cancelled.cancelByPerson(NOW).outcome()).isEqualTo(Outcome.UNCHANGED);
	}

	@Test
	void anAccompanierWhoCancelsLeavesTheirPlaceOpenAgain() {
		var a = appointment(1, THREE_DAYS).ask(List.of(ANA, BEN), NOW).appointment().accept(ANA, NOW).appointment();

		var dropped = a.cancelByAccompanier(ANA, NOW.plusSeconds(60));

		assertThat(dropped.outcome()).isEqualTo(Outcome.DONE);
		assertThat(dropped.appointment().covered()).isFalse();
		assertThat(dropped.appointment().accept(BEN, NOW.plusSeconds(120)).outcome()).isEqualTo(Outcome.DONE);
		assertThat(a.cancelByAccompanier(BEN, NOW).outcome()).isEqualTo(Outcome.NOT_YOURS);
	}

	@Test
	void atMostThreeFamilyContactsJoinEachOnce() {
		var a = appointment(1, THREE_DAYS);
		for (long chat = 1; chat <= 3; chat++) {
			a = a.familyJoined(Address.telegramChat(7_200_000_000L + chat), NOW).appointment();
		}

		assertThat(a.family()).hasSize(3);
		assertThat(a.familyJoined(Address.telegramChat(7_200_000_001L), NOW).outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(a.familyJoined(Address.telegramChat(7_200_000_009L), NOW).outcome()).isEqualTo(Outcome.FULL);
	}

}
