package org.vigia.core.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;

/**
 * The {@link IncidentAssigner} of one process: a {@link ClusterIndex} of the open incidents' anchors, the
 * current version of each incident, and the {@link MergeRule}; incidents are built with
 * {@link IncidentMerge} like in every other adapter.
 *
 * <p><b>Single process only.</b> Atomicity comes from one lock held for a whole placement (query, decide,
 * open or join, index), so concurrent callers in this JVM never open two incidents for one scene. Two
 * processes would each have their own index; sharing incidents between instances is the job of the Redis
 * adapter. The lock is coarse on purpose: a placement costs microseconds, and reports arrive at human
 * rates.
 *
 * <p>Incidents leave when they close ({@link #close}, or {@link #update} with a closed state) and when
 * they can no longer take reports: every {@link #assign} first evicts the idle ones at the clock's time
 * (see {@link MergeRule#retention()}), so memory follows the open incidents, not the history. A report
 * placed again (a retried update) while its incident is held returns that incident unchanged.
 */
public final class InMemoryIncidentAssigner implements IncidentAssigner {

	private final MergeRule rule;

	private final ClusterIndex index;

	private final Supplier<IncidentId> ids;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<IncidentId, Incident> incidents = new HashMap<>();

	private final Map<ReportId, IncidentId> placed = new HashMap<>();

	public InMemoryIncidentAssigner(VigiaSettings.Clustering settings, Supplier<IncidentId> ids, Clock clock) {
		this.rule = new MergeRule(settings);
		this.index = new ClusterIndex(this.rule);
		this.ids = Objects.requireNonNull(ids, "ids must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public Placement assign(Report report) {
		Objects.requireNonNull(report, "report must not be null");
		this.lock.lock();
		try {
			evictIdleLocked();
			IncidentId already = this.placed.get(report.id());
			if (already != null) {
				return new Placement(this.incidents.get(already), false);
			}
			Optional<IncidentId> target = this.index.nearest(report);
			Placement placement = target.isPresent()
					? new Placement(IncidentMerge.join(this.incidents.get(target.get()), report), false)
					: new Placement(IncidentMerge.open(nextId(), report), true);
			store(placement.incident());
			this.placed.put(report.id(), placement.incident().id());
			return placement;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Records a newer version of an incident that another part changed (its lifecycle state, dispatch,
	 * verdicts), or one loaded at start-up: later joins build on it. A closed incident is forgotten. If the
	 * assigner merged reports into the incident after the version the caller started from, those reports
	 * are kept: the caller's state, dispatch, verdicts and history win, the members are the union.
	 */
	public void update(Incident incident) {
		Objects.requireNonNull(incident, "incident must not be null");
		this.lock.lock();
		try {
			if (incident.state().closed()) {
				forget(incident.id());
			}
			else {
				Incident merged = keepMergedReports(this.incidents.get(incident.id()), incident);
				store(merged);
				merged.reports().forEach((r) -> this.placed.put(r, merged.id()));
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The incident takes no more reports; returns whether it was held. */
	public boolean close(IncidentId id) {
		Objects.requireNonNull(id, "id must not be null");
		this.lock.lock();
		try {
			return forget(id);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The current version of an open incident this assigner holds. */
	public Optional<Incident> find(IncidentId id) {
		this.lock.lock();
		try {
			return Optional.ofNullable(this.incidents.get(id));
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Forgets the incidents that can no longer take reports at the clock's time; returns how many. */
	public int evictIdle() {
		this.lock.lock();
		try {
			return evictIdleLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** How many open incidents are held. */
	public int size() {
		this.lock.lock();
		try {
			return this.incidents.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	private int evictIdleLocked() {
		List<IncidentId> evicted = this.index.evictIdle(this.clock.instant());
		evicted.forEach(this::forget);
		return evicted.size();
	}

	private void store(Incident incident) {
		this.incidents.put(incident.id(), incident);
		this.index.put(incident);
	}

	private boolean forget(IncidentId id) {
		this.index.remove(id);
		Incident gone = this.incidents.remove(id);
		if (gone == null) {
			return false;
		}
		gone.reports().forEach(this.placed::remove);
		return true;
	}

	/** The update, with the members that {@code held} has and the update lacks (joined meanwhile). */
	static Incident keepMergedReports(Incident held, Incident update) {
		if (held == null || update.reports().containsAll(held.reports())) {
			return update;
		}
		var members = new ArrayList<>(update.members());
		var reports = new ArrayList<>(update.reports());
		for (int i = 0; i < held.reports().size(); i++) {
			if (!reports.contains(held.reports().get(i))) {
				reports.add(held.reports().get(i));
				members.add(held.members().get(i));
			}
		}
		var reporters = new HashSet<>(update.reporters());
		reporters.addAll(held.reporters());
		var last = held.lastReportAt().isAfter(update.lastReportAt()) ? held.lastReportAt() : update.lastReportAt();
		return new Incident(update.id(), update.state(), update.kind(), update.anchor(), IncidentMerge.mean(members),
				members, reports, reporters, update.openedAt(), last, update.dispatch(), update.verdicts(),
				update.history());
	}

	private IncidentId nextId() {
		IncidentId id = Objects.requireNonNull(this.ids.get(), "the id supplier returned null");
		if (this.incidents.containsKey(id)) {
			throw new IllegalStateException("the id supplier returned an id already in use: " + id);
		}
		return id;
	}

}
