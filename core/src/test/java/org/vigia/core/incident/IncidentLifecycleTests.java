package org.vigia.core.incident;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.IncidentLifecycle.VerdictOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigia.core.incident.Incidents.T0;
import static org.vigia.core.incident.Incidents.fresh;
import static org.vigia.core.incident.Incidents.lead;
import static org.vigia.core.incident.Incidents.observer;
import static org.vigia.core.incident.Incidents.observers;
import static org.vigia.core.incident.Incidents.verdict;

class IncidentLifecycleTests {

	final IncidentLifecycle lifecycle = new IncidentLifecycle(VigiaSettings.defaults());

	/** Asked a, b and c; all three said they are going. */
	Incident dispatched() {
		return going(lifecycle.dispatch(fresh(), observers("a", "b", "c"), 3000, T0.plusSeconds(5)).incident(), "a", "b",
				"c");
	}

	Incident going(Incident incident, String... observers) {
		for (String o : observers) {
			incident = lifecycle.going(incident, observer(o), T0.plusSeconds(6)).orElseThrow().incident();
		}
		return incident;
	}

	Incident counted(Incident incident, Verdict verdict) {
		var outcome = lifecycle.recordVerdict(incident, verdict, verdict.at());
		assertThat(outcome).isInstanceOf(VerdictOutcome.Counted.class);
		return ((VerdictOutcome.Counted) outcome).transition().incident();
	}

	@Test
	void theHappyPathRecordsEveryStepInHistory() {
		Incident i = lifecycle.dispatch(fresh(), observers("a", "b", "c"), 3000, T0.plusSeconds(5)).incident();
		i = lifecycle.going(i, observer("a"), T0.plusSeconds(30)).orElseThrow().incident();
		i = lifecycle.going(i, observer("b"), T0.plusSeconds(40)).orElseThrow().incident();
		i = counted(i, verdict("a", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(600)));
		assertThat(i.state()).isEqualTo(IncidentState.DISPATCHED);
		i = counted(i, verdict("b", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(700)));
		assertThat(i.state()).isEqualTo(IncidentState.CONFIRMED);
		i = lifecycle.published(i, 2, T0.plusSeconds(701)).incident();
		i = lifecycle.end(i, ActorKind.OBSERVER, "agents-left", T0.plusSeconds(3600)).incident();

		assertThat(i.state()).isEqualTo(IncidentState.ENDED);
		assertThat(i.history()).extracting(IncidentEvent::reason)
			.containsExactly("opened:detention", "observers-asked:3:3000m", "observer-going", "observer-going", "verdict:ice_confirmed",
					"verdict:ice_confirmed", "quorum:2-observers", "posted:2-channels", "agents-left");
		assertThat(i.history()).filteredOn(IncidentEvent::transition)
			.extracting(IncidentEvent::to)
			.containsExactly(IncidentState.DISPATCHED, IncidentState.CONFIRMED, IncidentState.PUBLISHED,
					IncidentState.ENDED);
		assertThat(i.history()).extracting(IncidentEvent::actor)
			.containsExactly(ActorKind.RESIDENT, ActorKind.SYSTEM, ActorKind.OBSERVER, ActorKind.OBSERVER,
					ActorKind.OBSERVER, ActorKind.OBSERVER, ActorKind.OBSERVER, ActorKind.SYSTEM, ActorKind.OBSERVER);
		assertThat(i.history()).extracting(IncidentEvent::at).isSorted();
	}

	@Test
	void oneIceConfirmedDoesNotConfirmButTwoFromDifferentObserversDo() {
		Incident i = counted(dispatched(), verdict("a", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(60)));
		assertThat(i.state()).isEqualTo(IncidentState.DISPATCHED);

		assertThat(counted(i, verdict("b", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(90))).state())
			.isEqualTo(IncidentState.CONFIRMED);
	}

