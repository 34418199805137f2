package org.vigia.bot.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import tools.jackson.databind.node.ObjectNode;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.core.geo.GeoPoint;

/**
 * The people of the Signal storm, on their phones ({@link FakeSignalCli}): residents who type a whole report,
 * each answer 0.6 – 1.4 s after the bot's question arrived (on Signal a person must read the numbered menu to
 * answer it, so unlike the Telegram storm's residents they wait for each question), and observers who join with
 * invite codes, go on duty at a place they send, and answer the prompts they get by quoting them, after a think
 * time. It reacts to what the fake sends (a {@link FakeSignalCli#listen listener}, on the fake's threads), so
 * every answer is scheduled on the driver's timer.
 */
final class SignalCrowd implements Consumer<FakeSignalCli.Call> {

	static final int OBSERVERS_PER_SCENE = 3;

	/**
	 * A resident's messages: /report, "Checkpoint", the place (typed coordinates), right now, 3–5 agents, one
	 * vehicle, ICE, done, no photo, no note, send (the first resident of each scene: send and be told the outcome).
	 */
	static final List<String> ANSWERS = List.of("/report", "2", "", "a", "b", "a", "ice", "done", "skip", "skip",
			"send report");

	static final String FOLLOW = "send and tell me";

	/**
	 * What the bot answers each of those messages with, as its first words: the next question (ticking ICE shows
	 * the uniforms again: any message will do), and the thanks.
	 */
	static final List<String> REPLIES = List.of("What is happening?", "Where is it?", "When did you see it?",
			"About how many agents?", "How many vehicles?", "Uniforms or markings?", "", "Photo (optional).",
			"Anything else?", "Please check your report", "Thank you");

	/** One resident: service id, scene, place, whether they ask to hear the outcome, when they begin (ms). */
	record Resident(String id, int scene, GeoPoint where, boolean follows, long startMillis) {
	}

	/** Where a resident is: the last message they sent, when, and whether its reply has come. */
	private static final class Progress {

		int step = -1;

		Instant sentAt;

		boolean answered = true;

	}

	/** One observer: service id, scene, whether they go when asked, where they stand. */
	record Observer(String id, int scene, int number, boolean goes, GeoPoint where) {
	}

	private final FakeSignalCli signal;

	private final SceneTimeline timeline;

	private final ScheduledExecutorService timer;

	private final SplittableRandom random;

	private final List<Resident> residents = new ArrayList<>();

	private final Map<String, Resident> residentsById = new ConcurrentHashMap<>();

	private final Map<String, Observer> observers = new ConcurrentHashMap<>();

	private final Map<String, Integer> sceneOfGroup = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Observer> waitingForCode = new ConcurrentLinkedQueue<>();

	private final java.util.Set<String> onDuty = ConcurrentHashMap.newKeySet();

	private final Map<String, Progress> progress = new ConcurrentHashMap<>();

	private final Map<String, Instant> submitted = new ConcurrentHashMap<>(), thanked = new ConcurrentHashMap<>();

	/** Each resident message → the bot's reply to it; the first (/report → first question) apart. */
	private final ConcurrentLinkedQueue<Long> replyLags = new ConcurrentLinkedQueue<>(),
			firstLags = new ConcurrentLinkedQueue<>();

	private final AtomicInteger residentMessages = new AtomicInteger();

	private volatile CountDownLatch allSent;

	SignalCrowd(FakeSignalCli signal, List<LoadCity.Scene> scenes, int residentsPerScene, SceneTimeline timeline,
			ScheduledExecutorService timer, long seed) {
		this.signal = signal;
		this.timeline = timeline;
		this.timer = timer;
		this.random = new SplittableRandom(seed);
		long spacing = 60_000 / Math.max(1, scenes.size());
		for (LoadCity.Scene scene : scenes) {
			sceneOfGroup.put(LoadCity.signalGroup(scene.cell()), scene.index());
			for (int i = 0; i < residentsPerScene; i++) {
				var r = new Resident(serviceId(1, scene.index() * 1000 + i), scene.index(),
						LoadCity.near(scene, 100, random), i == 0, scene.index() * spacing + random.nextLong(6_000));
				residents.add(r);
				residentsById.put(r.id(), r);
				progress.put(r.id(), new Progress());
			}
			for (int i = 0; i < OBSERVERS_PER_SCENE; i++) {
				int number = scene.index() * OBSERVERS_PER_SCENE + i;
				var o = new Observer(serviceId(2, number), scene.index(), number, i < OBSERVERS_PER_SCENE - 1,
						LoadCity.near(scene, 300, random));
				observers.put(o.id(), o);
				waitingForCode.add(o);
			}
		}
	}

	/** A Signal service id (a UUID in lower case) for a kind of person and their number. */
	static String serviceId(int kind, int number) {
		return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", kind, number);
	}

	List<Resident> residents() {
		return residents;
	}

	Map<String, Observer> observers() {
		return observers;
	}

	int onDuty() {
		return onDuty.size();
	}

	/**
	 * Observers not on duty yet (their joining met a fault, e.g. a Redis timeout, and the bot told them to call the
	 * hotline) join again with the next invite codes, as a person would start over.
	 *
	 * @return how many start over
	 */
	int startOver() {
		int n = 0;
		for (Observer o : observers.values()) {
			if (!onDuty.contains(o.id()) && !waitingForCode.contains(o)) {
				waitingForCode.add(o);
				n++;
			}
		}
		return n;
	}

	int messages() {
		return residents.size() * ANSWERS.size();
	}

