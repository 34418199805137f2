package org.vigia.core.incident;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.IncidentLifecycle.VerdictOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.incident.Incidents.T0;
import static org.vigia.core.incident.Incidents.fresh;
import static org.vigia.core.incident.Incidents.lead;
import static org.vigia.core.incident.Incidents.observer;
import static org.vigia.core.incident.Incidents.observers;
import static org.vigia.core.incident.Incidents.verdict;

/** The dispute rule of SECURITY.md, verdict by verdict, with the default quorum of two. */
class DisputeRuleTests {

	final IncidentLifecycle lifecycle = new IncidentLifecycle(VigiaSettings.defaults());

	int seconds = 10;

	/** Six observers asked and going; a and b confirmed ICE; the alert was posted. */
	Incident published() {
		Incident i = lifecycle.dispatch(fresh(), observers("a", "b", "c", "d", "e", "f"), 3000, T0).incident();
		for (String o : new String[] { "a", "b", "c", "d", "e", "f" }) {
			i = lifecycle.going(i, observer(o), T0.plusSeconds(1)).orElseThrow().incident();
		}
		i = answer(i, verdict("a", VerdictKind.ICE_CONFIRMED, next())).incident();
		i = answer(i, verdict("b", VerdictKind.ICE_CONFIRMED, next())).incident();
		assertThat(i.state()).isEqualTo(IncidentState.CONFIRMED);
		return lifecycle.published(i, 1, next()).incident();
	}

	Instant next() {
		return T0.plusSeconds(seconds++);
	}

	Transition answer(Incident incident, Verdict verdict) {
		var outcome = lifecycle.recordVerdict(incident, verdict, verdict.at());
		assertThat(outcome).isInstanceOf(VerdictOutcome.Counted.class);
		return ((VerdictOutcome.Counted) outcome).transition();
	}

	@Test
	void twoLaterLocalPoliceVerdictsDisputeAConfirmationOnceAndItStands() {
		Incident i = published();
		Transition first = answer(i, verdict("c", VerdictKind.LOCAL_POLICE, next()));
		assertThat(DisputeRule.disputed(first.incident())).as("one is below the quorum").isFalse();

		Transition second = answer(first.incident(), verdict("d", VerdictKind.NOTHING_THERE, next()));

		assertThat(DisputeRule.becameDisputed(second)).isTrue();
		assertThat(DisputeRule.disputed(second.incident())).isTrue();
		assertThat(second.incident().state()).isEqualTo(IncidentState.PUBLISHED);
		Transition third = answer(second.incident(), verdict("e", VerdictKind.OTHER_AGENCY, next()));
		assertThat(DisputeRule.becameDisputed(third)).as("dispatchers are warned once").isFalse();
		assertThat(DisputeRule.disputed(third.incident())).isTrue();
	}

	@Test
	void oneLaterLeadObserverIsEnoughToDispute() {
		Transition t = answer(published(), lead("c", VerdictKind.LOCAL_POLICE, next()));

		assertThat(DisputeRule.becameDisputed(t)).isTrue();
	}

	@Test
	void laterConfirmationsMustBeOutnumberedAndCanSettleADispute() {
		Incident i = answer(published(), verdict("c", VerdictKind.ICE_CONFIRMED, next())).incident();
		i = answer(i, verdict("d", VerdictKind.LOCAL_POLICE, next())).incident();
		Transition tie = answer(i, verdict("e", VerdictKind.LOCAL_POLICE, next()));
		assertThat(DisputeRule.disputed(tie.incident())).as("two against one later ICE").isTrue();

		Transition settled = answer(tie.incident(), verdict("f", VerdictKind.ICE_CONFIRMED, next()));

		assertThat(DisputeRule.disputed(settled.incident())).as("two against two").isFalse();
		assertThat(settled.events()).extracting(IncidentEvent::reason).contains("dispute-settled");
	}

	@Test
	void verdictsGivenBeforeTheConfirmationDoNotDisputeIt() {
		Incident i = lifecycle.dispatch(fresh(), observers("a", "b", "c", "d"), 3000, T0).incident();
		for (String o : new String[] { "a", "b", "c", "d" }) {
			i = lifecycle.going(i, observer(o), T0.plusSeconds(1)).orElseThrow().incident();
		}
		i = answer(i, verdict("a", VerdictKind.LOCAL_POLICE, next())).incident();
		i = answer(i, verdict("b", VerdictKind.ICE_CONFIRMED, next())).incident();
		i = answer(i, verdict("c", VerdictKind.ICE_CONFIRMED, next())).incident();
		assertThat(i.state()).isEqualTo(IncidentState.CONFIRMED);

		Transition later = answer(i, verdict("d", VerdictKind.LOCAL_POLICE, next()));

		assertThat(DisputeRule.disputed(later.incident())).isFalse();
	}

	@Test
	void aDispatchersConfirmationIsDisputedByTwoObserversWhoFoundNothing() {
		Incident i = lifecycle.dispatch(fresh(), observers("a", "b"), 3000, T0).incident();
		i = lifecycle.going(i, observer("a"), T0).orElseThrow().incident();
		i = lifecycle.going(i, observer("b"), T0).orElseThrow().incident();
		i = lifecycle.dispatcherConfirm(i, "hotline", next()).incident();
		i = answer(i, verdict("a", VerdictKind.NOTHING_THERE, next())).incident();

		Transition t = answer(i, verdict("b", VerdictKind.NOTHING_THERE, next()));

		assertThat(DisputeRule.becameDisputed(t)).isTrue();
	}

	@Test
	void anUnverifiedSceneIsNeverDisputed() {
		Incident i = lifecycle.dispatch(fresh(), observers("a"), 3000, T0).incident();
		i = lifecycle.going(i, observer("a"), T0).orElseThrow().incident();

		Transition t = answer(i, lead("a", VerdictKind.LOCAL_POLICE, next()));

		assertThat(t.incident().state()).isEqualTo(IncidentState.NOT_ICE);
		assertThat(DisputeRule.disputed(t.incident())).isFalse();
	}

}
