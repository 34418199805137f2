package org.vigia.bot.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.vigia.bot.e2e.BotProcess;
import org.vigia.bot.telegram.FakeTelegram;

/**
 * The bot as its own OS process ({@link BotProcess}), started as an operator would (embedded Redis, default
 * Telegram pacing), so that the CPU and heap measured are the bot's alone and not the load driver's or the
 * fake Bot API's.
 *
 * <p>CPU is read from {@code /proc/<pid>/stat} (user + system ticks) for the JVM and for its embedded
 * redis-server child; heap from the JVM's own GC log ({@code -Xlog:gc*}); Redis command counts from
 * {@code INFO commandstats} on the embedded server. {@link #close()} stops the bot (which stops its Redis)
 * and kills whatever is left, so nothing outlives the run. Linux only.
 */
final class MeasuredBot implements AutoCloseable {

	static final String HEAP = "512m";

	/** The bot's Redis key prefix. */
	static final String PREFIX = "vigia-load:";

	private static final Pattern HEAP_CHANGE = Pattern.compile("Pause (\\w+).*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

	private final BotProcess process;

	private final Path dir;

	private MeasuredBot(BotProcess process, Path dir) {
		this.process = process;
		this.dir = dir;
	}

	/**
	 * Starts the bot against the fake Bot API and waits until it polls for updates.
	 *
	 * @param dir a fresh folder for its Redis data, GC log, output and (with {@code jfr}) flight recording
	 */
	static MeasuredBot start(Path dir, String telegramUrl, Path neighborhoods, List<Long> dispatchers, boolean jfr)
			throws IOException {
		return start(dir, telegramUrl, neighborhoods, dispatchers, jfr, List.of());
	}

	/** As above, with more settings on the command line (e.g. signal-cli's address). */
	static MeasuredBot start(Path dir, String telegramUrl, Path neighborhoods, List<Long> dispatchers, boolean jfr,
			List<String> more) throws IOException {
		Files.createDirectories(dir);
		var options = new ArrayList<>(List.of("-Xmx" + HEAP, "-Xlog:gc*:file=" + dir.resolve("gc.log") + ":uptime,level,tags"));
		if (jfr) {
			options.add("-XX:StartFlightRecording=filename=" + dir.resolve("bot.jfr") + ",settings=profile");
		}
		List<String> arguments = List.of("--server.port=0", "--vigia.telegram.token=" + FakeTelegram.TOKEN,
				"--vigia.telegram.api-url=" + telegramUrl, "--vigia.redis.url=", "--vigia.redis.data-dir=" + dir.resolve("redis"),
				"--vigia.redis.prefix=" + PREFIX, "--vigia.bot.neighborhoods-file=" + neighborhoods,
				"--vigia.bot.hotline=555-0100", "--vigia.bot.timezone=America/Chicago", "--vigia.bot.dispatchers="
						+ dispatchers.stream().map(String::valueOf).collect(Collectors.joining(",")));
		arguments = new ArrayList<>(arguments);
		arguments.addAll(more);
		var bot = new MeasuredBot(BotProcess.start(dir, "bot", arguments, options.toArray(String[]::new)), dir);
		try {
			bot.process.awaitOutput("Receiving updates by long polling", Duration.ofMinutes(3));
		}
		catch (RuntimeException ex) {
			bot.close();
			throw ex;
		}
		return bot;
	}

	Path log() {
		return dir.resolve("bot.log");
	}

	long pid() {
		return process.pid();
	}

	/** CPU ticks (1/100 s on Linux) used so far by the bot's JVM and by its embedded Redis. */
	record Cpu(long jvm, long redis) {

		Cpu minus(Cpu earlier) {
			return new Cpu(jvm - earlier.jvm, redis - earlier.redis);
		}

	}

	Cpu cpu() {
		return new Cpu(ticks(process.pid()), redis().map(r -> ticks(r.pid())).orElse(0L));
	}

	private Optional<ProcessHandle> redis() {
		return process.children().stream().filter(p -> p.info().command().orElse("").contains("redis-server")).findFirst();
	}

	/** utime + stime of a process, fields 14 and 15 of /proc/pid/stat (counted after the command's ')'). */
	static long ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** What the GC log says about the heap over the whole life of the process. */
	record Heap(int collections, int full, long peakBeforeMb, long peakAfterMb, long peakCommittedMb,
			double pauseTotalMs, double pauseMaxMs) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT,
					"peak used %d MB before a collection, %d MB after one; committed at most %d MB (-Xmx%s); "
							+ "%d pauses (%d full), %.0f ms in all, longest %.0f ms",
					peakBeforeMb, peakAfterMb, peakCommittedMb, HEAP, collections, full, pauseTotalMs, pauseMaxMs);
		}

	}

	Heap heap() throws IOException {
		int collections = 0, full = 0;
		long before = 0, after = 0, committed = 0;
		double total = 0, max = 0;
		for (String line : Files.readAllLines(dir.resolve("gc.log"))) {
			Matcher m = HEAP_CHANGE.matcher(line);
			if (m.find()) {
				collections++;
				full += m.group(1).equals("Full") ? 1 : 0;
				before = Math.max(before, Long.parseLong(m.group(2)));
				after = Math.max(after, Long.parseLong(m.group(3)));
				committed = Math.max(committed, Long.parseLong(m.group(4)));
				double pause = Double.parseDouble(m.group(5));
				total += pause;
				max = Math.max(max, pause);
			}
		}
		return new Heap(collections, full, before, after, committed, total, max);
	}

	/** The port of the bot's embedded Redis. */
	int redisPort() throws IOException {
		return Integer.parseInt(Files.readString(dir.resolve("redis").resolve("redis.port")).strip());
	}

	/** Calls per Redis command so far ({@code INFO commandstats} of the embedded server). */
	Map<String, Long> redisCalls() throws IOException {
		int port = redisPort();
		String info;
		try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5_000);
			socket.getOutputStream().write("INFO commandstats\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			var header = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				header.append((char) c);
			}
			int length = Integer.parseInt(header.substring(1).strip());
			info = new String(in.readNBytes(length), StandardCharsets.UTF_8);
		}
		var calls = new LinkedHashMap<String, Long>();
		Matcher m = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(info);
		while (m.find()) {
			calls.put(m.group(1), Long.parseLong(m.group(2)));
		}
		return calls;
	}

	@Override
	public void close() {
		process.close();
	}

}
