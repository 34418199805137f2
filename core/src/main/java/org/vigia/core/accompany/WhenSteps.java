package org.vigia.core.accompany;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.vigia.core.chat.Input;
import org.vigia.core.chat.Text;

/**
 * The day and time questions of {@link AccompanyFlow}: a button of the days and half hours offered, or a date and
 * time typed ({@link TypedWhen}). The past, a day more than a year ahead, a time outside 6:00–21:59 and a button
 * that was never offered are refused; a time chosen is shown back in words.
 */
final class WhenSteps {

	/** Appointments are between these hours; anything else is taken as a typing mistake. */
	static final LocalTime EARLIEST = LocalTime.of(6, 0);

	static final LocalTime LATEST = LocalTime.of(21, 59);

	/**
	 * What an answer did: the next draft with, maybe, a note to say before its question; or, with no draft, the
	 * same question again after the note.
	 */
	record Outcome(AccompanyDraft next, Text note) {

		static Outcome next(AccompanyDraft draft) {
			return new Outcome(draft, null);
		}

		static Outcome again(String why) {
			return new Outcome(null, Text.of(why));
		}

		static Outcome again(Text why) {
			return new Outcome(null, why);
		}

	}

	private final ZoneId zone;

	private final Clock clock;

	WhenSteps(ZoneId zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	Outcome day(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c && c.value().startsWith("d")) {
			LocalDate today = today();
			for (int i = 0; i < AccompanyQuestions.DAYS_OFFERED; i++) {
				if (AccompanyFlow.DAY_VALUE.format(today.plusDays(i)).equals(c.value())) {
					return Outcome.next(draft.withDay(today.plusDays(i)).at(AccompanyStep.TIME));
				}
			}
			return Outcome.again("accompany.error.stale");
		}
		if (input instanceof Input.Typed t) {
			var read = TypedWhen.read(t.text(), draft.language(), today());
			if (read.date() == null) {
				return Outcome.again("accompany.day.error.unreadable");
			}
			Optional<String> wrong = wrongDay(read.date());
			if (wrong.isPresent()) {
				return Outcome.again(wrong.get());
			}
			if (read.time() != null) {
				return chosen(draft.withDay(read.date()).at(AccompanyStep.TIME), read.time());
			}
			return Outcome.next(draft.withDay(read.date()).at(AccompanyStep.TIME));
		}
		return Outcome.again("accompany.error.useButtons");
	}

	Outcome time(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c && c.value().startsWith("t")) {
			for (LocalTime offered : AccompanyQuestions.TIMES_OFFERED) {
				if (AccompanyFlow.TIME_VALUE.format(offered).equals(c.value())) {
					return chosen(draft, offered);
				}
			}
			return Outcome.again("accompany.error.stale");
		}
		if (input instanceof Input.Typed t) {
			var read = TypedWhen.read(t.text(), draft.language(), today());
			if (read.time() == null) {
				return Outcome.again("accompany.time.error.unreadable");
			}
			if (read.date() != null) {
				Optional<String> wrong = wrongDay(read.date());
				if (wrong.isPresent()) {
					return Outcome.again(wrong.get());
				}
				return chosen(draft.withDay(read.date()), read.time());
			}
			return chosen(draft, read.time());
		}
		return Outcome.again("accompany.error.useButtons");
	}

	/** A time for the draft's day: refused when odd or past, else shown back in words with the next question. */
	private Outcome chosen(AccompanyDraft draft, LocalTime time) {
		if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
			return Outcome.again(Text.of("accompany.time.error.odd", WhenWords.time(time, draft.language())));
		}
		LocalDateTime at = draft.day().atTime(time);
		if (!at.atZone(zone).toInstant().isAfter(clock.instant())) {
			return Outcome.again("accompany.time.error.past");
		}
		return new Outcome(draft.withAt(at).at(AccompanyStep.LANGUAGE),
				Text.of("accompany.when.got", WhenWords.words(at, draft.language())));
	}

	private Optional<String> wrongDay(LocalDate day) {
		LocalDate today = today();
		if (day.isBefore(today)) {
			return Optional.of("accompany.day.error.past");
		}
		if (day.isAfter(today.plusDays(AccompanyRequest.MAX_AHEAD.toDays() - 1))) {
			return Optional.of("accompany.day.error.far");
		}
		return Optional.empty();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

}
