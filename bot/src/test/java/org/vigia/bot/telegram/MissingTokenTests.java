package org.vigia.bot.telegram;

import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.VigiaBotApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Started as a user would, without a token, the bot explains how to get one and exits with code 2. */
class MissingTokenTests {

	@Test
	void withoutATokenTheBotExplainsAndExitsWithCodeTwo(@TempDir Path workdir) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				VigiaBotApplication.class.getName(), "--vigia.redis.data-dir=" + workdir.resolve("data"),
				"--server.port=0"))
			.directory(workdir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workdir.resolve("out.txt").toFile());
		process.environment().remove("TELEGRAM_BOT_TOKEN");
		Process bot = process.start();
		try {
			assertThat(bot.waitFor(90, TimeUnit.SECONDS)).isTrue();
			String output = Files.readString(workdir.resolve("out.txt"), StandardCharsets.UTF_8);
			assertThat(bot.exitValue()).isEqualTo(2);
			assertThat(output).contains("TELEGRAM_BOT_TOKEN is not set").contains("@BotFather");
		}
		finally {
			bot.destroyForcibly();
		}
	}

}