	@Test
	void theSameObserverTwiceIsNotCountedAgain() {
		Incident i = counted(dispatched(), verdict("a", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(60)));

		assertThat(lifecycle.recordVerdict(i, verdict("a", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(61)),
				T0.plusSeconds(61)))
			.isInstanceOf(VerdictOutcome.AlreadyAnswered.class);
	}

	@Test
	void aVerdictFromSomeoneNeverAskedChangesNothing() {
		assertThat(lifecycle.recordVerdict(dispatched(), lead("zz", VerdictKind.ICE_CONFIRMED, T0), T0))
			.isInstanceOf(VerdictOutcome.NotAsked.class);
	}

	@Test
	void aVerdictFromAnAskedObserverWhoNeverSaidTheyWereGoingChangesNothing() {
		Incident asked = lifecycle.dispatch(fresh(), observers("a", "b"), 3000, T0).incident();

		assertThat(lifecycle.recordVerdict(asked, verdict("a", VerdictKind.ICE_CONFIRMED, T0), T0))
			.isInstanceOf(VerdictOutcome.NotGoing.class);
		Incident declined = lifecycle.declined(asked, observer("b"), T0).orElseThrow().incident();
		assertThat(lifecycle.recordVerdict(declined, verdict("b", VerdictKind.LOCAL_POLICE, T0), T0))
			.isInstanceOf(VerdictOutcome.NotGoing.class);
	}

	@Test
	void aLeadObserverAloneConfirms() {
		assertThat(counted(dispatched(), lead("a", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(60))).state())
			.isEqualTo(IncidentState.CONFIRMED);
	}

	@Test
	void aLocalPoliceMajorityClosesTheIncidentAsNotIce() {
		Incident i = counted(dispatched(), verdict("a", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(60)));
		i = counted(i, verdict("b", VerdictKind.LOCAL_POLICE, T0.plusSeconds(70)));
		assertThat(i.state()).isEqualTo(IncidentState.DISPATCHED);
		i = counted(i, verdict("c", VerdictKind.LOCAL_POLICE, T0.plusSeconds(80)));

		assertThat(i.state()).isEqualTo(IncidentState.NOT_ICE);
		assertThat(lifecycle.recordVerdict(i, verdict("a", VerdictKind.ICE_CONFIRMED, T0.plusSeconds(90)),
				T0.plusSeconds(90)))
			.isInstanceOf(VerdictOutcome.Closed.class);
	}

	@Test
	void nothingThereTwiceIsUnfounded() {
		Incident i = counted(dispatched(), verdict("a", VerdictKind.NOTHING_THERE, T0.plusSeconds(60)));
		assertThat(counted(i, verdict("b", VerdictKind.NOTHING_THERE, T0.plusSeconds(70))).state())
			.isEqualTo(IncidentState.UNFOUNDED);
	}

	@Test
	void illegalTransitionsThrowNamingTheStates() {
		Incident published = lifecycle.published(lifecycle.dispatcherConfirm(fresh(), "hotline", T0).incident(), 1, T0)
			.incident();

		assertThatThrownBy(() -> lifecycle.dispatch(published, observers("a"), 3000, T0))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessage("incident i1 cannot go from PUBLISHED to DISPATCHED");
		assertThatThrownBy(() -> lifecycle.published(fresh(), 1, T0)).isInstanceOf(IllegalTransitionException.class)
			.hasMessage("incident i1 cannot go from NEW to PUBLISHED");
		Incident ended = lifecycle.end(published, ActorKind.DISPATCHER, "over", T0).incident();
		assertThatThrownBy(() -> lifecycle.dispatcherReject(ended, IncidentState.NOT_ICE, "x", T0))
			.hasMessage("incident i1 cannot go from ENDED to NOT_ICE");
		assertThatThrownBy(() -> lifecycle.dispatcherConfirm(ended, "x", T0))
			.hasMessage("incident i1 cannot go from ENDED to CONFIRMED");
	}

