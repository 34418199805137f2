package org.vigia.bot.photo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory a photo costs is bounded, whatever it declares: six 48-megapixel photos (each about 190 MB if
 * decoded whole) are sanitized at once in a JVM started with {@code -Xmx256m}, and each comes out clean.
 */
class PhotoMemoryTests {

	@TempDir
	Path dir;

	@Test
	void sixLargePhotosAtOnceFitInASmallHeap() throws Exception {
		byte[] large = TestPhotos.jpeg(8000, 6000);
		assertThat(large.length).isLessThan(PhotoSanitizer.Limits.DEFAULTS.maxBytes());
		Path photo = dir.resolve("large.jpg");
		Files.write(photo, large);

		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path output = dir.resolve("probe.out");
		Process probe = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-Djava.awt.headless=true", "-cp",
				System.getProperty("java.class.path"), PhotoMemoryProbe.class.getName(), photo.toString(), "6"))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("the probe finished").isTrue();
		}
		finally {
			probe.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
		assertThat(lines).as("the probe's output").filteredOn(l -> l.startsWith("CLEAN")).hasSize(6)
			.allSatisfy(l -> assertThat(l).isEqualTo("CLEAN 1600 1200"));
		assertThat(probe.exitValue()).as("exit status; output: %s", lines).isZero();
	}

}
