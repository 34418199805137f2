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
 * would need rebuilding.
 *
 * <p>The Quadtree is meant for boxes; points need care. It widens a zero-size item to its smallest seen
 * extent (1° by default), which would pile a whole metro area into one node; a tiny extent instead makes
 * it split down to that size, one chain of nodes per item, and a query then walks hundreds of nodes; an
 * item that straddles a node's center line stays in that node, which every query below it visits. So the
 * items are {@link Cell cells} of a power-of-two grid a few merge radii wide, each holding the
 * anchors that fall into it in flat arrays (coordinates and times, so a query needs no lookup and reads
 * memory in order). The Quadtree's own nodes are aligned to that grid, so a cell (slightly shrunk) lands
 * in exactly its node, never higher and never deeper. A cell leaves the Quadtree when its last anchor
 * does.
 *
 * <p>A query is a box in degrees around the report (the longitude span widened by the cosine of the
 * box's highest latitude, the full circle near the poles, repeated a turn east or west across the
 * antimeridian); the Quadtree is only a primary filter, so every anchor of the cells found goes through
 * the exact test of the rule. It first looks for eligible incidents within a quarter of the radius: if
 * there is one, no incident farther away can be nearer and the search ends there, which keeps the
 * candidates few where incidents are dense; otherwise it searches the whole radius. Within a cell, one
 * comparison of latitudes rejects most anchors before any distance is computed.
 *
 * <p>Idle incidents leave the index through {@link #evictIdle(Instant)}, which walks a second index
 * ordered by latest report: its cost is proportional to what it evicts, never to the size.
 *
 * <p>Not thread-safe: callers serialise access (see {@link InMemoryIncidentAssigner}).
 */
public final class ClusterIndex {

	static final double METERS_PER_DEGREE = Math.toRadians(1) * Distances.EARTH_RADIUS_METERS;

	private static final Comparator<Anchor> BY_LAST_REPORT = Comparator.<Anchor>comparingLong(a -> a.lastReportAt)
		.thenComparing(a -> a.id.value());

	private final MergeRule rule;

	private final Quadtree tree = new Quadtree();

	private final Map<Long, Cell> cells = new HashMap<>();

	private final Map<IncidentId, Anchor> byId = new HashMap<>();

	private final TreeSet<Anchor> byLastReport = new TreeSet<>(BY_LAST_REPORT);

	private final CellSearch search;

	/**
	 * The width of a cell: the power of two of degrees at or below four radii (about 870 m for 300 m).
	 * Wider cells mean fewer Quadtree nodes to walk and more anchors to scan, which are cheap in arrays;
	 * this width measured best on the benchmark's metro areas (BENCHMARKS.md).
	 */
	private final double cellDegrees;

	public ClusterIndex(MergeRule rule) {
		this.rule = Objects.requireNonNull(rule, "rule must not be null");
		this.cellDegrees = Math.scalb(1.0, Math.getExponent(4 * rule.radiusMeters() / METERS_PER_DEGREE));
		this.search = new CellSearch(rule);
	}

	/**
	 * Adds the incident, or replaces what the index knew of it (its latest report time); a closed incident
	 * is removed instead.
	 */
	public void put(Incident incident) {
		Objects.requireNonNull(incident, "incident must not be null");
		if (incident.state().open() && refresh(incident)) {
			return;
		}
		remove(incident.id());
		if (incident.state().closed()) {
			return;
		}
		var anchor = new Anchor(incident.id(), incident.anchor().latitude(), incident.anchor().longitude(),
				incident.openedAt().toEpochMilli(), incident.lastReportAt().toEpochMilli());
		long key = cellKey(anchor.lat, anchor.lon);
		Cell cell = this.cells.get(key);
		if (cell == null) {
			cell = new Cell(key, cellEnvelope(anchor.lat, anchor.lon));
			this.cells.put(key, cell);
			this.tree.insert(cell.envelope, cell);
		}
		cell.add(anchor);
		this.byId.put(anchor.id, anchor);
		this.byLastReport.add(anchor);
	}

	/**
	 * The common case of a join: the incident is indexed at the same anchor, only its latest report moved.
	 * Updates the times in place instead of leaving and re-entering the Quadtree.
	 */
	private boolean refresh(Incident incident) {
		Anchor anchor = this.byId.get(incident.id());
		if (anchor == null || anchor.lat != incident.anchor().latitude()
				|| anchor.lon != incident.anchor().longitude()
				|| anchor.openedAt != incident.openedAt().toEpochMilli()) {
			return false;
		}
		long lastReportAt = incident.lastReportAt().toEpochMilli();
		if (anchor.lastReportAt != lastReportAt) {
			this.byLastReport.remove(anchor);
			anchor.cell.updateLastReportAt(anchor, lastReportAt);
			this.byLastReport.add(anchor);
		}
		return true;
	}

	/** Removes the incident; returns whether it was there. */
	public boolean remove(IncidentId id) {
		Anchor anchor = this.byId.remove(id);
		if (anchor == null) {
			return false;
		}
		this.byLastReport.remove(anchor);
		detach(anchor);
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
			detach(anchor);
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
		double radius = this.rule.radiusMeters();
		double near = radius / 4;
		this.search.limit(near);
		searchAround(lat, lon, near);
		if (!this.search.found()) {
			this.search.limit(radius);
			searchAround(lat, lon, radius);
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

	private void detach(Anchor anchor) {
		Cell cell = anchor.cell;
		cell.remove(anchor);
		if (cell.size == 0) {
			this.cells.remove(cell.key);
			this.tree.remove(cell.envelope, cell);
		}
	}

	private void searchAround(double lat, double lon, double meters) {
		// widened by the cells' margin, so a box that reaches a point also reaches its (shrunk) cell
		double margin = this.cellDegrees / 1000;
		double dLat = meters / METERS_PER_DEGREE;
		double cos = Math.cos(Math.toRadians(Math.min(90, Math.abs(lat) + dLat)));
		double dLon = ((cos < 1e-9) ? 360 : dLat / cos) + margin;
		double minY = lat - dLat - margin;
		double maxY = lat + dLat + margin;
		if (dLon >= 180) {
			query(-180 - margin, 180 + margin, minY, maxY);
			return;
		}
		query(lon - dLon, lon + dLon, minY, maxY);
		// across the antimeridian: the same box, a turn east or west
		if (lon - dLon < -180) {
			query(lon - dLon + 360, lon + dLon + 360, minY, maxY);
		}
		if (lon + dLon > 180) {
			query(lon - dLon - 360, lon + dLon - 360, minY, maxY);
		}
	}

	private void query(double minX, double maxX, double minY, double maxY) {
		this.tree.query(new Envelope(minX, maxX, minY, maxY), this.search);
	}

	private long cellKey(double lat, double lon) {
		long x = (long) Math.floor(lon / this.cellDegrees);
		long y = (long) Math.floor(lat / this.cellDegrees);
		return (x << 32) ^ (y & 0xFFFF_FFFFL);
	}

	/** The grid cell holding a point, shrunk by a thousandth so it never touches the next cell. */
	private Envelope cellEnvelope(double lat, double lon) {
		double size = this.cellDegrees;
		double margin = size / 1000;
		double x = Math.floor(lon / size) * size;
		double y = Math.floor(lat / size) * size;
		return new Envelope(x + margin, x + size - margin, y + margin, y + size - margin);
	}

}
