package org.vigia.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.ObserverId;

/**
 * Whom to ask to check an incident (DESIGN.md: the 5 nearest on-duty observers within 3 km, widened to
 * 6 km after 5 minutes without an "I'm going").
 *
 * <p>Design note: the policy keeps {@code observers} requests in flight. An observer who declined, or
 * who already gave a verdict, no longer counts as in flight, so a decline frees a slot for the next
 * nearest; nobody is asked twice for one incident. The radius widens only while nobody is going: once
 * someone is on the way there is no reason to pull in people from farther away. Pure; the candidate
 * list comes from the store's nearest-first search.
 */
public final class DispatchPolicy {

	private final VigiaSettings.Dispatch settings;

	public DispatchPolicy(VigiaSettings.Dispatch settings) {
		this.settings = settings;
	}

	/** The radius to search at {@code now}. */
	public double radiusAt(Incident incident, Instant now) {
		Dispatch d = incident.dispatch();
		if (d.startedAt() == null || !d.going().isEmpty()) {
			return Math.max(settings.radiusMeters(), d.radiusMeters());
		}
		boolean widen = !now.isBefore(d.startedAt().plus(settings.widenAfter()));
		return widen ? settings.widenedRadiusMeters() : settings.radiusMeters();
	}

	/** When the radius widens, or null if it will not (already widened, or someone is going). */
	public Instant widensAt(Incident incident) {
		Dispatch d = incident.dispatch();
		if (d.startedAt() == null || !d.going().isEmpty() || d.radiusMeters() >= settings.widenedRadiusMeters()) {
			return null;
		}
		return d.startedAt().plus(settings.widenAfter());
	}

	/**
	 * The observers to ask now, nearest first.
	 *
	 * @param candidates on-duty observers nearest first (any radius; farther ones are filtered here)
	 */
	public List<ObserverId> nextWave(Incident incident, List<NearbyObserver> candidates, Instant now) {
		if (incident.state().closed() || incident.state() == IncidentState.PUBLISHED) {
			return List.of();
		}
		Dispatch d = incident.dispatch();
		long inFlight = d.asked()
			.stream()
			.filter(o -> !d.declined().contains(o) && !incident.answeredBy(o))
			.count();
		long slots = settings.observers() - inFlight;
		double radius = radiusAt(incident, now);
		var wave = new ArrayList<ObserverId>();
		for (NearbyObserver candidate : candidates) {
			if (wave.size() >= slots) {
				break;
			}
			if (candidate.meters() <= radius && !d.asked().contains(candidate.id())
					&& !d.declined().contains(candidate.id())) {
				wave.add(candidate.id());
			}
		}
		return wave;
	}

}
