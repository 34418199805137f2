package org.vigia.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.ObserverId;

/**
 * Whom to ask to check an incident (DESIGN.md: the 5 nearest on-duty observers within 3 km, widened to
 * 6 km after 5 minutes), until enough observers are going to make a quorum.
 *
 * <p>Design note: the policy keeps {@code observers} requests in flight. An observer who declined, or
 * who already gave a verdict, no longer counts as in flight, so a decline frees a slot for the next
 * nearest; nobody is asked twice for one incident. While fewer observers are going than the quorum needs,
 * the search keeps reaching out: the radius widens after {@code widenAfter} (one observer on the way cannot
 * confirm alone; counted from the first report when nobody was within the first radius to be asked), and an observer who has not answered within {@code answerWithin} stops holding a slot, so
 * the next nearest is asked; they stay asked, and their "I'm going" still counts when it comes. Once enough
 * are going, the radius stays and silence holds its slot: nobody more is pulled in from farther away. Pure;
 * the candidate list comes from the store's nearest-first search.
 */
public final class DispatchPolicy {

	private final VigiaSettings.Dispatch settings;

	private final int quorum;

	public DispatchPolicy(VigiaSettings settings) {
		this.settings = settings.dispatch();
		this.quorum = settings.quorum().observers();
	}

	/** Whether fewer observers are going than the quorum needs. */
	private boolean needsMore(Dispatch d) {
		return d.going().size() < quorum;
	}

	/**
	 * When the radius widens, if fewer are going than the quorum needs: {@code widenAfter} from the first ask, or
	 * from the first report when nobody was within the first radius to be asked.
	 */
	private Instant widensAt(Incident incident) {
		Dispatch d = incident.dispatch();
		return (d.startedAt() == null ? incident.openedAt() : d.startedAt()).plus(settings.widenAfter());
	}

	/** The radius to search at {@code now}. */
	public double radiusAt(Incident incident, Instant now) {
		Dispatch d = incident.dispatch();
		double current = Math.max(settings.radiusMeters(), d.radiusMeters());
		if (!needsMore(d)) {
			return current;
		}
		return now.isBefore(widensAt(incident)) ? current : settings.widenedRadiusMeters();
	}

	/**
	 * When the dispatch should be looked at again after {@code now}: the radius widens, or a silent observer's
	 * slot is released; null if neither will happen (already widened and nobody silent, or enough are going).
	 * The widening comes even when nobody was within the first radius to be asked.
	 */
	public Instant nextLookAt(Incident incident, Instant now) {
		Dispatch d = incident.dispatch();
		if (!needsMore(d)) {
			return null;
		}
		Instant next = null;
		Instant widen = widensAt(incident);
		if (d.radiusMeters() < settings.widenedRadiusMeters() && widen.isAfter(now)) {
			next = widen;
		}
		for (ObserverId o : d.asked()) {
			if (awaited(incident, o)) {
				Instant release = d.askedAt(o).plus(settings.answerWithin());
				if (release.isAfter(now) && (next == null || release.isBefore(next))) {
					next = release;
				}
			}
		}
		return next;
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
		boolean releaseSilent = needsMore(d);
		long inFlight = d.asked()
			.stream()
			.filter(o -> d.going().contains(o) ? !incident.answeredBy(o)
					: awaited(incident, o) && !(releaseSilent && silent(d, o, now)))
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

	/** Asked and still to say "I'm going" or "can't". */
	private static boolean awaited(Incident incident, ObserverId o) {
		Dispatch d = incident.dispatch();
		return !d.going().contains(o) && !d.declined().contains(o) && !incident.answeredBy(o);
	}

	/** Asked {@code answerWithin} ago or longer without an answer (callers check that they are awaited). */
	private boolean silent(Dispatch d, ObserverId o, Instant now) {
		return !now.isBefore(d.askedAt(o).plus(settings.answerWithin()));
	}

}
