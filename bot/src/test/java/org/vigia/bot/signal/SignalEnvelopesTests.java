package org.vigia.bot.signal;

import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What of signal-cli's receive answers reaches the bot, and what is left out. */
class SignalEnvelopesTests {

	static final String PERSON = "0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e";

	static final String GROUP = "Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iMwI=";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final SignalEnvelopes envelopes = new SignalEnvelopes(FakeSignalCli.ACCOUNT);

	static ObjectNode item(Consumer<ObjectNode> change) {
		ObjectNode item = JSON.createObjectNode();
		item.put("account", FakeSignalCli.ACCOUNT);
		ObjectNode envelope = item.putObject("envelope");
		envelope.put("source", "+13125550142");
		envelope.put("sourceNumber", "+13125550142");
		envelope.put("sourceUuid", PERSON);
		envelope.put("sourceName", "Rosa Martínez");
		envelope.put("sourceDevice", 1);
		envelope.put("timestamp", 1_760_000_123_456L);
		ObjectNode data = envelope.putObject("dataMessage");
		data.put("timestamp", 1_760_000_123_456L);
		data.put("message", "hola");
		change.accept(item);
		return item;
	}

	static ObjectNode envelope(ObjectNode item) {
		return (ObjectNode) item.get("envelope");
	}

	static ObjectNode data(ObjectNode item) {
		return (ObjectNode) item.get("envelope").get("dataMessage");
	}

	SignalEnvelopes.Batch read(ObjectNode... items) {
		var array = JSON.createArrayNode();
		for (ObjectNode i : items) {
			array.add(i);
		}
		return envelopes.read(array);
	}

	@Test
	void aPrivateMessageKeepsTheServiceIdTextAndQuoteAndNothingElse() {
		var batch = read(item(i -> {
			data(i).putObject("quote").put("id", 1_760_000_000_001L).put("authorNumber", "+15550100001")
				.put("author", "+15550100001").put("text", "1 Someone being detained");
			data(i).putArray("mentions").addObject().put("number", "+13125550177").put("start", 0).put("length", 1);
		}));

		assertThat(batch.messages()).singleElement().satisfies(m -> {
			assertThat(m.sender().id()).isEqualTo(PERSON);
			assertThat(m.timestamp()).isEqualTo(1_760_000_123_456L);
			assertThat(m.text()).isEqualTo("hola");
			assertThat(m.quotes()).isEqualTo(1_760_000_000_001L);
			assertThat(m.group()).isNull();
			assertThat(SignalInbox.encode(m)).doesNotContain("+1", "Rosa", "Someone");
		});
		assertThat(batch.droppedCount()).isZero();
	}

	@Test
	void aPhotoAndAContactCardAreKeptWithoutFileNameOrNumber() {
		var batch = read(item(i -> {
			data(i).remove("message");
			data(i).putArray("attachments").addObject().put("contentType", "image/jpeg").put("filename",
					"IMG_20261124_Rosa.jpg").put("id", "7rZ3kq9.jpg").put("size", 182_001);
			data(i).putArray("contacts").addObject().putObject("name").put("nickname", "Tía");
		}));

		assertThat(batch.messages()).singleElement().satisfies(m -> {
			assertThat(m.attachments()).containsExactly(new SignalMessage.Attachment("7rZ3kq9.jpg", "image/jpeg", 182_001));
			assertThat(m.contactCard()).isTrue();
			assertThat(m.typed()).isEmpty();
			assertThat(SignalInbox.encode(m)).doesNotContain("Rosa", "IMG_", "Tía");
		});
	}

