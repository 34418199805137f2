package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import org.vigia.bot.VigiaBotApplication;

/**
 * The bot started as a separate operating-system process, as a user would start it, so that a test can
 * kill it with SIGKILL (no shutdown hook, no clean stop) and start it again. Its output goes to a file in
 * the test's folder. {@link #close()} stops it with SIGTERM, and kills it if it does not stop in time.
 */
final class BotProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private BotProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Starts the bot with these arguments and waits until it says it is up. */
	static BotProcess start(Path folder, String name, List<String> arguments, String... jvmOptions) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<>(List.of(java, "-Xmx256m"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), VigiaBotApplication.class.getName()));
		command.addAll(arguments);
		Path output = folder.resolve(name + ".log");
		try {
			Files.createDirectories(folder);
			var builder = new ProcessBuilder(command).directory(folder.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("REDIS_")
					|| k.startsWith("VIGIA_") || k.startsWith("WEBHOOK_"));
			var bot = new BotProcess(builder.start(), output);
			Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!bot.process.isAlive()) {
					throw new IllegalStateException("the bot exited with " + bot.process.exitValue() + ":\n" + bot.output());
				}
				return bot.output().contains("Vigía bot is up");
			});
			return bot;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long pid() {
		return process.pid();
	}

	/** Everything the bot wrote so far. */
	String output() {
		try {
			return Files.readString(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
	void kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the bot did not die");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