	/** The scene a Signal group (id) belongs to, or null. */
	Integer sceneOfGroup(String group) {
		return sceneOfGroup.get(group);
	}

	/**
	 * An invite code a dispatcher got: the next observer joins with it, consents, gives a name, and goes on duty at
	 * the place they send, all typed at once.
	 */
	void inviteCode(String code) {
		Observer o = waitingForCode.poll();
		if (o == null) {
			return;
		}
		signal.message(o.id(), "/join " + code);
		signal.message(o.id(), "agree");
		signal.message(o.id(), "Observer " + o.number());
		signal.message(o.id(), "/onduty");
		signal.message(o.id(), String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f",
				o.where().latitude(), o.where().longitude()));
	}

	/**
	 * Starts every resident at their planned time from now; each next message goes after the reply to the last.
	 * The latch counts down as residents send their last message.
	 */
	CountDownLatch start() {
		allSent = new CountDownLatch(residents.size());
		for (Resident r : residents) {
			timer.schedule(() -> send(r, 0), r.startMillis(), TimeUnit.MILLISECONDS);
		}
		return allSent;
	}

	/** Resident messages sent so far. */
	int residentMessages() {
		return residentMessages.get();
	}

	private void send(Resident r, int step) {
		Progress p = progress.get(r.id());
		Instant at;
		synchronized (p) {
			at = Instant.now();
			p.step = step;
			p.sentAt = at;
			p.answered = false;
		}
		signal.message(r.id(), answer(r, step));
		residentMessages.incrementAndGet();
		if (step == ANSWERS.size() - 1) {
			submitted.put(r.id(), at);
			timeline.reportComplete(r.scene(), at);
			allSent.countDown();
		}
	}

	private static String answer(Resident r, int step) {
		if (step == 2) {
			return String.format(Locale.ROOT, "%.6f, %.6f", r.where().latitude(), r.where().longitude());
		}
		if (step == ANSWERS.size() - 1 && r.follows()) {
			return FOLLOW;
		}
		return ANSWERS.get(step);
	}

	/** A message to a resident: the reply to their last message, if it is the one expected; then the next. */
	private void replied(Resident r, FakeSignalCli.Call call) {
		Progress p = progress.get(r.id());
		int step;
		synchronized (p) {
			if (p.answered || p.step < 0 || !call.text().startsWith(REPLIES.get(p.step))) {
				return;
			}
			p.answered = true;
			step = p.step;
			(step == 0 ? firstLags : replyLags).add(Duration.between(p.sentAt, call.at()).toMillis());
		}
		if (step == ANSWERS.size() - 1) {
			thanked.put(r.id(), call.at());
			return;
		}
		long think;
		synchronized (random) {
			think = 600 + random.nextLong(800);
		}
		timer.schedule(() -> send(r, step + 1), think, TimeUnit.MILLISECONDS);
	}

	@Override
	public void accept(FakeSignalCli.Call call) {
		if (!call.method().equals("send")) {
			return;
		}
		String to = call.to();
		boolean fresh = !call.params().has("editTimestamp");
		Integer scene = sceneOfGroup.get(to);
		if (scene != null) {
			if (fresh && !call.params().has("quoteTimestamp")) {
				timeline.posted(scene, call.at());
			}
			return;
		}
		Resident resident = residentsById.get(to);
		if (resident != null) {
			replied(resident, call);
			return;
		}
		Observer o = observers.get(to);
		if (o == null || !fresh) {
			return;
		}
		if (call.text().startsWith("You are on duty.")) {
			onDuty.add(o.id());
		}
		else if (call.text().startsWith("Can you go and check?")) {
			timeline.prompted(o.scene(), call.at());
			reply(o, call.timestamp(), o.goes() ? "1" : "2", 500, 3_000, false);
		}
		else if (call.text().startsWith("What did you see?")) {
			reply(o, call.timestamp(), "immigration confirmed", 1_000, 5_000, true);
		}
	}

	/** Quotes the bot's message with an answer after a think time drawn between the bounds (milliseconds). */
	private void reply(Observer o, long quoted, String text, long fromMillis, long toMillis, boolean verdict) {
		long think;
		synchronized (random) {
			think = fromMillis + random.nextLong(toMillis - fromMillis);
		}
		timer.schedule(() -> {
			ObjectNode item = signal.item(o.id(), signal.nextTimestamp());
			ObjectNode message = (ObjectNode) item.get("envelope").get("dataMessage");
			message.put("message", text);
			message.putObject("quote").put("id", quoted).put("authorNumber", FakeSignalCli.ACCOUNT).put("text", "…");
			Instant at = Instant.now();
			signal.deliver(item);
			if (verdict) {
				timeline.iceDelivered(o.scene(), at);
			}
		}, think, TimeUnit.MILLISECONDS);
	}

	/** Residents who were thanked: everyone's report went through. */
	int thanked() {
		return thanked.size();
	}

	/** For each resident, from sending the report to the bot's thanks. */
	List<Long> sendToThanks() {
		return lags(submitted, thanked);
	}

	/** For each resident, from /report to the bot's first question. */
	List<Long> reportToFirstQuestion() {
		return List.copyOf(firstLags);
	}

	/** For every other resident message, from sending it to the bot's reply (the next question, or the thanks). */
	List<Long> sendToReply() {
		return List.copyOf(replyLags);
	}

	private static List<Long> lags(Map<String, Instant> from, Map<String, Instant> to) {
		var out = new ArrayList<Long>();
		from.forEach((who, at) -> {
			Instant answer = to.get(who);
			if (answer != null) {
				out.add(Duration.between(at, answer).toMillis());
			}
		});
		return out;
	}

}
