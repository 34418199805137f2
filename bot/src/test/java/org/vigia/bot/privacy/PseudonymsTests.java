package org.vigia.bot.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PseudonymsTests {

	static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

	@Test
	void theSamePersonAlwaysGetsTheSamePseudonym() {
		var pseudonyms = new Pseudonyms(SECRET);

		assertThat(pseudonyms.of(123456789L)).isEqualTo(pseudonyms.of(123456789L));
		assertThat(pseudonyms.of(123456789L)).isNotEqualTo(pseudonyms.of(123456780L));
	}

	@Test
	void thePseudonymDoesNotContainTheIdAndDependsOnTheSecret() {
		var pseudonym = new Pseudonyms(SECRET).of(987654321L).value();
		var other = new Pseudonyms("another secret of enough length".getBytes()).of(987654321L).value();

		assertThat(pseudonym).doesNotContain("987654321").hasSize(32).matches("[0-9a-f]+");
		assertThat(other).isNotEqualTo(pseudonym);
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonyms("short".getBytes()))
			.withMessageContaining("at least 16 bytes");
	}

	@Test
	void aSecretIsCreatedOnFirstRunAndReusedAfterARestart(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("data/pseudonym.key");

		byte[] first = Pseudonyms.loadSecret(null, file);
		byte[] second = Pseudonyms.loadSecret("", file);

		assertThat(first).hasSize(32).isEqualTo(second);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void aConfiguredSecretWinsOverTheFile(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("pseudonym.key");
		Pseudonyms.loadSecret(null, file);

		byte[] configured = Pseudonyms.loadSecret("a configured secret of some length", dir.resolve("pseudonym.key"));

		assertThat(new String(configured)).isEqualTo("a configured secret of some length");
	}

}
