package org.vigia.core.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.quadtree.Quadtree;

import org.vigia.core.geo.Distances;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Report;

/**
 * The anchors of the open incidents that can still take reports, in a spatial index, answering "which
 * incident does this report join?" under a {@link MergeRule}.
 *
 * <p>Design note. The index is a JTS {@link Quadtree}, because incidents open, close and go idle all the
 * time and the Quadtree supports removal; an {@code STRtree} accepts no inserts after its first query and
 * would need rebuilding. Each anchor goes in as a tiny box ({@value #ITEM_EXTENT_DEGREES}° wide): the
 * Quadtree widens zero-size items to its smallest seen extent (1° by default), which would pile every
 * anchor of a metro area into one node; a tiny extent lets nodes split down to the density of the data
 * while few items straddle node boundaries (those are kept in ancestors that every query visits).
 *
 * <p>A query is the report's radius as a box in degrees (the longitude span widened by the latitude's
 * cosine, clamped to the full circle near the poles, split in two across the antimeridian); the Quadtree
 * is only a primary filter, so every candidate then goes through the exact test of the rule. The visitor
 * is reused and the anchor's coordinates and times live in the index item, so a query allocates nothing
 * but its envelopes and needs no lookup per candidate.
 *
 * <p>Idle incidents leave the index through {@link #evictIdle(Instant)}, which walks a second index
 * ordered by latest report: its cost is proportional to what it evicts, never to the size.
 *
 * <p>Not thread-safe: callers serialise access (see {@link InMemoryIncidentAssigner}).
 */
public final class ClusterIndex {

	/** Width of an anchor's box in the Quadtree: about 1 m, far below the merge radius. */
	static final double ITEM_EXTENT_DEGREES = 1e-5;

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * Distances.EARTH_RADIUS_METERS;

	private static final Comparator<Anchor> BY_LAST_REPORT = Comparator.<Anchor>comparingLong(a -> a.lastReportAt)
		.thenComparing(a -> a.id.value());

	private final MergeRule rule;

	private final Quadtree tree = new Quadtree();

	private final Map<IncidentId, Anchor> byId = new HashMap<>();

	private final TreeSet<Anchor> byLastReport = new TreeSet<>(BY_LAST_REPORT);

	private final Search search = new Search();

	public ClusterIndex(MergeRule rule) {
		this.rule = Objects.requireNonNull(rule, "rule must not be null");
	}

	/**
	 * Adds the incident, or replaces what the index knew of it (its latest report time); a closed incident
	 * is removed instead.
	 */
	public void put(Incident incident) {
		Objects.requireNonNull(incident, "incident must not be null");
		remove(incident.id());
		if (incident.state().closed()) {
			return;
		}
		var anchor = new Anchor(incident.id(), incident.anchor().latitude(), incident.anchor().longitude(),
				incident.openedAt().toEpochMilli(), incident.lastReportAt().toEpochMilli());
		this.tree.insert(anchor.envelope(), anchor);
		this.byId.put(anchor.id, anchor);
		this.byLastReport.add(anchor);
	}

	/** Removes the incident; returns whether it was there. */
	public boolean remove(IncidentId id) {
		Anchor anchor = this.byId.remove(id);
		if (anchor == null) {
			return false;
		}
		this.tree.remove(anchor.envelope(), anchor);
		this.byLastReport.remove(anchor);
		return true;
	}

	/**
	 * Removes every incident that can no longer take a report at {@code now} (its latest report is older than
	 * the rule's retention) and returns their ids, oldest first.
	 */
	public List<IncidentId> evictIdle(Instant now) {
		long horizon = now.toEpochMilli() - this.rule.retention().toMillis();
		List<IncidentId> evicted = new ArrayList<>();
		while (!this.byLastReport.isEmpty() && this.byLastReport.first().lastReportAt < horizon) {
			Anchor anchor = this.byLastReport.pollFirst();
			this.byId.remove(anchor.id);
			this.tree.remove(anchor.envelope(), anchor);
			evicted.add(anchor.id);
		}
		return evicted;
	}

	/** The incident the report joins under the rule, or empty when it opens a new one. */
	public Optional<IncidentId> nearest(Report report) {
		Objects.requireNonNull(report, "report must not be null");
		double lat = report.location().latitude();
		double lon = report.location().longitude();
		this.search.start(report, lat, lon);
		double dLat = this.rule.radiusMeters() / METERS_PER_DEGREE;
		double maxLat = Math.min(90, Math.abs(lat) + dLat);
		double cos = Math.cos(Math.toRadians(maxLat));
		double dLon = (cos < 1e-9) ? 360 : dLat / cos;
		double minY = Math.max(-90, lat - dLat);
		double maxY = Math.min(90, lat + dLat);
		if (dLon >= 180) {
			query(-180, 180, minY, maxY);
		}
		else {
			query(lon - dLon, lon + dLon, minY, maxY);
			if (lon - dLon < -180) {
				query(lon - dLon + 360, 180, minY, maxY);
			}
			if (lon + dLon > 180) {
				query(-180, lon + dLon - 360, minY, maxY);
			}
		}
		return Optional.ofNullable(this.search.finish());
	}

	/** How many incidents the index holds. */
	public int size() {
		return this.byId.size();
	}

	public boolean contains(IncidentId id) {
		return this.byId.containsKey(id);
	}

	private void query(double minX, double maxX, double minY, double maxY) {
		this.tree.query(new Envelope(minX, maxX, minY, maxY), this.search);
	}

	/** An incident as the index keeps it: enough to decide without looking the incident up. */
	private static final class Anchor {

		final IncidentId id;

		final double lat;

		final double lon;

		final long openedAt;

		final long lastReportAt;

		Anchor(IncidentId id, double lat, double lon, long openedAt, long lastReportAt) {
			this.id = id;
			this.lat = lat;
			this.lon = lon;
			this.openedAt = openedAt;
			this.lastReportAt = lastReportAt;
		}

		Envelope envelope() {
			double half = ITEM_EXTENT_DEGREES / 2;
			return new Envelope(this.lon - half, this.lon + half, this.lat - half, this.lat + half);
		}

	}

	/** The reusable visitor of one query: applies the rule to each candidate, keeps the best. */
	private final class Search implements ItemVisitor {

		private double lat;

		private double lon;

		private double cosLat;

		private long seenAt;

		private long receivedAt;

		private Anchor best;

		private double bestDistance;

		void start(Report report, double lat, double lon) {
			this.lat = lat;
			this.lon = lon;
			this.cosLat = Math.cos(Math.toRadians(lat));
			this.seenAt = report.seenAt().toEpochMilli();
			this.receivedAt = report.receivedAt().toEpochMilli();
			this.best = null;
			this.bestDistance = Double.POSITIVE_INFINITY;
		}

		@Override
		public void visitItem(Object item) {
			Anchor a = (Anchor) item;
			double d = MergeRule.meters(this.lat, this.lon, this.cosLat, a.lat, a.lon);
			if (d > ClusterIndex.this.rule.radiusMeters()
					|| !ClusterIndex.this.rule.withinWindow(this.seenAt, this.receivedAt, a.openedAt, a.lastReportAt)) {
				return;
			}
			// a box split at the antimeridian may show an anchor twice; preferred() is strict, so that is harmless
			if (this.best == null || MergeRule.preferred(d, a.id, this.bestDistance, this.best.id)) {
				this.best = a;
				this.bestDistance = d;
			}
		}

		IncidentId finish() {
			IncidentId result = (this.best != null) ? this.best.id : null;
			this.best = null;
			return result;
		}

	}

}
