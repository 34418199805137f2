package org.vigia.core.observer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigia.core.geo.GeoPoint;

/**
 * Registered observers and the positions of those on duty. Implementations are thread-safe.
 */
public interface ObserverStore {

	void save(Observer observer);

	Optional<Observer> find(ObserverId id);

	Optional<Observer> findByChat(String chat);

	List<Observer> all();

	/** Removes the observer and any position of theirs. */
	void revoke(ObserverId id);

	/**
	 * Records the observer as on duty at this position. The position expires after {@code ttl} unless
	 * refreshed (a live location that stops updating must not keep someone "on duty").
	 */
	void onDuty(ObserverId id, GeoPoint position, Duration ttl);

	/**
	 * Records the observer as on duty somewhere in an area they named (a neighborhood, by its key), not at a
	 * known spot: kept at {@code interior}, a point inside the area, and marked with the area so that dispatch
	 * can tell (see {@link #dutyArea}). Expires after {@code ttl} unless renewed, like {@link #onDuty}, which in
	 * turn replaces it with a precise position.
	 */
	void onDutyIn(ObserverId id, String area, GeoPoint interior, Duration ttl);

	/** The area an on-duty observer named, when they are on duty in one rather than at a known position. */
	Optional<String> dutyArea(ObserverId id);

	/** Every observer on duty in an area they named (not expired), with the area's key. */
	java.util.Map<ObserverId, String> onDutyAreas();

	/** The observers whose duty has not ended and ends at or before {@code until}, with when it ends. */
	java.util.Map<ObserverId, java.time.Instant> dutyEndingBy(java.time.Instant until);

	/**
	 * Claims the reminder that this observer's duty ends at {@code end}: true for the first caller only, in any
	 * process, for that end (a renewed duty has another end, and its own reminder).
	 */
	boolean claimDutyReminder(ObserverId id, java.time.Instant end);

	void offDuty(ObserverId id);

	boolean isOnDuty(ObserverId id);

	/** On-duty observers within {@code radiusMeters} of {@code center}, nearest first, at most {@code limit}. */
	List<NearbyObserver> nearestOnDuty(GeoPoint center, double radiusMeters, int limit);

	/**
	 * Where an on-duty observer is now; empty when they are not on duty, their position expired, or they are on
	 * duty in an area they named (where in it is not known).
	 */
	Optional<GeoPoint> position(ObserverId id);

	/** Counts one verdict this observer gave (an aggregate for dispatchers; which incident is not kept). */
	void countVerdict(ObserverId id);

	/** How many verdicts this observer gave (kept as long as the registry). */
	long verdicts(ObserverId id);

	/** When the observer last shared a position (went on duty or moved), if within the registry's retention. */
	Optional<Instant> lastSeen(ObserverId id);

	/**
	 * Where each on-duty observer is now (positions that have not expired), for the dispatchers' map. The
	 * observers consented to their position being kept while on duty.
	 */
	Map<ObserverId, GeoPoint> onDutyPositions();

}
