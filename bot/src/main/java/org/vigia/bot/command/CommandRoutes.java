package org.vigia.bot.command;

import java.util.Map;
import java.util.Optional;

/**
 * The console commands that a feature carries out itself (accompaniment, drills), by type: the command consumer
 * takes them off the stream once, and hands each to its feature's handler, which validates its own fields.
 */
public final class CommandRoutes {

	/** Carries out one console command of a feature. */
	@FunctionalInterface
	public interface Handler {

		/**
		 * @param type the command's type, one of those this handler was routed for
		 * @param command its fields, as the console wrote them (untrusted)
		 * @param again whether a process that died may have carried it out already
		 */
		Result carryOut(String type, Map<String, String> command, boolean again);

	}

	/** What a command came to: done or not, and a detail for the console (no names, no addresses). */
	public record Result(boolean done, String detail) {
	}

	private final Map<String, Handler> byType;

	/** @param byType the handler of each command type */
	public CommandRoutes(Map<String, Handler> byType) {
		this.byType = Map.copyOf(byType);
	}

	Optional<Handler> handler(String type) {
		return Optional.ofNullable(byType.get(type));
	}

}
