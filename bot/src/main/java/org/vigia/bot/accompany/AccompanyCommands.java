package org.vigia.bot.accompany;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanierStore;
import org.vigia.core.accompany.AccompanyNotices;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentStore;
import org.vigia.core.accompany.DetentionCase;

/**
 * The console's accompaniment commands, carried out by the bot's command consumer: {@code accompany-assign}
 * (fields {@code appointment}, {@code accompanier}) assigns an accompanier by hand, {@code accompany-close-case}
 * (fields {@code appointment}, {@code reason}, 1 to 300 characters) closes a detention case. The change is
 * stored, then the people concerned are told through {@link AccompanyNotices}.
 *
 * <p>Taken over after a crash ({@code again}), a change already stored is answered as done and the people are
 * told again: a second message is better than none, and the process that died may not have sent the first.
 */
public final class AccompanyCommands {

	/** The command types, as the console sends them. */
	public static final String ASSIGN = "accompany-assign";

	public static final String CLOSE_CASE = "accompany-close-case";

	private static final String ID = "[A-Za-z0-9_-]{1,32}";

	private final AppointmentStore appointments;

	private final AccompanierStore accompaniers;

	private final List<AccompanyNotices> notices;

	private final Clock clock;

	/** What a command came to: done or not, and a detail for the console (no names, no addresses). */
	public record Result(boolean done, String detail) {
	}

	/**
	 * @param notices who tells people (the bot's accompaniment package); with none, the answers say that nobody was
	 * told
	 */
	public AccompanyCommands(AppointmentStore appointments, AccompanierStore accompaniers, List<AccompanyNotices> notices,
			Clock clock) {
		this.appointments = Objects.requireNonNull(appointments, "appointments must not be null");
		this.accompaniers = Objects.requireNonNull(accompaniers, "accompaniers must not be null");
		this.notices = List.copyOf(notices);
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	public Result carryOut(String type, Map<String, String> command, boolean again) {
		String appointment = command.getOrDefault("appointment", "");
		if (!appointment.matches("[A-Za-z0-9_-]{1,16}")) {
			return new Result(false, "missing or malformed appointment id");
		}
		var id = new AppointmentId(appointment);
		return switch (type) {
			case ASSIGN -> assign(id, command.getOrDefault("accompanier", ""), again);
			case CLOSE_CASE -> closeCase(id, command.getOrDefault("reason", "").strip(), again);
			default -> new Result(false, "unknown command type");
		};
	}

	private Result assign(AppointmentId id, String raw, boolean again) {
		if (!raw.matches(ID)) {
			return new Result(false, "missing or malformed accompanier id");
		}
		Optional<Accompanier> who = accompaniers.find(new AccompanierId(raw));
		if (who.isEmpty()) {
			return new Result(false, "no such accompanier");
		}
		var change = appointments.update(id, a -> a.assignByHand(who.get().id(), clock.instant()));
		if (change.isEmpty()) {
			return new Result(false, "no such appointment");
		}
		return switch (change.get().outcome()) {
			case DONE -> told(change.get().appointment(), n -> n.assignedByHand(change.get().appointment(), who.get()),
					"assigned");
			case UNCHANGED -> again
					? told(change.get().appointment(), n -> n.assignedByHand(change.get().appointment(), who.get()), "assigned")
					: new Result(true, "assigned already");
			case FULL -> new Result(false, "the appointment has all the accompaniers it asked for");
			case CANCELLED -> new Result(false, "the appointment was cancelled");
			default -> new Result(false, "not possible now");
		};
	}

	private Result closeCase(AppointmentId id, String reason, boolean again) {
		if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > DetentionCase.MAX_REASON) {
			return new Result(false, "closing a case needs a reason of 1 to " + DetentionCase.MAX_REASON + " characters");
		}
		var change = appointments.update(id, a -> a.closeCase(reason, clock.instant()));
		if (change.isEmpty()) {
			return new Result(false, "no such appointment");
		}
		Appointment after = change.get().appointment();
		return switch (change.get().outcome()) {
			case DONE -> told(after, n -> n.caseClosed(after), "case closed");
			case UNCHANGED -> again ? told(after, n -> n.caseClosed(after), "case closed")
					: new Result(true, "case closed already");
			default -> new Result(false, "the appointment has no detention case");
		};
	}

	private Result told(Appointment appointment, Consumer<AccompanyNotices> tell, String what) {
		if (notices.isEmpty()) {
			return new Result(true, what + "; nobody told: no messenger is wired for accompaniment yet");
		}
		notices.forEach(tell);
		return new Result(true, what);
	}

}
