package org.vigia.core.chat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.ObserverId;

/**
 * The small, short-lived pieces of chat state that are not conversations: button tokens sent to observers,
 * residents who asked to hear an outcome, observer invite codes, language choices, sanitised photos and
 * dispatchers' corrections. Every piece expires; implementations are thread-safe and throw
 * {@link org.vigia.core.support.StoreUnavailableException} when they cannot reach their storage in time.
 */
public interface ChatStates {

	/**
	 * The buttons of one message sent to one observer about one incident: who may press them, what they are
	 * about, and which actions they offer (nothing else may be done with the token).
	 *
	 * @param chat the key of the observer's address ({@code Address.key()}: a Telegram chat id as before)
	 * @param actions the action names the message offers, each 1 to 16 of [a-z-]
	 */
	record Button(ObserverId observer, IncidentId incident, String chat, Set<String> actions) {

		public Button {
			actions = Set.copyOf(actions);
			for (String action : actions) {
				if (!action.matches("[a-z-]{1,16}")) {
					throw new IllegalArgumentException("an action name is 1 to 16 of a-z and '-', was " + action.length()
							+ " characters");
				}
			}
		}

		/** Whether the message offered this action. */
		public boolean offers(String action) {
			return actions.contains(action);
		}

	}

	/**
	 * Stores what a button token stands for, for {@code ttl}.
	 *
	 * @param token 16 to 32 lower-case hex characters, unguessable (a keyed hash or random)
	 */
	void issue(String token, Button button, Duration ttl);

	/** The button a token stands for, if it exists and has not expired or been used up. */
	Optional<Button> button(String token);

	/**
	 * Makes these buttons expire within {@code ttl}, never later than they would have; unknown or used tokens
	 * are skipped.
	 */
	void retainButtons(Collection<String> tokens, Duration ttl);

	/** Uses up a token: its buttons do nothing from now on. */
	void revoke(String token);

	/**
	 * Remembers that this chat wants to hear the incident's outcome, in this language (asking twice is
	 * remembered once), never in clear. The set lives {@code ttl} from the last one who asked.
	 */
	void follow(IncidentId incident, String chat, String language, Duration ttl);

	/** The chats waiting for the outcome, as {chat key, language}, forgotten as they are returned: each hears it once. */
	List<String[]> takeFollowers(IncidentId incident);

	/** A new single-use invite code, valid for {@code ttl}. */
	String newInvite(String createdBy, Duration ttl);

	/** Uses up an invite code: true exactly once, if it exists and has not expired. */
	boolean redeemInvite(String code);

	/** Whether an invite code exists (without using it). */
	boolean inviteExists(String code);

	/** Keeps the language a person chose (under a keyed hash of them) for {@code ttl}. */
	void language(String personHash, String language, Duration ttl);

	Optional<String> language(String personHash);

	/** Keeps a sanitised photo for {@code ttl}; returns its ref. */
	String photo(byte[] jpeg, Duration ttl);

	Optional<byte[]> photo(String ref);

	/** A dispatcher's correction of an incident's channel posts, kept as long as the incident may be shown. */
	void correction(IncidentId incident, String text, Duration ttl);

	Optional<String> correction(IncidentId incident);

}
