package org.vigia.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.vigia.core.incident.IncidentId;

/**
 * Messages that must reach a target once per incident (a channel's alert, an observer's prompt), across
 * instances, retries and restarts.
 *
 * <p>Protocol: {@link #claim} before sending; {@link #record} once the messenger took the message;
 * {@link #release} if sending certainly failed, so that a later attempt may claim again. A claim made by a
 * process that died before recording is taken over by the next claim: the message is sent after all (a rare
 * duplicate is preferred over an alert or a prompt that never arrives).
 */
public interface Deliveries {

	/** Whether the caller may send to this target now: not delivered yet, and nobody alive is sending. */
	boolean claim(IncidentId incident, String target);

	/** Gives up a claim after a send that certainly failed. */
	void release(IncidentId incident, String target);

	/** The messenger took the message: its id, to edit it later. */
	void record(IncidentId incident, String target, long messageId);

	/** What was delivered for an incident: target → message id, in target order. */
	Map<String, Long> delivered(IncidentId incident);

	/** Whether a live process holds a claim to this target that it has not recorded yet: a send in flight. */
	boolean inFlight(IncidentId incident, String target);

	/** Sets the remaining lifetime of an incident's records and claims (when it closes). */
	void retain(IncidentId incident, List<String> targets, Duration remaining);

}
