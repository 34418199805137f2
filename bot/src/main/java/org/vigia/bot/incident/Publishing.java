package org.vigia.bot.incident;

import java.time.Clock;
import java.util.Optional;

import org.vigia.bot.channel.Publisher;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Transition;
import org.vigia.store.Eventually;

/**
 * What the neighborhood channels show of an incident: the alert posted once observers confirmed it, then marked
 * PUBLISHED with its next deadline; the posts edited as it changes or a dispatcher corrects them.
 */
public final class Publishing {

	private final Changes changes;

	private final Publisher publisher;

	private final Verification.Notices notices;

	private final Deadlines deadlines;

	private final VigiaSettings settings;

	private final IncidentLifecycle lifecycle;

	private final Clock clock;

	public Publishing(Changes changes, Publisher publisher, Verification.Notices notices, Deadlines deadlines,
			VigiaSettings settings, Clock clock) {
		this.changes = changes;
		this.publisher = publisher;
		this.notices = notices;
		this.deadlines = deadlines;
		this.settings = settings;
		this.lifecycle = new IncidentLifecycle(settings);
		this.clock = clock;
	}

	/** Posts the alert to every channel around it, then marks it PUBLISHED and schedules its next deadline. */
	void publish(Incident incident) {
		publisher.publish(incident).thenAccept(count -> Eventually.store("a published incident", () -> {
			Optional<Transition> published = changes.change(incident.id(), i -> i.state() == IncidentState.CONFIRMED
					? Optional.of(lifecycle.published(i, count, clock.instant())) : Optional.empty());
			published.ifPresent(p -> {
				changes.announce(p.incident());
				notices.changed(p.incident());
			});
			changes.find(incident.id()).ifPresent(deadlines::next);
		}));
	}

	/**
	 * Publishes a CONFIRMED incident whose process died before every channel had its post (or before it
	 * was marked PUBLISHED); does nothing while a live process is still posting it.
	 */
	void republish(Incident incident) {
		if (incident.state() == IncidentState.CONFIRMED && !publisher.publishing(incident)) {
			publish(incident);
		}
	}

	/** The posts follow the incident as it is now. */
	void update(Incident incident) {
		publisher.update(incident);
	}

	/** A dispatcher corrected what the channel posts say: kept with the incident, and the posts edited. */
	Optional<Incident> correct(IncidentId id, String text) {
		Optional<Incident> incident = changes.find(id);
		incident.ifPresent(i -> {
			publisher.correct(i, text, settings.retention().open());
			publisher.update(i);
		});
		return incident;
	}

}
