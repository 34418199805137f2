package org.vigia.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.observer.NearbyObserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.incident.Incidents.T0;
import static org.vigia.core.incident.Incidents.fresh;
import static org.vigia.core.incident.Incidents.observer;
import static org.vigia.core.incident.Incidents.observers;

class DispatchPolicyTests {

	final DispatchPolicy policy = new DispatchPolicy(VigiaSettings.defaults());

	final IncidentLifecycle lifecycle = new IncidentLifecycle(VigiaSettings.defaults());

	static List<NearbyObserver> around() {
		return List.of(near("o1", 200), near("o2", 450), near("o3", 900), near("o4", 1500), near("o5", 2100),
				near("o6", 2800), near("o7", 4200), near("o8", 5900), near("o9", 7000));
	}

	static NearbyObserver near(String id, double meters) {
		return new NearbyObserver(observer(id), meters);
	}

	@Test
	void asksTheFiveNearestWithinThreeKilometres() {
		assertThat(policy.nextWave(fresh(), around(), T0)).extracting(o -> o.value())
			.containsExactly("o1", "o2", "o3", "o4", "o5");
	}

	@Test
	void aDeclineFreesASlotForTheNextNearestAndIsNeverAskedAgain() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2", "o3", "o4", "o5"), 3000, T0).incident();
		i = lifecycle.declined(i, observer("o2"), T0.plusSeconds(30)).orElseThrow().incident();

