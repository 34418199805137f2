package org.vigia.store;


import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PseudonymsTests {

	static final String SECRET = "0123456789abcdef0123456789abcdef";

	@Test
	void theSamePersonAlwaysGetsTheSamePseudonym() {
		var pseudonyms = new Pseudonyms(SECRET);

		assertThat(pseudonyms.of(123456789L)).isEqualTo(pseudonyms.of(123456789L));
		assertThat(pseudonyms.of(123456789L)).isNotEqualTo(pseudonyms.of(123456780L));
	}

	@Test
	void thePseudonymDoesNotContainTheIdAndDependsOnTheSecret() {
		var pseudonym = new Pseudonyms(SECRET).of(987654321L).value();
		var other = new Pseudonyms("another secret of enough length").of(987654321L).value();

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

		assertThat(pseudonyms.chat(555123L)).hasSize(32).doesNotContain("555123")
			.isNotEqualTo(pseudonyms.of(555123L).value());
	}

	/**
	 * Keys written before there were other messengers still read: a Telegram chat's key ({@code Address.key()},
	 * its id) hashes as its id did; another messenger's key ("signal:…") never equals a Telegram one.
	 */
	@Test
	void aTelegramChatHashesAsItDidBeforeAddresses() {
		var pseudonyms = new Pseudonyms(SECRET);
		assertThat(pseudonyms.chat("987654321")).isEqualTo(pseudonyms.chat(987654321L));
		assertThat(pseudonyms.of("987654321")).isEqualTo(pseudonyms.of(987654321L));
		assertThat(pseudonyms.chat("signal:3f0e4f8a-2b1c-4d5e-9f60-718293a4b5c6")).isNotEqualTo(pseudonyms.chat(987654321L));
	}

}
