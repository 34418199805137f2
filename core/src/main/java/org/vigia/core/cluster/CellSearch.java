package org.vigia.core.cluster;

import org.locationtech.jts.index.ItemVisitor;

import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Report;

/**
 * The visitor of one {@link ClusterIndex} query, reused from query to query: applies the rule to each anchor
 * of the cells the Quadtree finds and keeps the best. Not thread-safe.
 */
final class CellSearch implements ItemVisitor {

	private final MergeRule rule;

	private double lat;

	private double lon;

	private double cosLat;

	private long seenAt;

	private long receivedAt;

	private IncidentId best;

	private double bestDistance;

	private double limitMeters;

	private double limitLatDegrees;

	CellSearch(MergeRule rule) {
		this.rule = rule;
	}

	void start(Report report, double lat, double lon) {
		this.lat = lat;
		this.lon = lon;
		this.cosLat = Math.cos(Math.toRadians(lat));
		this.seenAt = report.seenAt().toEpochMilli();
		this.receivedAt = report.receivedAt().toEpochMilli();
		this.best = null;
		this.bestDistance = Double.POSITIVE_INFINITY;
	}

	/** Only anchors at most this far count in the searches that follow. */
	void limit(double meters) {
		this.limitMeters = meters;
		this.limitLatDegrees = meters / ClusterIndex.METERS_PER_DEGREE;
	}

	@Override
	public void visitItem(Object item) {
		Cell cell = (Cell) item;
		for (int i = 0; i < cell.size; i++) {
			// distance is at least the latitude difference: most of a cell is rejected by one comparison
			if (Math.abs(cell.lat[i] - this.lat) > this.limitLatDegrees) {
				continue;
			}
			double d = MergeRule.meters(this.lat, this.lon, this.cosLat, cell.lat[i], cell.lon[i]);
			if (d > this.limitMeters || d > this.bestDistance
					|| !this.rule.withinWindow(this.seenAt, this.receivedAt, cell.openedAt[i], cell.lastReportAt[i])) {
				continue;
			}
			// an anchor may be visited twice (split box, second search); preferred() is strict: harmless
			IncidentId id = cell.anchors[i].id;
			if (this.best == null || MergeRule.preferred(d, id, this.bestDistance, this.best)) {
				this.best = id;
				this.bestDistance = d;
			}
		}
	}

	boolean found() {
		return this.best != null;
	}

	IncidentId finish() {
		IncidentId result = this.best;
		this.best = null;
		return result;
	}

}
