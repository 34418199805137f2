package org.vigia.bot.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

/**
 * Load driver (BENCHMARKS.md, "Report storm"), not a test: its name does not end in Tests, so
 * {@code verify} does not run it. The bot runs as its own process ({@link MeasuredBot}) against the fake Bot
 * API, which answers 429 beyond Telegram's limits; the bot keeps its default pacing (28 messages a second,
 * 1 s per private chat, 3 s per channel).
 *
 * <ol>
 * <li>{@link StormPhase}: 1 000 residents report 50 scenes within 60 s and 200 observers answer. Measured:
 * updates handled per second; time from the last verdict a quorum needs to the channel post, from the first
 * complete report to the first observer prompt and to the post; how long residents wait for their thanks;
 * CPU, heap and Redis commands per update.
 * <li>{@link SaturationPhase}: a fresh bot gets the same 11 000 updates queued at once; measured: updates
 * handled per second.
 * <li>{@link SignalPhase} (only when asked: {@code -Dload.phases=signal}): residents and observers on Signal, each
 * scene's neighborhood with a Signal group, against a fake signal-cli that limits like Signal and demands a
 * captcha mid-storm; checked: every message once per recipient and per incident; measured: the outbox's drain,
 * resident send → thanks, scene → group post.
 * </ol>
 *
 * It asserts only correctness (every scene posted exactly once, to its own channel; no 429 in the storm),
 * never speed. Run from the worktree root (add {@code -Dload.jfr=true} for a flight recording of each bot,
 * {@code -Dload.phases=saturation} for one phase only):
 *
 * <pre>
 * ./mvnw -q -B -pl bot -am test -Dtest=ReportStormLoad -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The bots' logs, GC logs and recordings stay in a temporary folder whose name the summary ends with.
 */
class ReportStormLoad {

	static final List<Long> DISPATCHERS = List.of(900L, 901L, 902L, 903L, 904L);

	@Test
	void reportStorm() throws Exception {
		boolean jfr = Boolean.getBoolean("load.jfr");
		String phases = System.getProperty("load.phases", "storm,saturation");
		Path dir = Files.createTempDirectory("vigia-storm");
		var city = new LoadCity();
		Path neighborhoods = city.write(dir);
		var out = new LoadMetrics.Summary();
		out.line("machine: %s", LoadMetrics.machine());
		ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
		try {
			if (phases.contains("storm")) {
				new StormPhase(city, out).run(dir.resolve("storm"), neighborhoods, timer, jfr);
			}
			if (phases.contains("saturation")) {
				new SaturationPhase(city, out).run(dir.resolve("saturation"), neighborhoods, jfr);
			}
			if (phases.contains("signal")) {
				new SignalPhase(city, out).run(dir.resolve("signal"), timer, jfr);
			}
		}
		finally {
			timer.shutdownNow();
			System.out.println("=== Report storm ===\n" + out + "(logs, GC logs and recordings under " + dir + ")");
			// the bots' Redis data is of no use after the run
			for (String phase : List.of("storm", "saturation", "signal")) {
				deleteRecursively(dir.resolve(phase).resolve("redis"));
			}
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (Files.exists(root)) {
			try (var paths = Files.walk(root)) {
				for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

}
