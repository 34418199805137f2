package org.vigia.core.incident;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.observer.ObserverId;

/**
 * Decides what the observers' verdicts amount to (DESIGN.md: 2 independent observers agree, or 1 lead
 * observer; a dispatcher decides outside this policy).
 *
 * <p>Design note: only each observer's latest verdict counts, so one person can never make a quorum by
 * answering twice. Verdicts fall into three outcomes: ICE confirmed; not ICE (local police and other
 * agencies count together, since either way it is not immigration enforcement); nothing there. An
 * outcome is reached when at least {@code quorum} distinct observers support it, or a lead observer
 * does, <em>and</em> it has strictly more supporters than each other outcome. A tie stays pending, for
 * more observers or a dispatcher to settle. So one "ICE confirmed" never publishes, and a "local police"
 * majority closes the incident as NOT_ICE even after one observer said ICE.
 *
 * <p>Newcomers cannot make a quorum among themselves: without a lead, an outcome needs at least one
 * supporter who is not a {@link Verdict#newcomer()}. Two officials who register as observers together, then
 * confirm a scene they staged, are two newcomers: the alert waits for an observer of longer standing (or a
 * lead, or a dispatcher), whom they cannot choose (SECURITY.md). Real scenes are slowed only where the first
 * two agreeing observers both joined within the newcomer period.
 */
public final class QuorumPolicy {

	/** What the verdicts decide. */
	public enum Decision {

		PENDING, CONFIRMED, NOT_ICE, UNFOUNDED

	}

	private final int quorum;

	public QuorumPolicy(VigiaSettings.Quorum settings) {
		this.quorum = settings.observers();
	}

	public Decision decide(List<Verdict> verdicts) {
		Map<ObserverId, Verdict> latest = new LinkedHashMap<>();
		for (Verdict v : verdicts) {
			latest.put(v.observer(), v);
		}
		Map<Decision, Integer> support = new EnumMap<>(Decision.class);
		Map<Decision, Boolean> lead = new EnumMap<>(Decision.class);
		Map<Decision, Boolean> seasoned = new EnumMap<>(Decision.class);
		for (Verdict v : latest.values()) {
			Decision d = outcome(v.kind());
			support.merge(d, 1, Integer::sum);
			if (v.lead()) {
				lead.put(d, true);
			}
			if (!v.newcomer()) {
				seasoned.put(d, true);
			}
		}
		for (Decision d : List.of(Decision.CONFIRMED, Decision.NOT_ICE, Decision.UNFOUNDED)) {
			int mine = support.getOrDefault(d, 0);
			boolean enough = mine >= quorum && seasoned.getOrDefault(d, false) || lead.getOrDefault(d, false);
			boolean ahead = support.entrySet().stream().allMatch(e -> e.getKey() == d || e.getValue() < mine);
			if (enough && ahead) {
				return d;
			}
		}
		return Decision.PENDING;
	}

	static Decision outcome(VerdictKind kind) {
		return switch (kind) {
			case ICE_CONFIRMED -> Decision.CONFIRMED;
			case LOCAL_POLICE, OTHER_AGENCY -> Decision.NOT_ICE;
			case NOTHING_THERE -> Decision.UNFOUNDED;
		};
	}

}
