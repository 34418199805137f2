package org.vigia.core.messaging;

/** The messengers Vigía speaks through; each one is an adapter in {@code bot}. */
public enum Transport {

	/** Telegram's Bot API: buttons, live location, channels. */
	TELEGRAM,
	/** signal-cli's JSON-RPC daemon: no buttons (numbered menus), no location message, announcement groups. */
	SIGNAL,
	/** Drills and the simulator: nothing leaves the process. */
	SIMULATED

}
