package org.vigia.core.delivery;

import java.util.List;

import org.vigia.core.channel.ChannelPost;
import org.vigia.core.incident.IncidentId;

/**
 * Channel posts: which message was posted for which incident in which channel (to edit it later), each posted
 * once ({@link Deliveries}). An alert is two messages per channel, each delivered once: its text (target: the
 * channel) and its map pin (target: {@link #pin(String) pin:channel}).
 */
public interface PostLedger extends Deliveries {

	/** The ledger target of a channel's map pin. */
	static String pin(String channel) {
		return "pin:" + channel;
	}

	/** Whether a ledger target is a map pin's. */
	static boolean isPin(String target) {
		return target.startsWith("pin:");
	}

	void record(ChannelPost post);

	/**
	 * The posts of an incident that can be edited, by channel name order (a post whose message id is unknown is
	 * recorded with id 0 and is not among them).
	 */
	List<ChannelPost> posts(IncidentId incident);

	/** How many channels have the alert's text (pins are not counted). */
	int channels(IncidentId incident);

}
