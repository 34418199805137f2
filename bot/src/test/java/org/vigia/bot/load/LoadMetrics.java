package org.vigia.bot.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.vigia.bot.telegram.FakeTelegram;

/**
 * Figures for the load driver: percentiles, and a sampler that records, once per interval, how many updates
 * the bot has handled, the CPU ticks of the bot and of its Redis, and how busy the whole (shared) machine
 * is. Rates and CPU shares are computed afterwards between any two samples.
 */
final class LoadMetrics {

	private LoadMetrics() {
	}

	/** The value at quantile {@code q} (nearest rank), in the unit of the values; NaN when there are none. */
	static double percentile(Collection<Long> values, double q) {
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
	}

	/** p50 / p99 / max of durations in milliseconds, as seconds with two decimals. */
	static String spread(Collection<Long> millis) {
		return String.format(Locale.ROOT, "p50 %.2f s, p99 %.2f s, max %.2f s (n=%d)", percentile(millis, 0.50) / 1e3,
				percentile(millis, 0.99) / 1e3, percentile(millis, 1.0) / 1e3, millis.size());
	}

	/**
	 * One sample: when (ns), updates handled, bot JVM and Redis CPU ticks, whole-machine busy and total
	 * ticks (all cores, from /proc/stat), and the 1-minute load average.
	 */
	record Sample(long nanos, long handled, long jvmTicks, long redisTicks, long machineBusy, long machineTotal,
			double load) {
	}

	/** Samples every {@code periodMillis} until closed. Thread-safe. */
	static final class Sampler implements AutoCloseable {

		private final List<Sample> samples = new ArrayList<>();

		private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
			var thread = new Thread(r, "load-sampler");
			thread.setDaemon(true);
			return thread;
		});

		private final LongSupplier handled;

		private final MeasuredBot bot;

		Sampler(LongSupplier handled, MeasuredBot bot, long periodMillis) {
			this.handled = handled;
			this.bot = bot;
			timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
		}

		Sample sample() {
			long[] machine = machineTicks();
			MeasuredBot.Cpu cpu = bot.cpu();
			var sample = new Sample(System.nanoTime(), handled.getAsLong(), cpu.jvm(), cpu.redis(), machine[0],
					machine[1], loadAverage());
			synchronized (samples) {
				samples.add(sample);
			}
			return sample;
		}

		List<Sample> samples() {
			synchronized (samples) {
				return List.copyOf(samples);
			}
		}

		/** The samples taken between two instants (System.nanoTime). */
		List<Sample> between(long fromNanos, long toNanos) {
			return samples().stream().filter(s -> s.nanos() >= fromNanos && s.nanos() <= toNanos).toList();
		}

		@Override
		public void close() {
			timer.shutdownNow();
		}

	}

	/** Updates per second between two samples. */
	static double rate(Sample from, Sample to) {
		return (to.handled() - from.handled()) / ((to.nanos() - from.nanos()) / 1e9);
	}

	/** The highest rate over any window of {@code span} consecutive sample intervals. */
	static double peakRate(List<Sample> samples, int span) {
		double peak = 0;
		for (int i = 0; i + span < samples.size(); i++) {
			peak = Math.max(peak, rate(samples.get(i), samples.get(i + span)));
		}
		return peak;
	}

	/**
	 * CPU between two samples, in percent of one core: bot JVM, its Redis, and the whole machine (all
	 * processes, of which the bot is one: the machine is shared).
	 */
	static String cpu(Sample from, Sample to) {
		double seconds = (to.nanos() - from.nanos()) / 1e9;
		double jvm = (to.jvmTicks() - from.jvmTicks()) / TICKS_PER_SECOND / seconds * 100;
		double redis = (to.redisTicks() - from.redisTicks()) / TICKS_PER_SECOND / seconds * 100;
		double cores = Runtime.getRuntime().availableProcessors();
		double machine = (double) (to.machineBusy() - from.machineBusy()) / (to.machineTotal() - from.machineTotal())
				* cores * 100;
		return String.format(Locale.ROOT, "bot JVM %.0f %%, its Redis %.0f %%, whole machine %.0f %% of %d cores x 100 %%",
				jvm, redis, machine, (int) cores);
	}

	/** Lowest and highest 1-minute load average over the samples. */
	static String load(List<Sample> samples) {
		return String.format(Locale.ROOT, "%.2f – %.2f", samples.stream().mapToDouble(Sample::load).min().orElse(0),
				samples.stream().mapToDouble(Sample::load).max().orElse(0));
	}

	/** Calls the bot made to the Bot API since {@code from}, by method, and their rate over {@code seconds}. */
	static String outbound(FakeTelegram telegram, Instant from, double seconds) {
		var calls = telegram.matching(c -> !c.at().isBefore(from));
		var byMethod = new TreeMap<String, Long>();
		calls.forEach(c -> byMethod.merge(c.method(), 1L, Long::sum));
		return String.format(Locale.ROOT, "%s; %.1f calls/s", byMethod, calls.size() / seconds);
	}

	/** Redis commands per handled update ({@code INFO commandstats} before and after), all and the top ten. */
	static String redisPerUpdate(Map<String, Long> before, Map<String, Long> after, long updates) {
		var delta = new HashMap<String, Long>();
		after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
		delta.remove("info");
		long all = delta.values().stream().mapToLong(Long::longValue).sum();
		var top = delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
			.map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), (double) e.getValue() / updates)).toList();
		return String.format(Locale.ROOT, "%.1f commands per update (%s)", (double) all / updates, String.join(", ", top));
	}

	/** The lines of the printed summary. */
	static final class Summary {

		private final StringBuilder text = new StringBuilder();

		synchronized void line(String format, Object... args) {
			text.append(String.format(Locale.ROOT, format, args)).append('\n');
		}

		@Override
		public synchronized String toString() {
			return text.toString();
		}

	}

	/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
	static final double TICKS_PER_SECOND = 100.0;

	/** {busy, total} ticks of all cores since boot, from the first line of /proc/stat. */
	static long[] machineTicks() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i <= 8 && i < f.length; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException ex) {
			return new long[] { 0, 1 };
		}
	}

	/** The machine, as BENCHMARKS.md describes it: cores, CPU model, memory, Java. */
	static String machine() {
		try {
			String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
				.findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
			long kb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
				.mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
			return String.format(Locale.ROOT, "%d cores (nproc), \"%s\", %.0f GB RAM, Java %s (%s), load average %.2f at start",
					Runtime.getRuntime().availableProcessors(), model, kb / 1024.0 / 1024.0,
					System.getProperty("java.vm.version"), System.getProperty("java.vm.name"), loadAverage());
		}
		catch (IOException ex) {
			return "unknown (" + ex.getClass().getSimpleName() + ")";
		}
	}

	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException ex) {
			return Double.NaN;
		}
	}

}
