package org.vigia.core.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.RateLimiter;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportStore;
import org.vigia.core.report.Sighting;
import org.vigia.core.cluster.IncidentAssigner;
import org.vigia.core.cluster.Placement;
import org.vigia.core.config.VigiaSettings;

/**
 * Turns a finished draft into a stored report placed in an incident.
 *
 * <p>The rate limit is looked at when a report starts ({@link #mayStart}), so that a resident over the limit
 * is told before answering the questions, and enforced when it is submitted. Order matters for "nothing
 * stored half-way": the rate limit is counted first (a refused report leaves no trace), then the report is
 * saved with the open-incident retention, then assigned. If assigning fails the report expires with its TTL and the caller tells the resident to
 * call the hotline. Thread-safe if its collaborators are.
 */
public final class ReportIntake {

	private static final char[] ALPHABET = "23456789abcdefghijkmnpqrstuvwxyz".toCharArray();

	private final ReportStore reports;

	private final IncidentAssigner assigner;

	private final RateLimiter limiter;

	private final Clock clock;

	private final Duration retention;

	private final Supplier<ReportId> ids;

	public ReportIntake(ReportStore reports, IncidentAssigner assigner, RateLimiter limiter, Clock clock,
			VigiaSettings settings) {
		this(reports, assigner, limiter, clock, settings, ReportIntake::randomId);
	}

	public ReportIntake(ReportStore reports, IncidentAssigner assigner, RateLimiter limiter, Clock clock,
			VigiaSettings settings, Supplier<ReportId> ids) {
		this.reports = Objects.requireNonNull(reports, "reports");
		this.assigner = Objects.requireNonNull(assigner, "assigner");
		this.limiter = Objects.requireNonNull(limiter, "limiter");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.retention = settings.retention().open();
		this.ids = Objects.requireNonNull(ids, "ids");
	}

	/** What happened to a submitted draft. */
	public sealed interface Outcome {

		/** Stored and placed in an incident. */
		record Accepted(Report report, Placement placement) implements Outcome {
		}

		/** Refused: the reporter sent too many reports recently. Nothing was stored. */
		record RateLimited(Instant retryAt) implements Outcome {
		}

	}

	/**
	 * Whether the reporter may start a report now (counting nothing): a refusal says when they may again.
	 */
	public RateLimiter.Decision mayStart(Pseudonym reporter) {
		return limiter.check(reporter, clock.instant());
	}

	/**
	 * @throws IllegalArgumentException if the draft is not complete (a bug in the flow, not user input)
	 */
	public Outcome submit(ReportDraft draft, Pseudonym reporter) {
		if (!draft.complete()) {
			throw new IllegalArgumentException("draft is not complete at step " + draft.step());
		}
		Instant now = clock.instant();
		RateLimiter.Decision limit = limiter.tryAcquire(reporter, now);
		if (!limit.allowed()) {
			return new Outcome.RateLimited(limit.retryAt());
		}
		var sighting = new Sighting(draft.agents(), draft.vehicles(), draft.uniforms());
		var report = new Report(ids.get(), draft.kind(), draft.location(), draft.placeText(), draft.area(), draft.recency(),
				now.minus(draft.recency().typicalAge()), now, sighting, draft.note(), draft.photo(), reporter,
				draft.language());
		reports.save(report, retention);
		return new Outcome.Accepted(report, assigner.assign(report));
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 16 characters of an unambiguous alphabet: unguessable, and short enough for keys and logs. */
	public static ReportId randomId() {
		var chars = new char[16];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new ReportId(new String(chars));
	}

}