	@Test
	void aGroupMessageNamesItsGroup() {
		var batch = read(item(i -> data(i).putObject("groupInfo").put("groupId", GROUP).put("groupName", "Pilsen")
			.put("revision", 3).put("type", "DELIVER")));

		assertThat(batch.messages()).singleElement().satisfies(m -> assertThat(m.group().id()).isEqualTo(GROUP));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			another account                  | FORGED
			no account                       | FORGED
			no sender service id             | FORGED
			a phone number as sender         | FORGED
			a PNI as sender                  | FORGED
			no timestamp                     | FORGED
			a negative timestamp             | FORGED
			a malformed group id             | FORGED
			no envelope                      | FORGED
			not an object                    | FORGED
			an exception                     | UNREADABLE
			a receipt                        | NOT_A_MESSAGE
			a typing notice                  | NOT_A_MESSAGE
			what the bot's phone sent        | NOT_A_MESSAGE
			an edit                          | NOT_A_MESSAGE
			a story                          | NOT_A_MESSAGE
			a reaction                       | NOT_A_MESSAGE
			a group update                   | NOT_A_MESSAGE
			a sticker                        | NOT_A_MESSAGE
			""")
	void whatIsNotAMessageFromAPersonIsLeftOut(String what, SignalEnvelopes.Dropped reason) {
		ObjectNode item = switch (what) {
			case "another account" -> item(i -> i.put("account", "+15550100999"));
			case "no account" -> item(i -> i.remove("account"));
			case "no sender service id" -> item(i -> envelope(i).remove("sourceUuid"));
			case "a phone number as sender" -> item(i -> envelope(i).put("sourceUuid", "+13125550142"));
			case "a PNI as sender" -> item(i -> envelope(i).put("sourceUuid", "PNI:" + PERSON));
			case "no timestamp" -> item(i -> envelope(i).remove("timestamp"));
			case "a negative timestamp" -> item(i -> envelope(i).put("timestamp", -5));
			case "a malformed group id" -> item(i -> data(i).putObject("groupInfo").put("groupId", "../../etc")
				.put("type", "DELIVER"));
			case "no envelope" -> item(i -> i.remove("envelope"));
			case "not an object" -> item(i -> i.put("envelope", "surprise"));
			case "an exception" -> item(i -> i.putObject("exception").put("message", "untrusted +13125550142")
				.put("type", "UntrustedIdentityException"));
			case "a receipt" -> item(i -> {
				envelope(i).remove("dataMessage");
				envelope(i).putObject("receiptMessage").put("isDelivery", true);
			});
			case "a typing notice" -> item(i -> {
				envelope(i).remove("dataMessage");
				envelope(i).putObject("typingMessage").put("action", "STARTED");
			});
			case "what the bot's phone sent" -> item(i -> {
				envelope(i).remove("dataMessage");
				envelope(i).putObject("syncMessage").putObject("sentMessage").put("message", "hola");
			});
			case "an edit" -> item(i -> envelope(i).putObject("editMessage").put("targetSentTimestamp", 1));
			case "a story" -> item(i -> envelope(i).putObject("storyMessage"));
			case "a reaction" -> item(i -> {
				data(i).remove("message");
				data(i).putObject("reaction").put("emoji", "👍").put("targetSentTimestamp", 1);
			});
			case "a group update" -> item(i -> data(i).putObject("groupInfo").put("groupId", GROUP).put("type", "UPDATE"));
			case "a sticker" -> item(i -> {
				data(i).remove("message");
				data(i).putObject("sticker").put("packId", "ab").put("stickerId", 1);
			});
			default -> throw new IllegalArgumentException(what);
		};

		var batch = read(item, item(i -> {
		}));

		assertThat(batch.messages()).hasSize(1);
		assertThat(batch.dropped()).isEqualTo(Map.of(reason, 1));
	}

	@Test
	void aHugeTextIsCutBeyondEveryLimitOfTheConversation() {
		var batch = read(item(i -> data(i).put("message", "x".repeat(200_000))));

		assertThat(batch.messages().get(0).text()).hasSize(SignalMessage.MAX_TEXT);
	}

	@Test
	void aNonArrayAnswerHasNoMessages() {
		assertThat(envelopes.read(JSON.createObjectNode()).messages()).isEmpty();
		assertThat(envelopes.read(null).messages()).isEmpty();
	}

}
