package org.vigia.bot.e2e;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random JSON values, and real updates with one of their fields, wherever it occurs, replaced by one. */
final class RandomJson {

	/** Fields of the Bot API's updates that the bot reads. */
	static final List<String> FIELDS = List.of("update_id", "message", "message_id", "date", "chat", "id", "type", "from",
			"text", "entities", "location", "latitude", "longitude", "callback_query", "data", "contact", "phone_number",
			"edited_message", "language_code", "first_name", "is_bot", "live_period", "username");

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private RandomJson() {
	}

	static Arbitrary<JsonNode> leaves() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200).map(JSON::textNode),
				Arbitraries.integers().map(JSON::numberNode), Arbitraries.longs().map(JSON::numberNode),
				Arbitraries.doubles().map(JSON::numberNode),
				Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).map(JSON::numberNode),
				Arbitraries.of(new BigDecimal("1e999"), new BigDecimal("-1e-999"), new BigDecimal("9".repeat(500)))
					.map(JSON::numberNode),
				Arbitraries.of(true, false).map(JSON::booleanNode), Arbitraries.just(JSON.nullNode()));
	}

	/** Any JSON value up to {@code depth} levels of arrays and objects. */
	static Arbitrary<JsonNode> values(int depth) {
		if (depth == 0) {
			return leaves();
		}
		Arbitrary<JsonNode> array = values(depth - 1).list().ofMaxSize(4).map(items -> {
			ArrayNode node = JSON.arrayNode();
			items.forEach(node::add);
			return node;
		});
		Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS),
				Arbitraries.strings().ofMaxLength(20)), values(depth - 1)).ofMaxSize(4).map(fields -> {
					ObjectNode node = JSON.objectNode();
					fields.forEach(node::set);
					return node;
				});
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaves()), net.jqwik.api.Tuple.of(1, array),
				net.jqwik.api.Tuple.of(2, object));
	}

	/** A copy of the update with every occurrence of {@code field} set to {@code value}. */
	static JsonNode replace(ObjectNode update, String field, JsonNode value) {
		JsonNode copy = update.deepCopy();
		replaceIn(copy, field, value);
		return copy;
	}

	private static void replaceIn(JsonNode node, String field, JsonNode value) {
		if (node instanceof ObjectNode object) {
			if (object.has(field)) {
				object.set(field, value.deepCopy());
			}
			object.properties().forEach(e -> {
				if (!e.getKey().equals(field)) {
					replaceIn(e.getValue(), field, value);
				}
			});
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(item -> replaceIn(item, field, value));
		}
	}

}
