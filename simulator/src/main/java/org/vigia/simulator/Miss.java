package org.vigia.simulator;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.ObserverId;

/**
 * Why a real scene was not alerted, read from what the engine did with the incidents that hold its reports: whom
 * it asked, who said "I'm going", what they answered and when, and how each incident closed. The first reason
 * that fits, in the order of the constants: a scene that nobody went to is "nobody went" whatever else happened.
 *
 * <p>Design note: the engine's record is the incident (its dispatch, verdicts and history); the simulator adds
 * only what the engine cannot know, when the scene really ended. "Asked after the first went" is read from the
 * history's "observers asked" events after the first "observer going" event.
 */
enum Miss {

	/** No report of the scene reached an incident (every one refused or never sent). */
	NOT_REPORTED("no report reached the engine"),
	/** No incident of the scene asked anyone: no observer on duty within the widened radius. */
	NOBODY_ASKED("nobody was asked"),
	/** Observers were asked; none said "I'm going". */
	NOBODY_WENT("asked, nobody went"),
	/** Enough observers went, but to different incidents of the split scene: no part had a quorum going. */
	SPLIT("went, but to different parts of a split scene"),
	/** Fewer went than the quorum needs, and nobody more was asked once the first said "I'm going". */
	TOO_FEW_NONE_ASKED_AFTER("too few went; nobody more asked after the first went"),
	/** Fewer went than the quorum needs, though more observers were asked after the first went. */
	TOO_FEW("too few went, though more were asked"),
	/** Enough went; one or more arrived after the scene ended and saw nothing. */
	ARRIVED_AFTER_END("enough went; some arrived after the scene ended"),
	/** Enough went while the scene lasted, but one or more answered wrong (an observer's mistake). */
	DISAGREED("enough went; one or more answered wrong"),
	/** Enough confirmed, but only newcomers: the quorum waits for an observer of longer standing. */
	NEWCOMERS_ONLY("confirmed only by newcomers"),
	/** Enough went, but the incident expired (or the day ended) before enough of them answered. */
	EXPIRED_ON_THE_WAY("enough went; expired before they answered"),
	/** Anything else (kept so that the counts add up). */
	OTHER("other");

	final String label;

	Miss(String label) {
		this.label = label;
	}

	/**
	 * Why the real scene {@code scene}, which was not alerted, was not.
	 *
	 * @param parts the incidents holding any of its reports
	 * @param quorum how many observers must agree
	 */
	static Miss of(Scene scene, Collection<Incident> parts, int quorum) {
		if (parts.isEmpty()) {
			return NOT_REPORTED;
		}
		if (parts.stream().allMatch(i -> i.dispatch().asked().isEmpty())) {
			return NOBODY_ASKED;
		}
		if (parts.stream().allMatch(i -> went(i).isEmpty())) {
			return NOBODY_WENT;
		}
		Incident best = parts.stream()
			.max(Comparator.<Incident>comparingInt(i -> went(i).size())
				.thenComparing(i -> i.verdicts().size())
				.thenComparing(Incident::openedAt, Comparator.reverseOrder()))
			.orElseThrow();
		if (went(best).size() < quorum) {
			Set<ObserverId> all = new HashSet<>();
			parts.forEach(i -> all.addAll(went(i)));
			if (parts.size() > 1 && all.size() >= quorum) {
				return SPLIT;
			}
			return askedAfterFirstWent(best) ? TOO_FEW : TOO_FEW_NONE_ASKED_AFTER;
		}
		boolean late = best.verdicts().stream()
			.anyMatch(v -> v.kind() != VerdictKind.ICE_CONFIRMED && !v.at().isBefore(scene.end()));
		if (late) {
			return ARRIVED_AFTER_END;
		}
		if (best.verdicts().stream().anyMatch(v -> v.kind() != VerdictKind.ICE_CONFIRMED)) {
			return DISAGREED;
		}
		long confirmed = best.verdicts().stream().filter(v -> v.kind() == VerdictKind.ICE_CONFIRMED).count();
		if (confirmed >= quorum && best.verdicts().stream().allMatch(Verdict::newcomer)) {
			return NEWCOMERS_ONLY;
		}
		if (best.state() == IncidentState.EXPIRED || best.state().unverified()) {
			return EXPIRED_ON_THE_WAY;
		}
		return OTHER;
	}

	/** Who said "I'm going" to an incident and did not take it back (those who answered included). */
	private static Set<ObserverId> went(Incident incident) {
		var went = new HashSet<>(incident.dispatch().going());
		incident.verdicts().forEach(v -> went.add(v.observer()));
		return went;
	}

	private static boolean askedAfterFirstWent(Incident incident) {
		Optional<Instant> firstWent = incident.history().stream().filter(e -> e.reason().equals("observer-going"))
			.map(IncidentEvent::at).findFirst();
		return firstWent.isPresent() && incident.history().stream()
			.anyMatch(e -> e.reason().startsWith("observers-asked:") && e.at().isAfter(firstWent.get()));
	}

}
