package org.vigia.bot.observer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.observer.ObserverStore;

/**
 * The observer store as dispatch sees it: {@link #nearestOnDuty} also finds the observers on duty in a
 * neighborhood they named (on Signal, which has no live location), who are somewhere in it, nobody knows where.
 * Every other verb is the store's.
 *
 * <p>Design note: how such an observer is treated. They are <em>asked</em> when the scene is within the search
 * radius of their neighborhood's polygon (0 m when the scene is inside it): whoever is somewhere in the
 * neighborhood can get to any spot of it. They are <em>ranked</em> as if they stood at the neighborhood's
 * interior point (the point the store keeps for them, never nearer than the polygon), so that an observer who
 * shared a precise place 400 m from the scene comes before one who only said "somewhere in this neighborhood";
 * those whose point lies beyond the search radius come after everyone found within it, nearest edge first. The
 * {@link NearbyObserver#meters} of such an observer is the distance to the polygon, which is what the dispatch
 * policy compares with its radius; the list's order is the ranking. An area that is no longer on the map (a new
 * file) counts as its interior point, as the store holds it. Thread-safe; the map is read per search.
 */
public final class DutyInNeighborhoods implements ObserverStore {

	private final ObserverStore store;

	private final NeighborhoodDirectory neighborhoods;

	public DutyInNeighborhoods(ObserverStore store, NeighborhoodDirectory neighborhoods) {
		this.store = Objects.requireNonNull(store, "store must not be null");
		this.neighborhoods = Objects.requireNonNull(neighborhoods, "neighborhoods must not be null");
	}

	/** A candidate and its rank: how far they probably are. */
	private record Ranked(NearbyObserver observer, double rank) {
	}

	@Override
	public List<NearbyObserver> nearestOnDuty(GeoPoint center, double radiusMeters, int limit) {
		List<NearbyObserver> placed = store.nearestOnDuty(center, radiusMeters, limit);
		Map<ObserverId, String> areas = store.onDutyAreas();
		if (areas.isEmpty()) {
			return placed;
		}
		var ranked = new ArrayList<Ranked>();
		var seen = new HashSet<ObserverId>();
		for (NearbyObserver nearby : placed) {
			seen.add(nearby.id());
			String area = areas.get(nearby.id());
			OptionalDouble edge = area == null ? OptionalDouble.empty() : metersTo(area, center);
			ranked.add(new Ranked(edge.isPresent() ? new NearbyObserver(nearby.id(), edge.getAsDouble()) : nearby,
					nearby.meters()));
		}
		areas.forEach((id, area) -> {
			if (seen.contains(id)) {
				return;
			}
			// their point is beyond the radius: after everyone whose point is within it, nearest edge first
			OptionalDouble edge = metersTo(area, center);
			if (edge.isPresent() && edge.getAsDouble() <= radiusMeters) {
				ranked.add(new Ranked(new NearbyObserver(id, edge.getAsDouble()), radiusMeters + edge.getAsDouble()));
			}
		});
		return ranked.stream()
			.sorted(Comparator.comparingDouble(Ranked::rank))
			.limit(limit)
			.map(Ranked::observer)
			.toList();
	}

	private OptionalDouble metersTo(String area, GeoPoint point) {
		Optional<Neighborhood> named = neighborhoods.chosen(area);
		if (named.isEmpty()) {
			return OptionalDouble.empty();
		}
		return neighborhoods.map().map(m -> m.metersTo(named.get().id(), point)).orElse(OptionalDouble.empty());
	}

	// ---- the store's ----------------------------------------------------------------------------------

	@Override
	public void save(Observer observer) {
		store.save(observer);
	}

	@Override
	public Optional<Observer> find(ObserverId id) {
		return store.find(id);
	}

	@Override
	public Optional<Observer> findByChat(String chat) {
		return store.findByChat(chat);
	}

	@Override
	public List<Observer> all() {
		return store.all();
	}

	@Override
	public void revoke(ObserverId id) {
		store.revoke(id);
	}

	@Override
	public void onDuty(ObserverId id, GeoPoint position, Duration ttl) {
		store.onDuty(id, position, ttl);
	}

	@Override
	public void onDutyIn(ObserverId id, String area, GeoPoint interior, Duration ttl) {
		store.onDutyIn(id, area, interior, ttl);
	}

	@Override
	public Optional<String> dutyArea(ObserverId id) {
		return store.dutyArea(id);
	}

	@Override
	public Map<ObserverId, String> onDutyAreas() {
		return store.onDutyAreas();
	}

	@Override
	public Map<ObserverId, java.time.Instant> dutyEndingBy(java.time.Instant until) {
		return store.dutyEndingBy(until);
	}

	@Override
	public boolean claimDutyReminder(ObserverId id, java.time.Instant end) {
		return store.claimDutyReminder(id, end);
	}

	@Override
	public void offDuty(ObserverId id) {
		store.offDuty(id);
	}

	@Override
	public boolean isOnDuty(ObserverId id) {
		return store.isOnDuty(id);
	}

	@Override
	public Optional<GeoPoint> position(ObserverId id) {
		return store.position(id);
	}

	@Override
	public void countVerdict(ObserverId id) {
		store.countVerdict(id);
	}

	@Override
	public long verdicts(ObserverId id) {
		return store.verdicts(id);
	}

	@Override
	public Optional<java.time.Instant> lastSeen(ObserverId id) {
		return store.lastSeen(id);
	}

	@Override
	public Map<ObserverId, GeoPoint> onDutyPositions() {
		return store.onDutyPositions();
	}

}
