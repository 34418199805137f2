package org.vigia.core.cluster;

import org.vigia.core.incident.IncidentId;

/** An open incident as {@link ClusterIndex} keeps it: enough to decide without looking the incident up. */
final class Anchor {

	final IncidentId id;

	final double lat;

	final double lon;

	final long openedAt;

	/** Changed only by {@link Cell}, while the anchor is out of the index's ordered set. */
	long lastReportAt;

	/** Where the anchor lives in the index; changed only by {@link Cell}. */
	Cell cell;

	int slot;

	Anchor(IncidentId id, double lat, double lon, long openedAt, long lastReportAt) {
		this.id = id;
		this.lat = lat;
		this.lon = lon;
		this.openedAt = openedAt;
		this.lastReportAt = lastReportAt;
	}

}
