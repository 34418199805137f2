package org.vigia.bot.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storm: 200 observers on duty (setup, not measured), then 1 000 residents report 50 scenes within a
 * minute while the observers answer the prompts they get. Measured until every scene is posted and the
 * bot's outbox has drained (no call to the Bot API for 10 s), which takes as long as Telegram's 30 messages
 * a second need for some 20 000 calls.
 *
 * <p>A scene whose channel got other than one post is told apart (from the bot's post ledger in Redis) as a
 * duplicate post of one incident or as a scene split into several incidents, each posted once.
 */
final class StormPhase {

	static final Duration PATIENCE = Duration.ofMinutes(30);

	private final LoadCity city;

	private final LoadMetrics.Summary out;

	private final SceneTimeline timeline;

	private final ResidentStorm residents;

	private final AtomicReference<Instant> lastOutbound = new AtomicReference<>(Instant.now());

	StormPhase(LoadCity city, LoadMetrics.Summary out) {
		this.city = city;
		this.out = out;
		this.timeline = new SceneTimeline(city.scenes().size());
		this.residents = new ResidentStorm(city, 42);
	}

	/** The instants the phase is measured between, as samples. */
	private record Marks(LoadMetrics.Sample start, LoadMetrics.Sample stormEnd, LoadMetrics.Sample posted,
			LoadMetrics.Sample drained, double catchUpSeconds) {
	}

	void run(Path dir, Path neighborhoods, ScheduledExecutorService timer, boolean jfr) throws Exception {
		try (var telegram = new FakeTelegram();
				var bot = MeasuredBot.start(dir, telegram.url(), neighborhoods, ReportStormLoad.DISPATCHERS, jfr)) {
			telegram.enforceLimits(FakeTelegram.Limits.TELEGRAM);
			var crew = new ObserverCrew(telegram, city, ReportStormLoad.DISPATCHERS, timeline, timer, 7);
			telegram.listen(crew);
			long setup = System.nanoTime();
			crew.enlist(Duration.ofMinutes(10));
			out.line("storm setup: %d observers on duty in %.0f s (not measured)", crew.size(),
					(System.nanoTime() - setup) / 1e9);
			telegram.listen(channelPosts());
			telegram.listen(residents);

			Map<String, Long> redisBefore = bot.redisCalls();
			long handledBefore = telegram.acknowledged();
			Instant begun = Instant.now();
			try (var sampler = new LoadMetrics.Sampler(telegram::acknowledged, bot, 1_000)) {
				Marks marks = measure(telegram, sampler, timer);
				long handled = telegram.acknowledged() - handledBefore;
				report(marks, sampler, handled);
				double drain = (marks.drained().nanos() - marks.start().nanos()) / 1e9 - 10;
				out.line("  outbound since the storm began: %s", LoadMetrics.outbound(telegram, begun, drain));
				out.line("  heap: %s", bot.heap());
				out.line("  Redis: %s", LoadMetrics.redisPerUpdate(redisBefore, bot.redisCalls(), handled));
			}
			List<String> wrong = posts(telegram, PostLedger.read(bot));
			wrong.forEach(w -> out.line("  wrong posts: %s", w));
			assertThat(wrong).as("one post per scene, of one incident").isEmpty();
			assertThat(telegram.calls("sendMessage")).filteredOn(c -> c.chat().startsWith("@"))
				.as("no post to a channel without a scene").hasSize(city.scenes().size());
			assertThat(telegram.limitViolations()).as("429 answers").isZero();
		}
	}

	/**
	 * Each scene whose channel did not get exactly one post of one incident, with what happened: a duplicate post
	 * of one incident, or a scene split into several incidents each posted once ({@link PostLedger}).
	 */
	private List<String> posts(FakeTelegram telegram, PostLedger ledger) {
		var wrong = new ArrayList<String>();
		for (LoadCity.Scene scene : city.scenes()) {
			List<String> ids = telegram.deliveredTo(scene.channel()).stream()
				.map(c -> Long.toString(telegram.messageId(c))).toList();
			String why = ledger.explain(scene.channel(), ids);
			if (why != null) {
				wrong.add("scene " + scene.index() + " (" + scene.channel() + "): " + why);
			}
		}
		return wrong;
	}

	/** Notes every channel post, and the time of the bot's latest call of any kind. */
	private java.util.function.Consumer<Call> channelPosts() {
		Map<String, Integer> sceneOf = new HashMap<>();
		city.scenes().forEach(s -> sceneOf.put(s.channel(), s.index()));
		return call -> {
			lastOutbound.set(call.at());
			if (call.method().equals("sendmessage") && call.delivered() && sceneOf.containsKey(call.chat())) {
				timeline.posted(sceneOf.get(call.chat()), call.at());
			}
		};
	}

	private Marks measure(FakeTelegram telegram, LoadMetrics.Sampler sampler, ScheduledExecutorService timer)
			throws InterruptedException {
		var start = sampler.sample();
		var delivered = residents.pace(telegram, timer, timeline);
		assertThat(delivered.await(3, TimeUnit.MINUTES)).as("every resident update delivered").isTrue();
		var stormEnd = sampler.sample();
		// updates are acknowledged in order: as many as were queued means all of the storm's
		Awaitility.await("the storm handled").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
			.until(() -> telegram.acknowledged() >= telegram.queued());
		double catchUp = (System.nanoTime() - stormEnd.nanos()) / 1e9;
		Awaitility.await("every scene posted").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
			.until(() -> timeline.scenesPosted() == city.scenes().size());
		var posted = sampler.sample();
		Awaitility.await("the outbox drained").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
			.until(() -> Duration.between(lastOutbound.get(), Instant.now()).toSeconds() >= 10);
		return new Marks(start, stormEnd, posted, sampler.sample(), catchUp);
	}

	private void report(Marks m, LoadMetrics.Sampler sampler, long handled) {
		out.line("storm: %d resident updates sent in %.1f s; %d updates handled in all (observers' too)",
				residents.updates(), seconds(m.start(), m.stormEnd()), handled);
		out.line("  handled/s in the storm minute: mean %.0f, peak over 5 s %.0f; all handled %.1f s after the last was sent",
				LoadMetrics.rate(m.start(), m.stormEnd()),
				LoadMetrics.peakRate(sampler.between(m.start().nanos(), m.stormEnd().nanos()), 5), m.catchUpSeconds());
		out.line("  verdict -> post:         %s", LoadMetrics.spread(timeline.verdictToPost()));
		out.line("  first report -> prompt:  %s", LoadMetrics.spread(timeline.reportToPrompt()));
		out.line("  first report -> post:    %s", LoadMetrics.spread(timeline.reportToPost()));
		out.line("  resident send -> thanks: %s", LoadMetrics.spread(residents.replyLag()));
		out.line("  all %d scenes posted %.0f s after the storm began; outbox drained after %.0f s",
				city.scenes().size(), seconds(m.start(), m.posted()), seconds(m.start(), m.drained()) - 10);
		out.line("  CPU, storm minute:     %s", LoadMetrics.cpu(m.start(), m.stormEnd()));
		out.line("  CPU, storm to drained: %s", LoadMetrics.cpu(m.start(), m.drained()));
		out.line("  load average (1 min): %s", LoadMetrics.load(sampler.between(m.start().nanos(), m.drained().nanos())));
	}

	private static double seconds(LoadMetrics.Sample from, LoadMetrics.Sample to) {
		return (to.nanos() - from.nanos()) / 1e9;
	}

}
