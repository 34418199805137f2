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
 * The bot started as a separate operating-system process, as a user would start it: a test can kill it with
 * SIGKILL (no shutdown hook, no clean stop) and start it again, and a load driver can measure its CPU and
 * heap alone. Its output goes to a file in the given folder; the environment's Telegram, Redis and Vigía
 * variables are removed, so the command line is the only source of settings. {@link #close()} stops it with
 * SIGTERM (the bot then stops its embedded Redis), kills it if it does not stop in time, and kills whatever
 * it started and left behind, even after a {@link #kill()}.
 */
public final class BotProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private final List<ProcessHandle> started = new ArrayList<>();

	private BotProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Starts the bot with these arguments and JVM options and waits until it says it is up.
	 *
	 * @param folder its working folder, where {@code name.log} receives its output
	 */
	public static BotProcess start(Path folder, String name, List<String> arguments, String... jvmOptions) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<>(List.of(java));
		command.addAll(List.of(jvmOptions));
		if (command.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
			command.add("-Xmx256m");
		}
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
			try {
				bot.awaitOutput("Vigía bot is up", Duration.ofSeconds(120));
			}
			catch (RuntimeException ex) {
				bot.close();
				throw ex;
			}
			return bot;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until the bot's output contains this text; fails at once if the bot exits. */
	public void awaitOutput(String text, Duration patience) {
		Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("the bot exited with " + process.exitValue() + ":\n" + output());
			}
			return output().contains(text);
		});
	}

	public long pid() {
		return process.pid();
	}

	/** The processes the bot started (its embedded Redis), while it runs. */
	public List<ProcessHandle> children() {
		return process.descendants().toList();
	}

	/** Everything the bot wrote so far. */
	public String output() {
		try {
			return Files.readString(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGKILL: the process ends at once, in the middle of whatever it was doing (what it started lives on). */
	public void kill() {
		started.addAll(children());
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

	/**
	 * SIGTERM, as a service manager stops the bot, and waits until it has exited; unlike {@link #close()} it
	 * leaves alone whatever the bot started, so that a test can see what a clean stop left running.
	 */
	public void stop() {
		started.addAll(children());
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the bot did not stop within a minute");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		started.addAll(children());
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

}
