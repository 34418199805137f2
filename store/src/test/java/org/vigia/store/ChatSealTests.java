package org.vigia.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat kept for an outcome opens only with the secret and the incident it was sealed under. */
class ChatSealTests {

	static final ChatSeal SEAL = new Pseudonyms("test-secret-of-at-least-16-chars").seal();

	@Test
	void aSealedChatOpensWithItsSecretAndIncidentOnly() {
		String sealed = SEAL.seal("7000123457:es", "inc1");

		assertThat(sealed).doesNotContain("7000123457").matches("[A-Za-z0-9_-]+");
		assertThat(SEAL.open(sealed, "inc1")).contains("7000123457:es");
		assertThat(SEAL.open(sealed, "inc2")).as("moved to another incident").isEmpty();
		assertThat(new Pseudonyms("another-secret-of-16-chars-or-more").seal().open(sealed, "inc1"))
			.as("another deployment's secret").isEmpty();
	}

	@Test
	void anAlteredOrMadeUpValueDoesNotOpen() {
		String sealed = SEAL.seal("7000123457:es", "inc1");
		// one bit of the sealed bytes flipped (altering the last base64 character may change only unused bits)
		byte[] bytes = java.util.Base64.getUrlDecoder().decode(sealed);
		bytes[bytes.length - 1] ^= 1;
		String altered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

		assertThat(SEAL.open(altered, "inc1")).isEmpty();
		assertThat(SEAL.open("", "inc1")).isEmpty();
		assertThat(SEAL.open("not base64 at all!", "inc1")).isEmpty();
		assertThat(SEAL.open("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "inc1")).isEmpty();
	}

	@Test
	void theSameChatSealedTwiceLooksDifferent() {
		assertThat(SEAL.seal("7000123457:es", "inc1")).isNotEqualTo(SEAL.seal("7000123457:es", "inc1"));
	}

}
