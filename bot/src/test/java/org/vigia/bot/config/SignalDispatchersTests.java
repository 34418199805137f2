package org.vigia.bot.config;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Dispatchers on Signal (DISPATCHER_SIGNAL_IDS) are service ids beside the Telegram ids, never phone numbers. */
class SignalDispatchersTests {

	static BotProperties with(List<Long> telegram, List<String> signal) {
		return new BotProperties("", "", telegram, "America/Chicago", "", 250, Duration.ofSeconds(3),
				Duration.ofSeconds(15), Duration.ofSeconds(10), "", signal, "");
	}

	@Test
	void dispatchersOnBothMessengersAreAllDispatchers() {
		var bot = with(List.of(42L), List.of(" 3F1C2D4E-5A6B-4C7D-8E9F-0A1B2C3D4E5F ", ""));
		assertThat(ChatConfig.dispatchers(bot)).containsExactlyInAnyOrder(Address.telegramChat(42),
				Address.signalPerson("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"));
	}

	@Test
	void aPhoneNumberStopsTheBotWithoutBeingPrinted() {
		assertThatIllegalArgumentException().isThrownBy(() -> with(List.of(), List.of("+15551234567")))
			.withMessageContaining("DISPATCHER_SIGNAL_IDS")
			.withMessageNotContaining("5551234567");
	}

	@Test
	void noneSetMeansTelegramDispatchersOnly() {
		assertThat(ChatConfig.dispatchers(with(List.of(7L), null))).containsExactly(Address.telegramChat(7));
	}

}
