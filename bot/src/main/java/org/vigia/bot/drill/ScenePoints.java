package org.vigia.bot.drill;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.neighborhood.NeighborhoodMap;

/**
 * Where a drill's practice scenes go: a random point inside one of the chosen neighborhoods' polygons (rejection
 * sampling within its bounds), moved onto the nearest street when a geocoder is set ({@link Streets}), so that an
 * observer is sent somewhere a scene could be, not into a back yard or a pond. A street point is taken only if it is
 * in the same neighborhood and within {@link #MAX_SNAP_METERS} of the random one; a geocoder that does not answer is
 * not asked again for the rest of the drill (one drill must not wait for twenty timeouts).
 */
public final class ScenePoints {

	/** The farthest a scene is moved to reach a street. */
	static final double MAX_SNAP_METERS = 300;

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	/** The point on the street nearest to a point; empty if there is no geocoder or it did not answer. */
	@FunctionalInterface
	public interface Streets {

		/** No geocoder: scenes stay at their random points. */
		Streets NONE = point -> Optional.empty();

		Optional<GeoPoint> nearest(GeoPoint point);

	}

	private final RandomGenerator random;

	private final Streets streets;

	public ScenePoints(RandomGenerator random, Streets streets) {
		this.random = random;
		this.streets = streets;
	}

	/** The points of one drill's scenes, one after the other. */
	Placing placing(NeighborhoodMap map) {
		return new Placing(map);
	}

	/** Places the scenes of one drill; not thread-safe (one drill is placed on one thread). */
	final class Placing {

		private final NeighborhoodMap map;

		private boolean geocoderAnswers = true;

		private Placing(NeighborhoodMap map) {
			this.map = map;
		}

		/** One of these neighborhoods, at random. */
		Neighborhood pick(List<Neighborhood> where) {
			return where.get(random.nextInt(where.size()));
		}

		/** A point for a scene in this neighborhood; empty if it has no polygon to place one in. */
		Optional<GeoPoint> in(Neighborhood n) {
			Optional<GeoPoint> point = randomIn(n);
			if (point.isEmpty() || !geocoderAnswers) {
				return point;
			}
			Optional<GeoPoint> street = streets.nearest(point.get());
			if (street.isEmpty()) {
				geocoderAnswers = false;
				return point;
			}
			boolean near = street.get().metersTo(point.get()) <= MAX_SNAP_METERS;
			return near && inside(street.get(), n) ? street : point;
		}

		private Optional<GeoPoint> randomIn(Neighborhood n) {
			Optional<double[]> bounds = map.bounds(n.id());
			if (bounds.isEmpty()) {
				return Optional.empty();
			}
			double[] b = bounds.get();
			for (int attempt = 0; attempt < 1000; attempt++) {
				var p = GeoPoint.of(b[1] + random.nextDouble() * (b[3] - b[1]), b[0] + random.nextDouble() * (b[2] - b[0]));
				if (inside(p, n)) {
					return Optional.of(p);
				}
			}
			return map.interiorPoint(n.id());
		}

		private boolean inside(GeoPoint p, Neighborhood n) {
			return map.lookup(p).found().filter(f -> f.id().equals(n.id())).isPresent();
		}

	}

	/** A new random id for a practice scene that starts at {@code at}. */
	IncidentId newId(Instant at) {
		var id = new StringBuilder(IncidentId.DRILL_PREFIX).append(Long.toString(at.toEpochMilli(), 36));
		for (int i = 0; i < 5; i++) {
			id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return new IncidentId(id.toString());
	}

}
