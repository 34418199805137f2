package org.vigia.core.chat;

import java.util.Optional;

/**
 * Where each chat's conversation state lives between messages, as text, by the key of the chat's address.
 * States expire when a conversation is left alone; implementations are thread-safe.
 */
public interface ConversationStore {

	Optional<String> load(String chatKey);

	void save(String chatKey, String state);

	/** Saves {@code state} only if the stored one is still {@code expected}; returns whether it did. */
	boolean replace(String chatKey, String expected, String state);

	void delete(String chatKey);

}
