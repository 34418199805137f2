package org.vigia.bot.telegram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads every update of a getUpdates batch even when one of them does not fit telegrambots' model.
 *
 * <p>Design note: the library deserializes a whole batch at once; one update it cannot read (a location without
 * latitude, a photo size beyond an {@code int}, a string where a number belongs) fails the batch, the offset
 * never moves past it, and long polling asks for the same batch forever: the bot stops serving everyone. With
 * this module an unreadable update becomes an empty update that keeps only its {@code update_id}, so the offset
 * moves on and the handler ignores it (it belongs to no chat); one without a readable id gets id 0, which the
 * poller drops as already received. A message without a chat counts as unreadable too: it cannot be answered,
 * and routing it by chat would throw. Nothing of an unreadable update is logged.
 *
 * <p>telegrambots reads getUpdates answers with a static mapper of its own, whatever mapper the poller was given:
 * long polling must ask with {@link #getUpdates} (a GetUpdates that reads its answer with this module), and the
 * webhook must read its body with a mapper that registered this module.
 */
final class LenientUpdates extends SimpleModule {

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
		.registerModule(new LenientUpdates());

	private static final TypeReference<ApiResponse<ArrayList<Update>>> BATCH = new TypeReference<>() {
	};

	LenientUpdates() {
		super("vigia-lenient-updates");
		setDeserializerModifier(new BeanDeserializerModifier() {

			@Override
			public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
					JsonDeserializer<?> deserializer) {
				return description.getBeanClass() == Update.class ? new Lenient(deserializer) : deserializer;
			}

		});
	}

	/** A getUpdates call whose answer is read update by update, so that one unreadable update cannot block polling. */
	static GetUpdates getUpdates(int offset, int timeout, List<String> allowedUpdates) {
		var call = new LenientGetUpdates();
		call.setOffset(offset);
		call.setTimeout(timeout);
		call.setAllowedUpdates(allowedUpdates);
		return call;
	}

	private static final class LenientGetUpdates extends GetUpdates {

		@Override
		public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
			ApiResponse<ArrayList<Update>> response;
			try {
				response = MAPPER.readValue(answer, BATCH);
			}
			catch (IOException ex) {
				throw new TelegramApiRequestException("Unable to deserialize response", ex);
			}
			if (!Boolean.TRUE.equals(response.getOk())) {
				throw new TelegramApiRequestException("Error executing getUpdates", response);
			}
			return response.getResult();
		}

	}

	private static final class Lenient extends StdDeserializer<Update> implements ResolvableDeserializer {

		private final JsonDeserializer<?> strict;

		Lenient(JsonDeserializer<?> strict) {
			super(Update.class);
			this.strict = strict;
		}

		@Override
		public Update deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			// the whole update is read first, so a failure inside it leaves the parser at the next one
			JsonNode tree = parser.readValueAsTree();
			try (JsonParser again = tree.traverse(parser.getCodec())) {
				again.nextToken();
				Update update = (Update) strict.deserialize(again, context);
				if (!withoutChat(update)) {
					return update;
				}
			}
			catch (IOException | RuntimeException ex) {
				// unreadable: an update for nobody, below
			}
			var stub = new Update();
			JsonNode id = tree.get("update_id");
			stub.setUpdateId(id != null && id.isIntegralNumber() && id.canConvertToInt() ? id.intValue() : 0);
			return stub;
		}

		/** A message that belongs to no chat cannot be routed (and UpdateIntake.chatOf would throw on it). */
		private static boolean withoutChat(Update update) {
			return update.getMessage() != null && update.getMessage().getChat() == null
					|| update.getEditedMessage() != null && update.getEditedMessage().getChat() == null;
		}

		@Override
		public void resolve(DeserializationContext context) throws JsonMappingException {
			if (strict instanceof ResolvableDeserializer resolvable) {
				resolvable.resolve(context);
			}
		}

	}

}
