package org.vigia.bot.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storm on Signal ({@code -Dload.phases=signal}): residents report on Signal (each answering the bot's last
 * question 0.6 – 1.4 s after it arrived: on Signal a person reads the numbered menu first), observers on Signal
 * verify, and each scene's neighborhood has a Signal group beside its Telegram channel, against a fake signal-cli
 * that limits
 * like Signal ({@link FakeSignalCli#enforceLimits}: a token bucket for the account and one per recipient, refusing
 * beyond them with signal-cli's rate-limit error and {@code retryAfterSeconds}) and that, some messages into the
 * storm, demands a captcha, which a dispatcher on Telegram solves by pasting the link (the bot's own path).
 *
 * <p>Sizes and limits: {@code load.signal.scenes} (10 of the city's 50), {@code load.signal.residents} per scene
 * (5), 3 observers per scene (two go); the fake's limits {@code load.signal.rate} messages a second for the account
 * (4, below the outbox's own 5), a burst of 10, 1 a second to one recipient with a burst of 5; the captcha after
 * {@code load.signal.captchaAfter} messages of the storm (150).
 *
 * <p>Checked per recipient and per incident ({@link SignalDeliveries}): every message the bot meant to send arrived
 * exactly once, the bot's log names no message dropped or given up, and no send arrived during a wait the fake
 * announced later than {@link FakeSignalCli#PAUSE_GRACE} after announcing it. Measured: how long the Signal outbox
 * took to drain, resident answer → next question and send → thanks, scene → group post, verdict → group post,
 * refusals and the captcha hold.
 */
final class SignalPhase {

	static final String CHALLENGE = "5fad97ac-7d06-4e44-b18a-b950b20148ff";

	private static final Pattern CODE = Pattern.compile("<code>([A-Z0-9]+)</code>");

	private static final Pattern HELD = Pattern.compile("(\\d+) messages are waiting");

	private final LoadCity city;

	private final LoadMetrics.Summary out;

	private final int scenes = Integer.getInteger("load.signal.scenes", 10);

	private final int residentsPerScene = Integer.getInteger("load.signal.residents", 5);

	private final double rate = Double.parseDouble(System.getProperty("load.signal.rate", "4"));

	private final int captchaAfter = Integer.getInteger("load.signal.captchaAfter", 150);

	private final AtomicReference<Instant> lastSignal = new AtomicReference<>(Instant.now());

	private final AtomicLong signalSent = new AtomicLong();

	/** The captcha as the dispatchers lived it: told, solution pasted, told it was accepted; and how much was held. */
	private final AtomicReference<Instant> told = new AtomicReference<>(), pasted = new AtomicReference<>(),
			accepted = new AtomicReference<>();

	private final AtomicReference<String> held = new AtomicReference<>("?");

	SignalPhase(LoadCity city, LoadMetrics.Summary out) {
		this.city = city;
		this.out = out;
	}

	void run(Path dir, ScheduledExecutorService timer, boolean jfr) throws Exception {
		Files.createDirectories(dir);
		Path neighborhoods = city.write(dir, true);
		List<LoadCity.Scene> stormed = city.scenes().subList(0, Math.min(scenes, city.scenes().size()));
		var limits = new FakeSignalCli.Limits(rate, 10, 1, 5);
		try (var telegram = new FakeTelegram();
				var signal = new FakeSignalCli();
				var bot = MeasuredBot.start(dir, telegram.url(), neighborhoods, ReportStormLoad.DISPATCHERS, jfr,
						List.of("--vigia.signal.url=" + signal.url(), "--vigia.signal.account=" + FakeSignalCli.ACCOUNT))) {
			telegram.enforceLimits(FakeTelegram.Limits.TELEGRAM);
			signal.enforceLimits(limits);
			// as signal-cli's: the bot edits prompts and alerts within Signal's edit window instead of following up
			signal.realTimestamps();
			var timeline = new SceneTimeline(city.scenes().size());
			var crowd = new SignalCrowd(signal, stormed, residentsPerScene, timeline, timer, 11);
			signal.listen(crowd);
			signal.listen(call -> {
				lastSignal.set(call.at());
				signalSent.incrementAndGet();
			});
			telegram.listen(dispatchers(telegram, crowd, timer));

			long setup = System.nanoTime();
			int invites = 0;
			for (int round = 0, joining = crowd.observers().size(); round < 5 && joining > 0; round++) {
				for (int i = 0; i < joining; i++, invites++) {
					long dispatcher = ReportStormLoad.DISPATCHERS.get(invites % ReportStormLoad.DISPATCHERS.size());
					telegram.deliver(telegram.text(dispatcher, "en", "/invite"));
				}
				try {
					Awaitility.await("every observer on duty").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
						.until(() -> crowd.onDuty() == crowd.observers().size());
				}
				catch (org.awaitility.core.ConditionTimeoutException ex) {
					// someone's joining met a fault: they start over with a new code
				}
				joining = crowd.startOver();
			}
			assertThat(crowd.onDuty()).as("observers on duty").isEqualTo(crowd.observers().size());
			out.line("signal setup: %d observers on Signal on duty in %.0f s, %d invites, %d Signal messages (not measured)",
					crowd.observers().size(), (System.nanoTime() - setup) / 1e9, invites, signalSent.get());

			int[] refusedBefore = signal.refusals();
			signal.demandProofAfter(captchaAfter, CHALLENGE, 86_400);
			try (var sampler = new LoadMetrics.Sampler(signalSent::get, bot, 1_000)) {
				var start = sampler.sample();
				Instant begun = Instant.now();
				var allSent = crowd.start();
				// a resident whose reply never comes stops: after 2 minutes without a Signal message, the checks say who
				Awaitility.await("every resident's report sent").atMost(StormPhase.PATIENCE).pollInterval(Duration.ofSeconds(1))
					.until(() -> allSent.getCount() == 0 || stalled());
				var stormEnd = sampler.sample();
				Awaitility.await("every resident thanked and every scene posted").atMost(StormPhase.PATIENCE)
					.pollInterval(Duration.ofSeconds(1)).until(() -> stalled()
							|| crowd.thanked() == crowd.residents().size() && timeline.scenesPosted() == stormed.size());
				Awaitility.await("the Signal outbox drained").atMost(StormPhase.PATIENCE).pollInterval(Duration.ofSeconds(1))
					.until(() -> Duration.between(lastSignal.get(), Instant.now()).toSeconds() >= 10);
				var drained = sampler.sample();
				double drain = Duration.between(begun, lastSignal.get()).toMillis() / 1e3;

				var sent = signal.sent().stream().filter(c -> !c.at().isBefore(begun)).toList();
				int[] refused = signal.refusals();
				out.line("signal storm: %d residents on Signal (%d scenes, %d each) sent %d of their %d messages in %.1f s, "
						+ "each after the bot's last question; %d observers on Signal", crowd.residents().size(),
						stormed.size(), residentsPerScene, crowd.residentMessages(), crowd.messages(),
						seconds(start, stormEnd), crowd.observers().size());
				out.line("  fake signal-cli limits: %s; captcha demanded after %d messages of the storm", limits,
						captchaAfter);
				out.line("  sent by the bot since the storm began: %d messages %s, last %.1f s after the storm began "
						+ "(the outbox drained); %.2f messages/s; peak over 1 s: %d", sent.size(),
						SignalDeliveries.perKind(sent, crowd), drain, sent.size() / drain, peak(sent));
				out.line("  refused: %d for rate limits (%d of them before the storm), %d for the captcha; sends during "
						+ "an announced wait: %d within %d ms of it (in flight), %d later (the wait ignored)", refused[0],
						refusedBefore[0], refused[1], signal.sendsInFlightOfAPause(), FakeSignalCli.PAUSE_GRACE.toMillis(),
						signal.sendsIgnoringAPause());
				Instant[] demand = signal.proofDemand();
				out.line("  captcha: demanded %s s into the storm, dispatchers told %s s later, solution pasted %s s later, "
						+ "accepted %s s later, %s messages held; lifted %s s after the demand", since(begun, demand[0]),
						since(demand[0], told.get()), since(told.get(), pasted.get()), since(pasted.get(), accepted.get()),
						held.get(), since(demand[0], demand[1]));
				out.line("  resident /report -> first question: %s", LoadMetrics.spread(crowd.reportToFirstQuestion()));
				out.line("  resident answer -> next question:   %s", LoadMetrics.spread(crowd.sendToReply()));
				out.line("  resident send -> thanks:            %s", LoadMetrics.spread(crowd.sendToThanks()));
				out.line("  first report -> first prompt:       %s", LoadMetrics.spread(timeline.reportToPrompt()));
				out.line("  first report -> group post:         %s", LoadMetrics.spread(timeline.reportToPost()));
				out.line("  verdict -> group post:              %s", LoadMetrics.spread(timeline.verdictToPost()));
				out.line("  CPU, storm to drained: %s", LoadMetrics.cpu(start, drained));
				out.line("  load average (1 min): %s", LoadMetrics.load(sampler.between(start.nanos(), drained.nanos())));
				out.line("  heap: %s", bot.heap());

				var check = SignalDeliveries.check(sent, crowd, stormed, city.scenes(), telegram, PostLedger.read(bot));
				long dropped = logLines(bot.log(), "A Signal message was dropped", "A Signal message was given up");
				out.line("  checks: %d wrong, %d duplicates, %d messages the bot dropped or gave up (its log); "
						+ "unexpected messages to residents: %s", check.wrong().size(), check.duplicates(), dropped,
						check.unexpected());
				check.wrong().stream().limit(40).forEach(w -> out.line("    wrong: %s", w));
				assertThat(check.wrong()).as("every message once, per recipient and per incident").isEmpty();
				assertThat(dropped).as("Signal messages the bot dropped or gave up").isZero();
				assertThat(signal.sendsIgnoringAPause()).as("sends during a wait the fake announced").isZero();
				assertThat(demand[1]).as("the captcha demand was lifted by the dispatcher's solution").isNotNull();
			}
		}
	}

	/**
	 * The dispatchers on Telegram: each invite code they get goes to the next observer; the first to hear of the
	 * captcha pastes the solution after 5 s (a person finding the link), and hears it was accepted.
	 */
	private Consumer<FakeTelegram.Call> dispatchers(FakeTelegram telegram, SignalCrowd crowd,
			ScheduledExecutorService timer) {
		var solving = new AtomicBoolean();
		return call -> {
			if (!call.method().equals("sendmessage") || !call.delivered()) {
				return;
			}
			long chat;
			try {
				chat = Long.parseLong(call.chat());
			}
			catch (NumberFormatException ex) {
				return;
			}
			if (!ReportStormLoad.DISPATCHERS.contains(chat)) {
				return;
			}
			long dispatcher = chat;
			Matcher code = CODE.matcher(call.text());
			if (code.find()) {
				crowd.inviteCode(code.group(1));
			}
			else if (call.text().contains("Signal has stopped the bot")) {
				Matcher count = HELD.matcher(call.text());
				if (solving.compareAndSet(false, true)) {
					told.set(call.at());
					held.set(count.find() ? count.group(1) : "?");
					timer.schedule(() -> {
						pasted.set(Instant.now());
						telegram.deliver(telegram.text(dispatcher, "en", FakeSignalCli.SOLVED_CAPTCHA));
					}, 5, TimeUnit.SECONDS);
				}
			}
			else if (call.text().startsWith("Signal accepted the captcha")) {
				accepted.compareAndSet(null, call.at());
			}
		};
	}

	/** Whether the bot has sent nothing on Signal for 2 minutes: someone waits for a reply that will not come. */
	private boolean stalled() {
		return Duration.between(lastSignal.get(), Instant.now()).toMinutes() >= 2;
	}

	/** The most messages that went out in any one second. */
	private static int peak(List<FakeSignalCli.Call> sent) {
		var times = sent.stream().map(FakeSignalCli.Call::at).sorted().toList();
		int peak = 0;
		for (int i = 0, j = 0; i < times.size(); i++) {
			while (Duration.between(times.get(j), times.get(i)).toMillis() >= 1000) {
				j++;
			}
			peak = Math.max(peak, i - j + 1);
		}
		return peak;
	}

	private static long logLines(Path log, String... texts) throws IOException {
		try (var lines = Files.lines(log)) {
			return lines.filter(l -> java.util.Arrays.stream(texts).anyMatch(l::contains)).count();
		}
	}

	private static String since(Instant from, Instant to) {
		return from == null || to == null ? "—" : String.format(Locale.ROOT, "%.1f", Duration.between(from, to).toMillis() / 1e3);
	}

	private static double seconds(LoadMetrics.Sample from, LoadMetrics.Sample to) {
		return (to.nanos() - from.nanos()) / 1e9;
	}

}