	@Test
	void aDispatcherConfirmsFromNewAndRejectsFromAnyOpenState() {
		Incident confirmed = lifecycle.dispatcherConfirm(fresh(), "hotline-call", T0).incident();
		assertThat(confirmed.state()).isEqualTo(IncidentState.CONFIRMED);
		assertThat(confirmed.history().get(1).actor()).isEqualTo(ActorKind.DISPATCHER);
		assertThat(confirmed.history().get(1).reason()).isEqualTo("dispatcher:hotline-call");

		Incident published = lifecycle.published(confirmed, 1, T0).incident();
		assertThat(lifecycle.dispatcherReject(published, IncidentState.NOT_ICE, "was-cbp-training", T0)
			.incident()
			.state()).isEqualTo(IncidentState.NOT_ICE);
	}

	@Test
	void anIncidentUnverifiedForAnHourExpires() {
		Incident i = dispatched();

		assertThat(lifecycle.deadlineCheck(i, T0.plus(Duration.ofMinutes(59)))).isEmpty();
		var expired = lifecycle.deadlineCheck(i, T0.plus(Duration.ofMinutes(60))).orElseThrow();
		assertThat(expired.incident().state()).isEqualTo(IncidentState.EXPIRED);
		assertThat(expired.events()).singleElement().extracting(IncidentEvent::reason).isEqualTo("deadline:unverified");
	}

	@Test
	void aPublishedAlertGoesStaleAfterTwoHoursOnceAndEndsAfterFour() {
		Instant confirmedAt = T0.plusSeconds(600);
		Incident published = lifecycle.published(lifecycle.dispatcherConfirm(fresh(), "x", confirmedAt).incident(), 1,
				confirmedAt)
			.incident();

		assertThat(lifecycle.deadlineCheck(published, confirmedAt.plus(Duration.ofMinutes(119)))).isEmpty();
		Incident stale = lifecycle.deadlineCheck(published, confirmedAt.plus(Duration.ofHours(2))).orElseThrow().incident();
		assertThat(stale.state()).isEqualTo(IncidentState.PUBLISHED);
		assertThat(stale.history().get(stale.history().size() - 1).reason()).isEqualTo("alert-stale");
		assertThat(lifecycle.deadlineCheck(stale, confirmedAt.plus(Duration.ofHours(3)))).isEmpty();
		Incident ended = lifecycle.deadlineCheck(stale, confirmedAt.plus(Duration.ofHours(4))).orElseThrow().incident();
		assertThat(ended.state()).isEqualTo(IncidentState.ENDED);
	}

	@Test
	void aReconfirmationRestartsThePublishedAlertsClocks() {
		Incident i = going(lifecycle.dispatch(fresh(), observers("a", "b", "c"), 3000, T0).incident(), "a", "b", "c");
		i = counted(i, verdict("a", VerdictKind.ICE_CONFIRMED, T0));
		i = counted(i, verdict("b", VerdictKind.ICE_CONFIRMED, T0));
		i = lifecycle.published(i, 1, T0).incident();
		Instant later = T0.plus(Duration.ofMinutes(100));
		i = counted(i, verdict("c", VerdictKind.ICE_CONFIRMED, later));

		assertThat(IncidentLifecycle.lastConfirmedAt(i)).isEqualTo(later);
		assertThat(lifecycle.deadlineCheck(i, T0.plus(Duration.ofHours(2)))).isEmpty();
		assertThat(lifecycle.deadlineCheck(i, later.plus(Duration.ofHours(2)))).isPresent();
	}

	@Test
	void goingAndDecliningAreRecordedOnlyForAskedObservers() {
		Incident i = dispatched();

		assertThat(lifecycle.going(i, observer("zz"), T0)).isEmpty();
		Incident declined = lifecycle.declined(i, observer("b"), T0).orElseThrow().incident();
		assertThat(declined.dispatch().declined()).containsExactly(observer("b"));
		assertThat(lifecycle.declined(declined, observer("b"), T0)).as("a replayed press").isEmpty();
	}

}
