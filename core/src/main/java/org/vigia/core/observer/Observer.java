package org.vigia.core.observer;

import java.time.Instant;
import java.util.Objects;

import org.vigia.core.support.Checks;

/**
 * A trained volunteer who registered with an invite code and consented to storing the address needed
 * to reach them. Their position is not part of this record: it is kept only while they are on duty
 * (see {@link ObserverStore#onDuty}).
 *
 * @param id opaque id
 * @param alias a name dispatchers know them by (never their Telegram name unless they chose it), at most 40 characters
 * @param chat the private chat in which the bot reaches them, as its address's key ({@code Address.key()}: a
 * Telegram chat id, as stored before there were other messengers; {@code "signal:"} and a service id on Signal)
 * @param lead whether a lead observer (their verdict alone makes quorum)
 * @param language "en", "es", ...
 * @param joinedAt when they registered
 */
public record Observer(ObserverId id, String alias, String chat, boolean lead, String language, Instant joinedAt) {

	public Observer {
		Objects.requireNonNull(id, "id must not be null");
		Checks.text("alias", alias, 40);
		Checks.text("chat", chat, 100);
		Checks.token("language", language, 8);
		Objects.requireNonNull(joinedAt, "joinedAt must not be null");
	}

	public Observer withLead(boolean newLead) {
		return new Observer(id, alias, chat, newLead, language, joinedAt);
	}

	@Override
	public String toString() {
		return "Observer[" + id + (lead ? ", lead" : "") + "]";
	}

}
