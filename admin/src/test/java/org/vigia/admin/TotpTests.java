package org.vigia.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238 appendix B, SHA-1: the last six digits of its eight-digit values. */
	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
			"2000000000, 279037", "20000000000, 353130" })
	void matchesTheRfcTestVectors(long seconds, String expected) {
		assertThat(Totp.code(RFC_SECRET, seconds / 30)).isEqualTo(expected);
	}

	@Test
	void acceptsTheCurrentCodeAndOneStepOfDriftButNotMore() {
		String secret = Totp.base32(RFC_SECRET);
		Instant at = Instant.ofEpochSecond(1111111109);

		assertThat(Totp.verify(secret, "081804", at)).isTrue();
		assertThat(Totp.verify(secret, "081804", at.plusSeconds(30))).isTrue();
		assertThat(Totp.verify(secret, "081804", at.plusSeconds(90))).isFalse();
		assertThat(Totp.verify(secret, "000000", at)).isFalse();
		assertThat(Totp.verify(secret, "08180", at)).isFalse();
		assertThat(Totp.verify(secret, null, at)).isFalse();
	}

	@Test
	void base32RoundTrips() {
		String secret = Totp.newSecret();

		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.base32(Totp.decode(secret))).isEqualTo(secret);
	}

}
