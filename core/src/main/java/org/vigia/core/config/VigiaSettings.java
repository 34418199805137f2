package org.vigia.core.config;

import java.time.Duration;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * Every policy default of DESIGN.md in one place. Adapters build it from their own configuration
 * ({@code @ConfigurationProperties} in bot and admin) and hand core plain values.
 *
 * @param clustering when two reports are one scene
 * @param dispatch whom to ask, and how the search widens
 * @param quorum how many agreeing verdicts confirm
 * @param deadlines how long an incident may stay unverified, and how long a published alert lives
 * @param retention how long closed data is kept
 * @param rateLimit how many reports one pseudonym may submit
 */
public record VigiaSettings(Clustering clustering, Dispatch dispatch, Quorum quorum, Deadlines deadlines,
		Retention retention, RateLimit rateLimit) {

	public VigiaSettings {
		Objects.requireNonNull(clustering, "clustering must not be null");
		Objects.requireNonNull(dispatch, "dispatch must not be null");
		Objects.requireNonNull(quorum, "quorum must not be null");
		Objects.requireNonNull(deadlines, "deadlines must not be null");
		Objects.requireNonNull(retention, "retention must not be null");
		Objects.requireNonNull(rateLimit, "rateLimit must not be null");
	}

	/** The defaults of DESIGN.md. */
	public static VigiaSettings defaults() {
		return new VigiaSettings(Clustering.DEFAULTS, Dispatch.DEFAULTS, Quorum.DEFAULTS, Deadlines.DEFAULTS,
				Retention.DEFAULTS, RateLimit.DEFAULTS);
	}

	public VigiaSettings withClustering(Clustering value) {
		return new VigiaSettings(value, dispatch, quorum, deadlines, retention, rateLimit);
	}

	public VigiaSettings withDispatch(Dispatch value) {
		return new VigiaSettings(clustering, value, quorum, deadlines, retention, rateLimit);
	}

	public VigiaSettings withQuorum(Quorum value) {
		return new VigiaSettings(clustering, dispatch, value, deadlines, retention, rateLimit);
	}

	public VigiaSettings withDeadlines(Deadlines value) {
		return new VigiaSettings(clustering, dispatch, quorum, value, retention, rateLimit);
	}

	public VigiaSettings withRetention(Retention value) {
		return new VigiaSettings(clustering, dispatch, quorum, deadlines, value, rateLimit);
	}

	public VigiaSettings withRateLimit(RateLimit value) {
		return new VigiaSettings(clustering, dispatch, quorum, deadlines, retention, value);
	}

	/**
	 * @param radiusMeters a report joins an incident whose anchor is at most this far (default 300 m)
	 * @param window ... and whose latest report is at most this old (default 45 min)
	 */
	public record Clustering(double radiusMeters, Duration window) {

		public static final Clustering DEFAULTS = new Clustering(300, Duration.ofMinutes(45));

		public Clustering {
			Checks.between("clustering.radiusMeters", radiusMeters, 1, 50_000);
			positive("clustering.window", window);
		}

	}

	/**
	 * @param observers how many on-duty observers to ask at once (default 5)
	 * @param radiusMeters the first search radius (default 3 km)
	 * @param widenedRadiusMeters the radius after {@code widenAfter} while fewer observers are going than the
	 * quorum needs (default 6 km)
	 * @param widenAfter default 5 min
	 * @param answerWithin an asked observer who has said neither "I'm going" nor "can't" within this stops
	 * holding one of the {@code observers} places while fewer are going than the quorum needs, so the next
	 * nearest is asked; their answer still counts when it comes (default 3 min)
	 */
	public record Dispatch(int observers, double radiusMeters, double widenedRadiusMeters, Duration widenAfter,
			Duration answerWithin) {

		public static final Dispatch DEFAULTS = new Dispatch(5, 3_000, 6_000, Duration.ofMinutes(5),
				Duration.ofMinutes(3));

		public Dispatch {
			Checks.between("dispatch.observers", observers, 1, 100);
			Checks.between("dispatch.radiusMeters", radiusMeters, 1, 200_000);
			Checks.between("dispatch.widenedRadiusMeters", widenedRadiusMeters, radiusMeters, 200_000);
			positive("dispatch.widenAfter", widenAfter);
			positive("dispatch.answerWithin", answerWithin);
		}

	}

	/**
	 * @param observers how many distinct observers must agree (default 2); one lead observer or one
	 * dispatcher is always enough
	 * @param newcomers how long an observer counts as newly joined: newcomers cannot make a quorum among
	 * themselves, at least one agreeing observer must have joined earlier (SECURITY.md, infiltrators); the
	 * network's founders (joined within one period of its first observer) are never newcomers;
	 * {@link Duration#ZERO} turns the rule off
	 */
	public record Quorum(int observers, Duration newcomers) {

		/** How long an observer counts as newly joined, by default. */
		public static final Duration NEWCOMERS = Duration.ofDays(14);

		public static final Quorum DEFAULTS = new Quorum(2, NEWCOMERS);

		public Quorum {
			Checks.between("quorum.observers", observers, 1, 10);
			Objects.requireNonNull(newcomers, "quorum.newcomers must not be null");
			if (newcomers.isNegative() || newcomers.compareTo(Duration.ofDays(365)) > 0) {
				throw new IllegalArgumentException("quorum.newcomers must be between 0 and 365 days, was " + newcomers);
			}
		}

		/** A quorum of {@code observers} with the default newcomer period. */
		public Quorum(int observers) {
			this(observers, NEWCOMERS);
		}

		/**
		 * Whether an observer who joined at {@code joinedAt} is a newcomer at {@code now}: joined within the
		 * newcomer period, and not among the network's founders, who joined within one period of the network's
		 * first observer ({@code firstJoined}). Without that exception a new network, whose observers all joined
		 * in its first days, could not alert anything for its first two weeks.
		 */
		public boolean newcomer(java.time.Instant joinedAt, java.time.Instant firstJoined, java.time.Instant now) {
			return !newcomers.isZero() && joinedAt.isAfter(now.minus(newcomers))
					&& joinedAt.isAfter(firstJoined.plus(newcomers));
		}

	}

	/**
	 * @param unverified NEW or DISPATCHED for longer than this becomes EXPIRED (default 60 min)
	 * @param publishedStale a published alert without re-confirmation for this long shows "unverified
	 * since" (default 2 h)
	 * @param publishedEnd a published alert is ENDED after this long (default 4 h)
	 */
	public record Deadlines(Duration unverified, Duration publishedStale, Duration publishedEnd) {

		public static final Deadlines DEFAULTS = new Deadlines(Duration.ofMinutes(60), Duration.ofHours(2),
				Duration.ofHours(4));

		public Deadlines {
			positive("deadlines.unverified", unverified);
			positive("deadlines.publishedStale", publishedStale);
			positive("deadlines.publishedEnd", publishedEnd);
			if (publishedEnd.compareTo(publishedStale) < 0) {
				throw new IllegalArgumentException("deadlines.publishedEnd must not be shorter than publishedStale, was "
						+ publishedEnd + " < " + publishedStale);
			}
		}

	}

	/**
	 * @param afterClose reports and incidents are purged this long after they close (default 4 h)
	 * @param open the longest an open incident or its reports may live at all, a safety net (default 12 h)
	 * @param conversation an idle conversation is forgotten after this (default 30 min)
	 * @param onDutyPosition an observer's position expires unless refreshed within this (default 2 h)
	 */
	public record Retention(Duration afterClose, Duration open, Duration conversation, Duration onDutyPosition) {

		public static final Retention DEFAULTS = new Retention(Duration.ofHours(4), Duration.ofHours(12),
				Duration.ofMinutes(30), Duration.ofHours(2));

		public Retention {
			positive("retention.afterClose", afterClose);
			positive("retention.open", open);
			positive("retention.conversation", conversation);
			positive("retention.onDutyPosition", onDutyPosition);
		}

	}

	/**
	 * @param burst reports per {@code burstWindow} per pseudonym (default 3 per 5 min)
	 * @param burstWindow default 5 min
	 * @param daily reports per day per pseudonym (default 20)
	 */
	public record RateLimit(int burst, Duration burstWindow, int daily) {

		public static final RateLimit DEFAULTS = new RateLimit(3, Duration.ofMinutes(5), 20);

		public RateLimit {
			Checks.between("rateLimit.burst", burst, 1, 10_000);
			positive("rateLimit.burstWindow", burstWindow);
			Checks.between("rateLimit.daily", daily, burst, 100_000);
		}

	}

	private static void positive(String field, Duration value) {
		Objects.requireNonNull(value, () -> field + " must not be null");
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(field + " must be positive, was " + value);
		}
	}

}
