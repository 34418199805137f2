package org.vigia.bot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigia.bot.messages.Choice;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.core.messaging.Address;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.observer.ObserverStore;

/**
 * Tells an observer on duty in a neighborhood, {@link #BEFORE} before their duty ends, that it will, with one option
 * that renews it there (the same as choosing the neighborhood after /onduty): nothing else tells them that they
 * are about to stop being asked. Run periodically by every process; each duty's end is told once
 * ({@link ObserverStore#claimDutyReminder}). A live location renews itself, and an observer who sent a place is
 * not told (they are somewhere else by now, or they send it again).
 */
public final class DutyReminders {

	/** How long before the end the observer is told (at most half the duty, for short duties). */
	static final Duration BEFORE = Duration.ofMinutes(15);

	private final ObserverStore observers;

	private final NeighborhoodDirectory neighborhoods;

	private final Replies replies;

	private final Duration duty;

	private final Clock clock;

	/** @param duty how long a duty lasts ({@code retention.onDutyPosition}) */
	public DutyReminders(ObserverStore observers, NeighborhoodDirectory neighborhoods, Replies replies, Duration duty,
			Clock clock) {
		this.observers = Objects.requireNonNull(observers, "observers must not be null");
		this.neighborhoods = Objects.requireNonNull(neighborhoods, "neighborhoods must not be null");
		this.replies = Objects.requireNonNull(replies, "replies must not be null");
		this.duty = Objects.requireNonNull(duty, "duty must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/** Tells every observer whose duty in a neighborhood ends soon, once per end. */
	public void remind() {
		Instant now = clock.instant();
		Duration before = BEFORE.compareTo(duty.dividedBy(2)) < 0 ? BEFORE : duty.dividedBy(2);
		observers.dutyEndingBy(now.plus(before)).forEach((id, end) -> remind(id, end, now));
	}

	private void remind(ObserverId id, Instant end, Instant now) {
		Optional<Neighborhood> area = observers.dutyArea(id).flatMap(neighborhoods::chosen);
		Optional<Observer> observer = observers.find(id);
		if (area.isEmpty() || observer.isEmpty() || !observers.claimDutyReminder(id, end)) {
			return;
		}
		Address chat = Address.ofKey(observer.get().chat());
		String language = observer.get().language();
		long minutes = Math.max(1, (Duration.between(now, end).toSeconds() + 59) / 60);
		String name = area.get().name();
		replies.say(chat, language,
				List.of(List.of(replies.option(language, "observer.onduty.stay",
						new Choice.DutyArea(area.get().id().key()).value(), name))),
				"observer.onduty.ending", name, minutes);
	}

}
