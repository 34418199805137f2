package org.vigia.core.incident;

import java.time.Duration;
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

	final DispatchPolicy policy = new DispatchPolicy(VigiaSettings.Dispatch.DEFAULTS);

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
		assertThat(policy.widensAt(i)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
		assertThat(policy.nextWave(i, around(), T0.plus(Duration.ofMinutes(5)))).extracting(o -> o.value())
			.containsExactly("o7", "o8");
	}

	@Test
	void doesNotWidenWhenSomeoneIsGoing() {
		Incident i = lifecycle.dispatch(fresh(), observers("o1"), 3000, T0).incident();
		i = lifecycle.going(i, observer("o1"), T0.plusSeconds(20)).orElseThrow().incident();

		assertThat(policy.radiusAt(i, T0.plus(Duration.ofMinutes(10)))).isEqualTo(3000);
		assertThat(policy.widensAt(i)).isNull();
	}

	@Test
	void asksNobodyForAClosedOrPublishedIncident() {
		Incident confirmed = lifecycle.dispatcherConfirm(fresh(), "x", T0).incident();
		Incident published = lifecycle.published(confirmed, 1, T0).incident();

		assertThat(policy.nextWave(published, around(), T0)).isEmpty();
	}

}
