package org.vigia.bot.chat;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.vigia.store.RedisConversationStore;
import org.vigia.core.chat.ReportDraft;

/**
 * Where each private chat's conversation stands, as JSON in Redis under a keyed hash of the chat, with the
 * conversation TTL: a conversation survives a restart, and an abandoned one is forgotten.
 */
public final class Conversations {

	private static final Logger log = LoggerFactory.getLogger(Conversations.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a chat is in the middle of. */
	public enum Mode {

		REPORT, CHECK, JOIN, ON_DUTY,
		/** An observer who consented is choosing the name dispatchers will see. */
		JOIN_NAME

	}

	/**
	 * @param mode what the chat is doing
	 * @param language the person's language
	 * @param draft the report being written (REPORT only)
	 * @param code the invite code being redeemed (JOIN and JOIN_NAME only)
	 */
	public record State(Mode mode, String language, ReportDraft draft, String code) {
	}

	private final RedisConversationStore store;

	public Conversations(RedisConversationStore store) {
		this.store = store;
	}

	public Optional<State> load(long chat) {
		return store.load(chat).flatMap(json -> {
			try {
				return Optional.of(JSON.readValue(json, State.class));
			}
			catch (RuntimeException ex) {
				// a state from an older version: start over rather than fail the chat
				log.warn("Discarded an unreadable conversation state: {}", ex.getClass().getSimpleName());
				store.delete(chat);
				return Optional.empty();
			}
		});
	}

	public void save(long chat, State state) {
		store.save(chat, JSON.writeValueAsString(state));
	}

	public void end(long chat) {
		store.delete(chat);
	}

}
