package org.vigia.store;


import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PseudonymsTests {

	static final String SECRET = "0123456789abcdef0123456789abcdef";

	@Test
	void theSamePersonAlwaysGetsTheSamePseudonym() {
		var pseudonyms = new Pseudonyms(SECRET);

		assertThat(pseudonyms.of("123456789")).isEqualTo(pseudonyms.of("123456789"));
		assertThat(pseudonyms.of("123456789")).isNotEqualTo(pseudonyms.of("123456780"));
	}

	@Test
	void thePseudonymDoesNotContainTheIdAndDependsOnTheSecret() {
		var pseudonym = new Pseudonyms(SECRET).of("987654321").value();
		var other = new Pseudonyms("another secret of enough length").of("987654321").value();

		assertThat(pseudonym).doesNotContain("987654321").hasSize(32).matches("[0-9a-f]+");
		assertThat(other).isNotEqualTo(pseudonym);
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonyms("short"))
			.withMessageContaining("at least 16 characters");
	}

	@Test
	void chatHashesDifferFromUserPseudonymsAndCarryNoId() {
		var pseudonyms = new Pseudonyms(SECRET);

		assertThat(pseudonyms.chat("555123")).hasSize(32).doesNotContain("555123")
			.isNotEqualTo(pseudonyms.of("555123").value());
	}

	/**
	 * Keys written before there were other messengers still read: a Telegram chat's key ({@code Address.key()},
	 * its id) hashes as its id did; another messenger's key ("signal:…") never equals a Telegram one.
	 */
	@Test
	void aTelegramChatHashesAsItDidBeforeAddresses() {
		var pseudonyms = new Pseudonyms(SECRET);
		// the formulas of the keys as they were written before: "chat:" or "user:" and the Telegram id
		assertThat(pseudonyms.chat("987654321")).isEqualTo(pseudonyms.hash("chat:987654321", 32));
		assertThat(pseudonyms.of("987654321").value()).isEqualTo(pseudonyms.hash("user:987654321", 32));
		assertThat(pseudonyms.chat("signal:3f0e4f8a-2b1c-4d5e-9f60-718293a4b5c6")).isNotEqualTo(pseudonyms.chat("987654321"));
	}

}
