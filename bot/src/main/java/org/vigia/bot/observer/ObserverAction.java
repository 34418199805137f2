package org.vigia.bot.observer;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.vigia.core.incident.VerdictKind;

/**
 * What an observer's button does, by name: the protocol is {@code o:{token}:{name}} ({@code Choice.ObserverAnswer}),
 * at most 2 + 32 + 1 + 7 bytes, well within Telegram's 64. A token offers only the actions of its message
 * ({@link PromptButtons.Kind}); any other name on it does nothing.
 */
public enum ObserverAction {

	GOING("going", null), CANT("cant", null), ICE("ice", VerdictKind.ICE_CONFIRMED),
	POLICE("police", VerdictKind.LOCAL_POLICE), OTHER("other", VerdictKind.OTHER_AGENCY),
	NOTHING("nothing", VerdictKind.NOTHING_THERE), LEFT("left", null);

	private final String name;

	private final VerdictKind verdict;

	ObserverAction(String name, VerdictKind verdict) {
		this.name = name;
		this.verdict = verdict;
	}

	/** The name in callback data. */
	public String value() {
		return name;
	}

	/** The verdict this action gives, if it is one. */
	public Optional<VerdictKind> verdict() {
		return Optional.ofNullable(verdict);
	}

	/** The action of a name, exactly (case matters); empty for anything else. */
	public static Optional<ObserverAction> of(String name) {
		for (ObserverAction a : values()) {
			if (a.name.equals(name)) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}

	/** The verdict actions, in the order the buttons show them. */
	static final Set<ObserverAction> VERDICTS = EnumSet.of(ICE, POLICE, OTHER, NOTHING);

}