		assertThat(policy.nextWave(i, around(), T0.plusSeconds(31))).extracting(o -> o.value()).containsExactly("o6");
	}

	@Test
	void widensToSixKilometresAfterFiveMinutesWithNobodyGoing() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2", "o3", "o4", "o5", "o6"), 3000, T0).incident();
		for (String o : List.of("o1", "o2", "o3", "o4", "o5", "o6")) {
			i = lifecycle.declined(i, observer(o), T0.plusSeconds(10)).orElseThrow().incident();
		}

		assertThat(policy.nextWave(i, around(), T0.plus(Duration.ofMinutes(4)))).isEmpty();
		assertThat(policy.radiusAt(i, T0.plus(Duration.ofMinutes(5)))).isEqualTo(6000);
		assertThat(policy.nextLookAt(i, T0.plus(Duration.ofMinutes(4)))).isEqualTo(T0.plus(Duration.ofMinutes(5)));
		assertThat(policy.nextWave(i, around(), T0.plus(Duration.ofMinutes(5)))).extracting(o -> o.value())
			.containsExactly("o7", "o8");
	}

	@Test
	void widensAfterFiveMinutesWhileFewerAreGoingThanTheQuorumNeeds() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2", "o3", "o4", "o5", "o6"), 3000, T0).incident();
		i = lifecycle.going(i, observer("o1"), T0.plusSeconds(20)).orElseThrow().incident();
		for (String o : List.of("o2", "o3", "o4", "o5", "o6")) {
			i = lifecycle.declined(i, observer(o), T0.plusSeconds(30)).orElseThrow().incident();
		}

		assertThat(policy.radiusAt(i, T0.plus(Duration.ofMinutes(4)))).isEqualTo(3000);
		assertThat(policy.nextLookAt(i, T0.plusSeconds(30))).isEqualTo(T0.plus(Duration.ofMinutes(5)));
		assertThat(policy.radiusAt(i, T0.plus(Duration.ofMinutes(5)))).isEqualTo(6000);
		assertThat(policy.nextWave(i, around(), T0.plus(Duration.ofMinutes(5)))).extracting(o -> o.value())
			.containsExactly("o7", "o8");
	}

	@Test
	void widensFiveMinutesAfterTheReportWhenNobodyWasWithinThreeKilometres() {
		List<NearbyObserver> farOnly = List.of(near("o7", 4200), near("o8", 5900), near("o9", 7000));
		Incident i = fresh();

		assertThat(policy.nextWave(i, farOnly, T0)).isEmpty();
		assertThat(policy.nextLookAt(i, T0)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
		assertThat(policy.nextWave(i, farOnly, T0.plus(Duration.ofMinutes(5)))).extracting(o -> o.value())
			.containsExactly("o7", "o8");
	}

	@Test
	void doesNotWidenOnceEnoughAreGoingForAQuorum() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2"), 3000, T0).incident();
		i = lifecycle.going(i, observer("o1"), T0.plusSeconds(20)).orElseThrow().incident();
		i = lifecycle.going(i, observer("o2"), T0.plusSeconds(40)).orElseThrow().incident();

		assertThat(policy.radiusAt(i, T0.plus(Duration.ofMinutes(10)))).isEqualTo(3000);
		assertThat(policy.nextLookAt(i, T0.plusSeconds(40))).isNull();
	}

	@Test
	void anObserverSilentForThreeMinutesStopsHoldingASlotAndTheNextNearestIsAsked() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2", "o3", "o4", "o5"), 3000, T0).incident();

		assertThat(policy.nextLookAt(i, T0)).isEqualTo(T0.plus(Duration.ofMinutes(3)));
		assertThat(policy.nextWave(i, around(), T0.plus(Duration.ofMinutes(3)).minusSeconds(1))).isEmpty();
		assertThat(policy.nextWave(i, around(), T0.plus(Duration.ofMinutes(3)))).extracting(o -> o.value())
			.containsExactly("o6");
	}

	@Test
	void aReleasedObserverIsStillAskedAndTheirGoingStillCounts() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2", "o3", "o4", "o5"), 3000, T0).incident();
		i = lifecycle.dispatch(i, observers("o6"), 3000, T0.plus(Duration.ofMinutes(3))).incident();

		var going = lifecycle.going(i, observer("o1"), T0.plus(Duration.ofMinutes(4)));

		assertThat(i.dispatch().asked()).contains(observer("o1"));
		assertThat(going).isPresent();
		assertThat(going.orElseThrow().incident().dispatch().going()).containsExactly(observer("o1"));
	}

	@Test
	void eachObserverIsReleasedThreeMinutesAfterTheyWereAsked() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2", "o3", "o4"), 3000, T0).incident();
		i = lifecycle.dispatch(i, observers("o5"), 3000, T0.plus(Duration.ofMinutes(1))).incident();
		Instant afterFirst = T0.plus(Duration.ofMinutes(3));

		assertThat(i.dispatch().askedAt(observer("o5"))).isEqualTo(T0.plus(Duration.ofMinutes(1)));
		assertThat(i.dispatch().askedAt(observer("o1"))).isEqualTo(T0);
		assertThat(policy.nextWave(i, around(), afterFirst)).extracting(o -> o.value()).containsExactly("o6");
		assertThat(policy.nextLookAt(i, afterFirst)).isEqualTo(T0.plus(Duration.ofMinutes(4)));
	}

	@Test
	void silenceHoldsItsSlotOnceEnoughAreGoing() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1", "o2", "o3", "o4", "o5"), 3000, T0).incident();
		i = lifecycle.going(i, observer("o1"), T0.plusSeconds(20)).orElseThrow().incident();
		i = lifecycle.going(i, observer("o2"), T0.plusSeconds(40)).orElseThrow().incident();

		assertThat(policy.nextWave(i, around(), T0.plus(Duration.ofMinutes(10)))).isEmpty();
		assertThat(policy.nextLookAt(i, T0.plusSeconds(40))).isNull();
	}

	@Test
	void asksNobodyForAClosedOrPublishedIncident() {
		Incident confirmed = lifecycle.dispatcherConfirm(fresh(), "x", T0).incident();
		Incident published = lifecycle.published(confirmed, 1, T0).incident();

		assertThat(policy.nextWave(published, around(), T0)).isEmpty();
	}

}
