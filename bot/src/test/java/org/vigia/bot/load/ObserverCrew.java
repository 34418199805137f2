package org.vigia.bot.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;
import org.vigia.core.geo.GeoPoint;

/**
 * The storm's 200 observers, four within 300 m of each scene, as people with phones: they join with invite
 * codes that dispatchers ask the bot for, go on duty with their location, and answer the prompts they
 * receive after a short think time. In each scene three answer "I'm going" and then "ICE confirmed"; the
 * fourth answers "can't" (which makes the bot look for someone else, and find nobody near).
 *
 * <p>It reacts to what the fake Bot API receives (a {@link FakeTelegram#listen listener}, called on the
 * server's threads), so it schedules every answer on the driver's timer instead of answering in place.
 */
final class ObserverCrew implements Consumer<Call> {

	static final int PER_SCENE = 4;

	static final long FIRST_CHAT = 500_000;

	private static final Pattern CODE = Pattern.compile("<code>([A-Z0-9]+)</code>");

	/** One observer: their chat, the scene they stand near, and whether they will go. */
	record Member(long chat, int scene, boolean goes, String language, GeoPoint where) {
	}

	private final FakeTelegram telegram;

	private final List<Long> dispatchers;

	private final SceneTimeline timeline;

	private final ScheduledExecutorService timer;

	private final Map<Long, Member> members = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Member> waitingForCode = new ConcurrentLinkedQueue<>();

	private final AtomicInteger onDuty = new AtomicInteger();

	private final SplittableRandom random;

	ObserverCrew(FakeTelegram telegram, LoadCity city, List<Long> dispatchers, SceneTimeline timeline,
			ScheduledExecutorService timer, long seed) {
		this.telegram = telegram;
		this.dispatchers = dispatchers;
		this.timeline = timeline;
		this.timer = timer;
		this.random = new SplittableRandom(seed);
		for (LoadCity.Scene scene : city.scenes()) {
			for (int i = 0; i < PER_SCENE; i++) {
				long chat = FIRST_CHAT + scene.index() * PER_SCENE + i;
				var member = new Member(chat, scene.index(), i < PER_SCENE - 1, chat % 2 == 0 ? "es" : "en",
						LoadCity.near(scene, 300, random));
				members.put(chat, member);
				waitingForCode.add(member);
			}
		}
	}

	int size() {
		return members.size();
	}

	/**
	 * Setup, not measured: dispatchers ask for one invite per observer (spread over several dispatchers,
	 * since one private chat gets at most a message a second), and each observer joins and goes on duty as
	 * soon as their code arrives. Returns when every observer was told they are on duty.
	 */
	void enlist(Duration atMost) {
		for (int i = 0; i < members.size(); i++) {
			long dispatcher = dispatchers.get(i % dispatchers.size());
			telegram.deliver(telegram.text(dispatcher, "en", "/invite"));
		}
		Awaitility.await("every observer on duty").atMost(atMost).pollInterval(Duration.ofSeconds(1))
			.until(() -> onDuty.get() == members.size());
	}

	@Override
	public void accept(Call call) {
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
		if (dispatchers.contains(chat)) {
			Matcher code = CODE.matcher(call.text());
			Member next = code.find() ? waitingForCode.poll() : null;
			if (next != null) {
				join(next, code.group(1));
			}
			return;
		}
		Member member = members.get(chat);
		if (member == null) {
			return;
		}
		if (call.text().startsWith("You are on duty") || call.text().startsWith("Está de turno")) {
			onDuty.incrementAndGet();
		}
		List<String> buttons = call.buttons();
		if (buttons.stream().anyMatch(b -> b.startsWith("o:") && b.endsWith(":going"))) {
			timeline.prompted(member.scene(), call.at());
			press(member, call.button("o:").replaceFirst(":going$", member.goes() ? ":going" : ":cant"), 500, 3_000, false);
		}
		else if (buttons.stream().anyMatch(b -> b.startsWith("o:") && b.endsWith(":ice"))) {
			String ice = buttons.stream().filter(b -> b.startsWith("o:") && b.endsWith(":ice")).findFirst().orElseThrow();
			press(member, ice, 1_000, 5_000, true);
		}
	}

	private void join(Member member, String code) {
		telegram.deliver(telegram.text(member.chat(), member.language(), "/join " + code));
		telegram.deliver(telegram.press(member.chat(), member.language(), "j:y"));
		telegram.deliver(telegram.press(member.chat(), member.language(), "j:name"));
		telegram.deliver(telegram.text(member.chat(), member.language(), "/onduty"));
		telegram.deliver(telegram.location(member.chat(), member.language(), member.where().latitude(),
				member.where().longitude()));
	}

	/** Presses a button after a think time drawn between the two bounds (milliseconds). */
	private void press(Member member, String data, long fromMillis, long toMillis, boolean verdict) {
		long think;
		synchronized (random) {
			think = fromMillis + random.nextLong(toMillis - fromMillis);
		}
		timer.schedule(() -> {
			Instant at = Instant.now();
			telegram.deliver(telegram.press(member.chat(), member.language(), data));
			if (verdict) {
				timeline.iceDelivered(member.scene(), at);
			}
		}, think, TimeUnit.MILLISECONDS);
	}

}
