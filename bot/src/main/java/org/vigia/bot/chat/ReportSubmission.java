package org.vigia.bot.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.incident.Verification;
import org.vigia.bot.incident.Verification.Reach;
import org.vigia.store.Eventually;
import org.vigia.store.Pseudonyms;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.stats.Stats;
import org.vigia.core.support.StoreUnavailableException;
import org.vigia.core.chat.Prompt;
import org.vigia.core.messaging.Address;
import org.vigia.core.chat.ReportDraft;
import org.vigia.core.chat.ReportIntake;
import org.vigia.core.chat.Text;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.report.RateLimiter;

/**
 * A confirmed draft becomes a report: stored, placed in an incident, observers asked; and the resident learns
 * in one message what happens now. Volunteers nearby are asked to check; or the scene is verified already; or
 * no observer on duty is near enough, and then the resident is told so with the hotline, and the dispatchers
 * hear of the new scene at once (they alone can act on it).
 *
 * <p>Order matters for "nothing stored half-way": the report is saved first; from then on the resident is
 * thanked whatever Redis does next, and what Redis misses now is written when it is back, or done by the
 * recovery sweep (dispatch, deadline).
 */
public final class ReportSubmission {

	private static final Logger log = LoggerFactory.getLogger(ReportSubmission.class);

	/**
	 * Report counts of one unverified scene at which dispatchers are alerted: a crowd of new accounts
	 * reporting the same scene is the shape of a false-report flood (each count is reached exactly once,
	 * since joins are serialised by the incident's compare-and-set).
	 */
	static final Set<Integer> SURGE_THRESHOLDS = Set.of(10, 50, 200, 500, 1000);

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	/**
	 * What to show the resident.
	 *
	 * @param prompt the one message
	 * @param done whether the report is settled (stored, or refused for good) and the conversation over; false
	 * when it could not be saved and the resident may try again
	 */
	public record Answer(Prompt prompt, boolean done) {
	}

	private final ReportIntake intake;

	private final Verification verification;

	private final Dispatchers dispatchers;

	private final ChatStates state;

	private final Pseudonyms pseudonyms;

	private final Stats stats;

	private final VigiaSettings settings;

	private final String hotline;

	private final ZoneId zone;

	public ReportSubmission(ReportIntake intake, Verification verification, Dispatchers dispatchers,
			ChatStates state, Pseudonyms pseudonyms, Stats stats, VigiaSettings settings, String hotline,
			ZoneId zone) {
		this.zone = zone;
		this.intake = intake;
		this.verification = verification;
		this.dispatchers = dispatchers;
		this.state = state;
		this.pseudonyms = pseudonyms;
		this.stats = stats;
		this.settings = settings;
		this.hotline = hotline;
	}

	/**
	 * The answer to a resident over the rate limit who starts a report, saying from when they may send another,
	 * with the hotline; empty when they may start (the limit is enforced again, atomically, at submission).
	 */
	public Optional<Prompt> refusal(Address chat) {
		RateLimiter.Decision limit = intake.mayStart(pseudonyms.of(chat.key()));
		return limit.allowed() ? Optional.empty() : Optional.of(rateLimited(limit.retryAt()));
	}

	private Prompt rateLimited(Instant retryAt) {
		// the minute shown is one at which the resident may really send: rounded up
		return Prompt.say(Text.of("rate.limited", hotline, HOURS.format(retryAt.plusSeconds(59).atZone(zone))));
	}

	/**
	 * @param follow whether the resident asked to hear what volunteers find (their chat id is then kept with the
	 * incident until they are told)
	 */
	public Answer submit(Address chat, ReportDraft draft, boolean follow) {
		ReportIntake.Outcome outcome;
		try {
			outcome = intake.submit(draft, pseudonyms.of(chat.key()));
		}
		catch (StoreUnavailableException | IllegalStateException ex) {
			// Redis unreachable, or the incident kept changing under sustained contention: the resident is
			// told to call the hotline rather than left without an answer; the draft stays for a retry
			log.warn("Could not save a report: {}", ex.getClass().getSimpleName());
			return new Answer(Prompt.say(Text.of("store.unavailable", hotline)), false);
		}
		if (outcome instanceof ReportIntake.Outcome.RateLimited limited) {
			return new Answer(rateLimited(limited.retryAt()), true);
		}
		var accepted = (ReportIntake.Outcome.Accepted) outcome;
		Incident incident = accepted.placement().incident();
		if (follow) {
			Eventually.store("a resident who asked to hear the outcome",
					() -> state.follow(incident.id(), chat.key(), draft.language(), settings.retention().open()));
		}
		stats.count("reports");
		Reach reach = Reach.ASKED;
		try {
			reach = dispatch(incident, accepted.placement().opened());
			if (reach == Reach.NOBODY_NEAR && accepted.placement().opened()) {
				dispatchers.nobodyNear(incident);
			}
		}
		catch (StoreUnavailableException | IllegalStateException ex) {
			log.warn("Redis unavailable after a report was saved: its incident is dispatched when Redis is back");
		}
		return new Answer(Prompt.say(Text.of("paragraphs", thanks(incident, reach, follow), Text.of("report.advice"))),
				true);
	}

	private Reach dispatch(Incident incident, boolean opened) {
		if (opened) {
			return verification.opened(incident);
		}
		if (!incident.state().unverified()) {
			return Reach.DECIDED;
		}
		if (SURGE_THRESHOLDS.contains(incident.reports().size())) {
			verification.surge(incident);
		}
		return verification.dispatchWave(incident.id());
	}

	/** The thanks, saying honestly what happens now. */
	private Text thanks(Incident placedIn, Reach reach, boolean follow) {
		if (placedIn.state() == IncidentState.CONFIRMED || placedIn.state() == IncidentState.PUBLISHED) {
			return Text.of("report.thanks.verified");
		}
		if (reach == Reach.NOBODY_NEAR) {
			return Text.of(follow ? "report.thanks.nobodyNear.follow" : "report.thanks.nobodyNear", hotline);
		}
		return Text.of(follow ? "report.thanks.follow" : "report.thanks");
	}

}
