package org.vigia.bot.telegram;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** getUpdates read one update at a time: one that cannot be read or answered never blocks the others. */
class TolerantGetUpdatesTests {

	static final String GOOD = "{\"update_id\":7,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},"
			+ "\"text\":\"/start\"}}";

	/**
	 * Updates telegrambots cannot read (a location without latitude, a photo size beyond an int, wrong types, an
	 * id that is not a number) and one the bot cannot route (a message without a chat).
	 */
	static final String[] POISON = { "{\"update_id\":8,\"message\":{\"message_id\":2,\"date\":1,\"chat\":{\"id\":5,"
			+ "\"type\":\"private\"},\"location\":{\"longitude\":2}}}",
			"{\"update_id\":9,\"message\":{\"message_id\":3,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},"
					+ "\"photo\":[{\"file_id\":\"f\",\"file_unique_id\":\"u\",\"width\":1,\"height\":1,\"file_size\":2147483648}]}}",
			"{\"update_id\":10,\"message\":{\"message_id\":\"x\",\"date\":{},\"chat\":[]}}", "{\"update_id\":\"eleven\"}",
			"{\"update_id\":12,\"message\":{\"message_id\":4,\"date\":1,\"text\":\"no chat\"}}" };

	static String batch() {
		return "{\"ok\":true,\"result\":[" + String.join(",", POISON) + "," + GOOD + "]}";
	}

	static ObjectMapper mapper() {
		return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
	}

	@Test
	void withTheLibrarysGetUpdatesOneUnreadableUpdateFailsTheWholeBatch() {
		assertThatThrownBy(() -> new GetUpdates().deserializeResponse(batch()))
			.isInstanceOf(TelegramApiRequestException.class);
	}

	@Test
	void anUnreadableUpdateKeepsOnlyItsIdAndTheOthersAreRead() throws Exception {
		ArrayList<Update> updates = new TolerantGetUpdates(1, 50, List.of("message")).deserializeResponse(batch());

		// the one without a readable id is left out: a later update's id moves the offset past it
		assertThat(updates).extracting(Update::getUpdateId).containsExactly(8, 9, 10, 12, 7);
		assertThat(updates.subList(0, 4)).allSatisfy(u -> {
			assertThat(u.hasMessage()).isFalse();
			assertThat(u.hasCallbackQuery()).isFalse();
		});
		assertThat(updates.get(4).getMessage().getText()).isEqualTo("/start");
	}

	@Test
	void nanAndInfinitiesReachTheBotAsDoublesThatAreNoPlace() throws Exception {
		// Jackson writes NaN and the infinities as strings; 1e999 is a JSON number beyond any double
		String batch = "{\"ok\":true,\"result\":[" + location("\"NaN\"", "\"-Infinity\"") + "," + location("1e999", "\"Infinity\"")
				+ "]}";

		ArrayList<Update> updates = new GetUpdates().deserializeResponse(batch);

		assertThat(updates.get(0).getMessage().getLocation().getLatitude()).isNaN();
		assertThat(updates.get(0).getMessage().getLocation().getLongitude()).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(updates.get(1).getMessage().getLocation().getLatitude()).isEqualTo(Double.POSITIVE_INFINITY);
	}

	static String location(String latitude, String longitude) {
		return "{\"update_id\":3,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},"
				+ "\"location\":{\"latitude\":" + latitude + ",\"longitude\":" + longitude + "}}}";
	}

	@Test
	void anErrorAnswerIsStillAnError() {
		assertThatThrownBy(() -> new TolerantGetUpdates(1, 50, List.of()).deserializeResponse(
				"{\"ok\":false,\"error_code\":409,\"description\":\"Conflict\"}"))
			.isInstanceOf(TelegramApiRequestException.class);
		assertThatThrownBy(() -> new TolerantGetUpdates(1, 50, List.of()).deserializeResponse("<html>502</html>"))
			.isInstanceOf(TelegramApiRequestException.class);
	}

	@Test
	void aWebhookBodyThatCannotBeReadBecomesAnUpdateForNobody() throws Exception {
		for (String poison : List.of(POISON[0], POISON[4])) {
			var read = TolerantGetUpdates.read(mapper().readTree(poison));

			assertThat(read.blanked()).isTrue();
			assertThat(read.update().hasMessage()).isFalse();
		}
		assertThat(TolerantGetUpdates.read(mapper().readTree(GOOD)).blanked()).isFalse();
		assertThat(TolerantGetUpdates.read(mapper().readTree(POISON[3]))).as("no id to confirm").isNull();
	}

	@Test
	void anAnswerWithoutAListOfUpdatesIsAnErrorNeverNull() {
		// the library's polling task ends for good on a null batch or a RuntimeException
		for (String answer : List.of("{\"ok\":true}", "{\"ok\":true,\"result\":\"x\"}", "null", "[]", "{\"ok\":false}")) {
			assertThatThrownBy(() -> new TolerantGetUpdates(1, 50, List.of()).deserializeResponse(answer))
				.isInstanceOf(TelegramApiRequestException.class);
		}
	}

}
