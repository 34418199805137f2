package org.vigia.core.messaging;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesTests {

	static final Instant SENT = Instant.parse("2026-11-24T18:00:00Z");

	@ParameterizedTest(name = "{0} after {1}, {2} edits before: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			TELEGRAM  | PT1M      | 0  | true
			TELEGRAM  | P400D     | 50 | true
			SIGNAL    | PT1M      | 0  | true
			SIGNAL    | PT23H59M  | 9  | true
			SIGNAL    | PT24H     | 0  | true
			SIGNAL    | PT24H1S   | 0  | false
			SIGNAL    | PT1M      | 10 | false
			SIMULATED | P30D      | 0  | true
			""")
	void anUpdateEditsWithinTheWindowAndOtherwiseFollowsUp(Transport transport, Duration age, int edits,
			boolean editable) {
		var sent = new SentRef(Address.telegramChannel("@vigia_pilsen"), "1700000000000", SENT);

		assertThat(Capabilities.of(transport).canEdit(sent, edits, SENT.plus(age))).isEqualTo(editable);
	}

	@Test
	void signalHasNoButtonsAndNoLiveLocation() {
		assertThat(Capabilities.SIGNAL.buttons()).isFalse();
		assertThat(Capabilities.SIGNAL.liveLocation()).isFalse();
		assertThat(Capabilities.TELEGRAM.buttons()).isTrue();
	}

	@Test
	void aTransportThatCannotEditNeverEdits() {
		var none = new Capabilities(false, Duration.ZERO, 0, false, false, false, 160);
		var sent = new SentRef(Address.telegramChat(1), "1", SENT);

		assertThat(none.canEdit(sent, 0, SENT)).isFalse();
	}

}
