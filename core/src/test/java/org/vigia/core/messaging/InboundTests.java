package org.vigia.core.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigia.core.chat.Input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundTests {

	static final Address RESIDENT = Address.signalPerson("0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e");

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			/report                    | report |
			/REPORT                    | report |
			  /join 7KQ2M              | join   | 7KQ2M
			/join@VigiaBot 7KQ2M       | join   | 7KQ2M
			/join   7KQ2M  extra       | join   | 7KQ2M  extra
			""")
	void aSlashAndANameIsACommand(String text, String name, String argument) {
		var inbound = Inbound.typed(RESIDENT, null, text);

		assertThat(inbound.content()).isEqualTo(new Inbound.Command(name, argument == null ? "" : argument));
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			2
			ICE at 18th and Ashland
			/ not a command
			//report
			/7
			https://maps.google.com/?q=41.85,-87.65
			""")
	void anythingElseIsTypedTextAsSent(String text) {
		var inbound = Inbound.typed(RESIDENT, "1700000000000", text);

		assertThat(inbound.content()).isEqualTo(new Inbound.Said(new Input.Typed(text)));
		assertThat(inbound.quotes()).isEqualTo("1700000000000");
	}

	@Test
	void aHugeArgumentIsCut() {
		var inbound = Inbound.typed(RESIDENT, null, "/join " + "x".repeat(10_000));

		assertThat(((Inbound.Command) inbound.content()).argument()).hasSize(Inbound.MAX_ARGUMENT);
	}

	@Test
	void aQuotedReferenceIsAnOpaqueToken() {
		assertThatThrownBy(() -> Inbound.typed(RESIDENT, "not a ref!", "2")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anInboundPrintsNeitherSenderNorText() {
		var inbound = Inbound.typed(RESIDENT, null, "my secret words");

		assertThat(inbound.toString()).doesNotContain(RESIDENT.id()).doesNotContain("secret");
	}

}
