package org.vigia.bot.incident;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.incident.Transition;

/**
 * How every part of {@link Verification} changes an incident: one lifecycle step at a time, applied through
 * {@link IncidentStore#update} (an atomic read-change-compare-and-set), and who hears of the changes (the
 * console's live view).
 *
 * <p>Thread-safe: the store's update is atomic; the listener is swapped as a whole.
 */
public final class Changes {

	private static final Logger log = LoggerFactory.getLogger(Changes.class);

	private final IncidentStore incidents;

	private volatile Consumer<Incident> changes = incident -> {
	};

	public Changes(IncidentStore incidents) {
		this.incidents = Objects.requireNonNull(incidents, "incidents must not be null");
	}

	/** The store's atomic update, for steps that decide more than a transition. */
	Optional<Incident> update(IncidentId id, java.util.function.UnaryOperator<Incident> change) {
		return incidents.update(id, change);
	}

	/** The incident as stored now; empty if it is gone. */
	Optional<Incident> find(IncidentId id) {
		return incidents.find(id);
	}

	/** Applies an optional lifecycle step atomically; empty if it did not apply. */
	Optional<Transition> change(IncidentId id, Function<Incident, Optional<Transition>> step) {
		try {
			return step(id, step);
		}
		catch (IllegalStateException ex) {
			log.info("A step on an incident did not apply: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/**
	 * As {@link #change}, but a step that illegal transitions or sustained contention stopped throws
	 * {@link IllegalStateException}, for callers that must tell the person it did not count.
	 */
	Optional<Transition> step(IncidentId id, Function<Incident, Optional<Transition>> step) {
		var result = new AtomicReference<Optional<Transition>>(Optional.empty());
		incidents.update(id, incident -> {
			Optional<Transition> t = step.apply(incident);
			result.set(t);
			return t.map(Transition::incident).orElse(incident);
		});
		return result.get();
	}

	/** Who hears about every change of state (the console's live view, through the event stream). */
	void onChange(Consumer<Incident> listener) {
		this.changes = listener;
	}

	/** Tells the listener; a listener that fails is logged, never the caller's failure. */
	void announce(Incident incident) {
		try {
			changes.accept(incident);
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce an incident change: {}", ex.getClass().getSimpleName());
		}
	}

}
