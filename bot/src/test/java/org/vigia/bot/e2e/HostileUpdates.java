package org.vigia.bot.e2e;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.vigia.bot.telegram.FakeTelegram;

/**
 * Hostile updates of the kinds the fake Bot API does not build itself (venues, places with coordinates that are
 * not numbers on Earth, messages in groups), and jqwik generators of hostile media and places.
 *
 * <p>What reaches the bot for NaN and the infinities: Jackson writes them as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} (a JSON number cannot hold them), and the Bot API mapper reads those
 * strings back as the doubles; {@code 1e999} is a JSON number that reads as infinity. Both forms are sent.
 */
final class HostileUpdates {

	/** One hostile input: its category for the counts, what it is, the update for a user, and a phone it carries. */
	record Hostile(String category, String what, LongFunction<ObjectNode> update, String phone) {

		@Override
		public String toString() {
			return category + ": " + what;
		}

	}

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	/** Coordinates that are not a place on Earth, as JSON values (numbers, special strings, other types). */
	static final List<JsonNode> ABSURD = List.of(JSON.numberNode(Double.NaN), JSON.numberNode(Double.POSITIVE_INFINITY),
			JSON.numberNode(Double.NEGATIVE_INFINITY), JSON.numberNode(new BigDecimal("1e999")),
			JSON.numberNode(new BigDecimal("-1e999")), JSON.numberNode(1e300), JSON.numberNode(-1e300),
			JSON.numberNode(90.0000001), JSON.numberNode(-90.5), JSON.numberNode(180.000001), JSON.numberNode(-181),
			JSON.numberNode(Double.MAX_VALUE), JSON.numberNode(-Double.MIN_VALUE), JSON.numberNode(Long.MAX_VALUE),
			JSON.numberNode(new BigDecimal("1" + "0".repeat(400))));

	private HostileUpdates() {
	}

	/** A message with nothing in it yet but its sender and chat. */
	static ObjectNode bare(FakeTelegram telegram, long user) {
		ObjectNode update = telegram.text(user, "en", "-");
		((ObjectNode) update.get("message")).remove("text");
		return update;
	}

	static ObjectNode location(FakeTelegram telegram, long user, JsonNode latitude, JsonNode longitude) {
		ObjectNode update = bare(telegram, user);
		((ObjectNode) update.get("message")).putObject("location").<ObjectNode>set("latitude", latitude)
			.set("longitude", longitude);
		return update;
	}

	/** A venue: a place with a name, as Telegram sends it when someone picks a shop on the map. */
	static ObjectNode venue(FakeTelegram telegram, long user, JsonNode latitude, JsonNode longitude, String title,
			boolean withLocation) {
		ObjectNode update = bare(telegram, user);
		ObjectNode venue = ((ObjectNode) update.get("message")).putObject("venue");
		venue.putObject("location").<ObjectNode>set("latitude", latitude).set("longitude", longitude);
		venue.put("title", title).put("address", title + " 123");
		if (withLocation) {
			((ObjectNode) update.get("message")).set("location", venue.get("location").deepCopy());
		}
		return update;
	}

	/** A venue that names no place at all (no location inside). */
	static ObjectNode venueNowhere(FakeTelegram telegram, long user) {
		ObjectNode update = bare(telegram, user);
		((ObjectNode) update.get("message")).putObject("venue").put("title", "?").put("address", "?");
		return update;
	}

	static Arbitrary<JsonNode> coordinates() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(ABSURD)),
				net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-90, 90).map(JSON::numberNode)),
				net.jqwik.api.Tuple.of(1, Arbitraries.of(JSON.numberNode(41.8781), JSON.numberNode(-87.6298))));
	}

	/** Places: locations and venues with absurd, real or missing coordinates. */
	static Arbitrary<Hostile> places(FakeTelegram telegram) {
		Arbitrary<Hostile> locations = Combinators.combine(coordinates(), coordinates())
			.as((lat, lon) -> new Hostile("place: location with absurd or random coordinates", lat + ", " + lon,
					user -> location(telegram, user, lat.deepCopy(), lon.deepCopy()), null));
		Arbitrary<Hostile> venues = Combinators.combine(coordinates(), coordinates(), Arbitraries.strings().ofMaxLength(300),
				Arbitraries.of(true, false))
			.as((lat, lon, title, both) -> new Hostile("place: venue with absurd or random coordinates",
					lat + ", " + lon + (both ? " (and a location)" : ""),
					user -> venue(telegram, user, lat.deepCopy(), lon.deepCopy(), title, both), null));
		Arbitrary<Hostile> nowhere = Arbitraries.just(new Hostile("place: venue with no location", "nowhere",
				user -> venueNowhere(telegram, user), null));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, locations), net.jqwik.api.Tuple.of(5, venues),
				net.jqwik.api.Tuple.of(1, nowhere));
	}

	/** Contact cards with phone numbers in the shapes people type them. */
	static Arbitrary<Hostile> contacts(FakeTelegram telegram) {
		Arbitrary<String> phones = Combinators.combine(Arbitraries.of("+1 ", "+52 ", "+1", "", "00502 "),
				Arbitraries.strings().numeric().ofLength(10))
			.as((country, digits) -> country + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-"
					+ digits.substring(6));
		return phones.map(phone -> new Hostile("contact card with a phone number", phone,
				user -> telegram.contact(user, "en", phone), phone));
	}

}
