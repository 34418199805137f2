package org.vigia.core.cluster;

import java.util.Arrays;

import org.locationtech.jts.geom.Envelope;

/**
 * One cell of {@link ClusterIndex}'s grid: the anchors inside it as parallel arrays, so that a query
 * reads them in order instead of chasing one object per incident. Removal moves the last anchor into
 * the freed slot. Not thread-safe.
 */
final class Cell {

	final long key;

	final Envelope envelope;

	int size;

	double[] lat = new double[2];

	double[] lon = new double[2];

	long[] openedAt = new long[2];

	long[] lastReportAt = new long[2];

	Anchor[] anchors = new Anchor[2];

	Cell(long key, Envelope envelope) {
		this.key = key;
		this.envelope = envelope;
	}

	void add(Anchor anchor) {
		if (this.size == this.anchors.length) {
			int capacity = this.size * 2;
			this.lat = Arrays.copyOf(this.lat, capacity);
			this.lon = Arrays.copyOf(this.lon, capacity);
			this.openedAt = Arrays.copyOf(this.openedAt, capacity);
			this.lastReportAt = Arrays.copyOf(this.lastReportAt, capacity);
			this.anchors = Arrays.copyOf(this.anchors, capacity);
		}
		set(this.size, anchor);
		anchor.cell = this;
		this.size++;
	}

	void remove(Anchor anchor) {
		int slot = anchor.slot;
		int last = --this.size;
		if (slot != last) {
			set(slot, this.anchors[last]);
		}
		this.anchors[last] = null;
		anchor.cell = null;
	}

	void updateLastReportAt(Anchor anchor, long lastReportAt) {
		anchor.lastReportAt = lastReportAt;
		this.lastReportAt[anchor.slot] = lastReportAt;
	}

	private void set(int slot, Anchor anchor) {
		this.lat[slot] = anchor.lat;
		this.lon[slot] = anchor.lon;
		this.openedAt[slot] = anchor.openedAt;
		this.lastReportAt[slot] = anchor.lastReportAt;
		this.anchors[slot] = anchor;
		anchor.slot = slot;
	}

}
