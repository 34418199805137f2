package org.vigia.bot.chat;

import java.util.Optional;

import org.vigia.core.messaging.Address;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.vigia.core.chat.ConversationStore;
import org.vigia.core.accompany.AccompanyDraft;
import org.vigia.core.chat.ReportDraft;
import org.vigia.core.report.CountRange;

/**
 * Where each private chat's conversation stands, as JSON in Redis under a keyed hash of the chat, with the
 * conversation TTL: a conversation survives a restart, and an abandoned one is forgotten.
 *
 * <p>States saved by earlier versions read back: a draft that kept its counts as numbers (agents 4, vehicles 3)
 * reads as the ranges of the buttons those numbers came from ({@link CountRange#standingFor}).
 */
public final class Conversations {

	private static final Logger log = LoggerFactory.getLogger(Conversations.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.addModule(new SimpleModule().addDeserializer(CountRange.class, new CountRangeReader()))
		.build();

	/** What a chat is in the middle of. */
	public enum Mode {

		REPORT, CHECK, JOIN, ON_DUTY,
		/** An observer who consented is choosing the name dispatchers will see. */
		JOIN_NAME,
		/** A person is writing an accompaniment request (issue 13). */
		ACCOMPANY,
		/** Joining as an accompanier: the consent text, then the languages, the places, the name. */
		ACCOMPANIER_JOIN, ACCOMPANIER_LANGUAGES, ACCOMPANIER_PLACES, ACCOMPANIER_NAME

	}

	/**
	 * @param mode what the chat is doing
	 * @param language the person's language
	 * @param draft the report being written (REPORT only)
	 * @param code the invite code being redeemed (JOIN and JOIN_NAME only)
	 * @param question the id of the message showing the draft's current question, once the messenger has taken it
	 * (REPORT only), so that the question can be edited in place; null when not known
	 * @param accompany the accompaniment request being written (ACCOMPANY only)
	 * @param chosen what an accompanier picked so far while joining: languages, then places (ACCOMPANIER_* only)
	 */
	public record State(Mode mode, String language, ReportDraft draft, String code, String question,
			AccompanyDraft accompany, java.util.List<String> chosen) {

		public State {
			chosen = chosen == null ? java.util.List.of() : java.util.List.copyOf(chosen);
		}

		public State(Mode mode, String language, ReportDraft draft, String code, String question) {
			this(mode, language, draft, code, question, null, null);
		}

		public State(Mode mode, String language, ReportDraft draft, String code) {
			this(mode, language, draft, code, null);
		}

		/** An accompaniment request being written. */
		public static State accompany(String language, AccompanyDraft draft) {
			return new State(Mode.ACCOMPANY, language, null, null, null, draft, null);
		}

		/** Joining as an accompanier with this invite code, having picked these so far. */
		public static State signup(Mode mode, String language, String code, java.util.List<String> chosen) {
			return new State(mode, language, null, code, null, null, chosen);
		}

	}

	private final ConversationStore store;

	public Conversations(ConversationStore store) {
		this.store = store;
	}

	public Optional<State> load(Address chat) {
		return store.load(chat.key()).flatMap(json -> {
			Optional<State> state = read(json);
			if (state.isEmpty()) {
				store.delete(chat.key());
			}
			return state;
		});
	}

	public void save(Address chat, State state) {
		store.save(chat.key(), JSON.writeValueAsString(state));
	}

	/**
	 * Remembers that message {@code messageId} shows the question of {@code turn}, unless the conversation moved
	 * on (or ended) since: a compare-and-set, so that a newer step saved meanwhile is never overwritten.
	 */
	public void remember(Address chat, int turn, String messageId) {
		store.load(chat.key()).ifPresent(json -> read(json).ifPresent(state -> {
			if (state.mode() == Mode.REPORT && state.draft() != null && state.draft().turn() == turn
					&& !messageId.equals(state.question())) {
				store.replace(chat.key(), json, JSON.writeValueAsString(
						new State(state.mode(), state.language(), state.draft(), state.code(), messageId)));
			}
		}));
	}

	public void end(Address chat) {
		store.delete(chat.key());
	}

	private static Optional<State> read(String json) {
		try {
			return Optional.of(JSON.readValue(json, State.class));
		}
		catch (RuntimeException ex) {
			// a state this version cannot read: start over rather than fail the chat
			log.warn("Discarded an unreadable conversation state: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/** A count range as saved ({@code {"low":3,"high":5}}), or as a number by versions that kept numbers. */
	private static final class CountRangeReader extends ValueDeserializer<CountRange> {

		@Override
		public CountRange deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
				return CountRange.standingFor(parser.getIntValue());
			}
			JsonNode node = context.readTree(parser);
			return new CountRange(node.path("low").asInt(), node.path("high").asInt());
		}

	}

}
