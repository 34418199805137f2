package org.vigia.bot.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.VigiaBotApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Started as a user would with the hash secret an old .env.example shipped, the bot refuses to start: a known
 * secret would make every pseudonym reversible. It says which setting and what to do, with no stack trace.
 */
class PlaceholderSecretTests {

	@Test
	void theBotRefusesToStartWithThePlaceholderHashSecretAndSaysWhatToDo(@TempDir Path workdir) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				VigiaBotApplication.class.getName(), "--vigia.redis.data-dir=" + workdir.resolve("data"),
				"--vigia.telegram.token=123:not-used", "--vigia.telegram.connect=false", "--server.port=0",
				"--vigia.redis.hash-secret=change-me-to-another-long-random-secret"))
			.directory(workdir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workdir.resolve("out.txt").toFile());
		process.environment().keySet().removeIf(k -> k.startsWith("VIGIA_") || k.startsWith("REDIS_"));
		Process bot = process.start();
		try {
			assertThat(bot.waitFor(90, TimeUnit.SECONDS)).isTrue();
			String output = Files.readString(workdir.resolve("out.txt"), StandardCharsets.UTF_8);
			assertThat(bot.exitValue()).as(output).isEqualTo(2);
			assertThat(output).contains("VIGIA_HASH_SECRET is set to a placeholder").contains("openssl rand -hex 32")
				.doesNotContain("change-me-to-another-long-random-secret");
			assertThat(output).as("no stack trace").doesNotContainPattern("\\n\\s+at [a-z]+\\.").doesNotContain("Exception in thread");
		}
		finally {
			bot.destroyForcibly();
		}
	}

}
