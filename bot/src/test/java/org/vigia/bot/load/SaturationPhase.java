package org.vigia.bot.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;

import org.vigia.bot.telegram.FakeTelegram;

/**
 * Saturation: a fresh bot (no observers) gets the storm's 11 000 resident updates queued at once, and the
 * driver samples every 250 ms how many it has handled (acknowledged through the getUpdates offset). The
 * steady rate is taken between 10 % and 90 % handled, leaving out the start (JIT warm-up, first batches)
 * and the tail (the last batches, fewer chats to spread over the workers).
 *
 * <p>The 429 count is reported, not asserted: the outbox is not what this phase measures, and with the
 * machine saturated a stall of about 0.1 s can bunch its evenly spaced sends past 30 in one second as the
 * fake sees them.
 */
final class SaturationPhase {

	private final LoadCity city;

	private final LoadMetrics.Summary out;

	SaturationPhase(LoadCity city, LoadMetrics.Summary out) {
		this.city = city;
		this.out = out;
	}

	void run(Path dir, Path neighborhoods, boolean jfr) throws Exception {
		var residents = new ResidentStorm(city, 43);
		try (var telegram = new FakeTelegram();
				var bot = MeasuredBot.start(dir, telegram.url(), neighborhoods, ReportStormLoad.DISPATCHERS, jfr)) {
			telegram.enforceLimits(FakeTelegram.Limits.TELEGRAM);
			Map<String, Long> redisBefore = bot.redisCalls();
			int total = residents.updates();
			try (var sampler = new LoadMetrics.Sampler(telegram::acknowledged, bot, 250)) {
				var start = sampler.sample();
				residents.flood(telegram);
				Awaitility.await("every update handled").atMost(StormPhase.PATIENCE).pollInterval(Duration.ofMillis(100))
					.until(() -> telegram.acknowledged() >= total);
				var end = sampler.sample();
				var samples = sampler.between(start.nanos(), end.nanos());
				var tenth = samples.stream().filter(s -> s.handled() >= total / 10).findFirst().orElse(start);
				var ninth = samples.stream().filter(s -> s.handled() >= total * 9 / 10).findFirst().orElse(end);
				out.line("saturation: %d updates queued at once, all handled in %.1f s: mean %.0f/s, steady (10 %%–90 %%) "
						+ "%.0f/s, peak over 1 s %.0f/s", total, (end.nanos() - start.nanos()) / 1e9,
						LoadMetrics.rate(start, end), LoadMetrics.rate(tenth, ninth), LoadMetrics.peakRate(samples, 4));
				out.line("  CPU: %s; load average %s", LoadMetrics.cpu(start, end), LoadMetrics.load(samples));
				out.line("  heap: %s", bot.heap());
				out.line("  Redis: %s", LoadMetrics.redisPerUpdate(redisBefore, bot.redisCalls(), total));
				out.line("  429 answers: %d", telegram.limitViolations());
			}
		}
	}

}
