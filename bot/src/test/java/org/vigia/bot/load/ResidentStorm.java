package org.vigia.bot.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;
import org.vigia.core.geo.GeoPoint;

/**
 * The storm's 1 000 residents, 20 per scene, each sending a whole report of 11 updates (/report, the
 * kind, a location within 100 m of the scene, when, agents, vehicles, a uniform, done, no photo, no note,
 * send) without waiting for the bot's answers, as the flood tests do: the turn numbers of this path are
 * known, and one chat's updates are handled in order.
 *
 * <p>Paced, scene {@code s} starts {@code 0.8 s × s} into the minute and each of its residents starts within
 * the next 6 s, one update every 0.6 – 1.4 s: every report is complete within 60 s. Flooded, all updates are
 * queued at once, interleaved (every resident's first update, then every second one, …).
 */
final class ResidentStorm implements Consumer<Call> {

	static final int PER_SCENE = 20;

	static final long FIRST_CHAT = 1_000_000;

	/** Tapping a uniform keeps the question's turn (it is edited in place): "done" is pressed on the same turn. */
	static final List<String> PRESSES = List.of("0:CHECKPOINT", "", "2:NOW", "3:4", "4:1", "5:ICE", "5:done", "6:skip",
			"7:skip", "8:send");

	static final int UPDATES_PER_REPORT = PRESSES.size() + 1;

	/** One resident: chat, scene, where they stand, and when each of their updates goes out. */
	record Resident(long chat, int scene, String language, GeoPoint where, long[] offsetsMillis) {
	}

	private final List<Resident> residents = new ArrayList<>();

	private final Map<Long, Instant> submitted = new ConcurrentHashMap<>();

	private final Map<Long, Instant> lastReply = new ConcurrentHashMap<>();


	ResidentStorm(LoadCity city, long seed) {
		var random = new SplittableRandom(seed);
		for (LoadCity.Scene scene : city.scenes()) {
			for (int i = 0; i < PER_SCENE; i++) {
				long chat = FIRST_CHAT + scene.index() * PER_SCENE + i;
				long[] offsets = new long[UPDATES_PER_REPORT];
				offsets[0] = scene.index() * 800L + random.nextLong(6_000);
				for (int k = 1; k < offsets.length; k++) {
					offsets[k] = offsets[k - 1] + 600 + random.nextLong(800);
				}
				residents.add(new Resident(chat, scene.index(), chat % 3 == 0 ? "en" : "es",
						LoadCity.near(scene, 100, random), offsets));
			}
		}
	}

	int updates() {
		return residents.size() * UPDATES_PER_REPORT;
	}

	int size() {
		return residents.size();
	}

	/** The k-th update of a resident's report, built when it is sent (Telegram dates it then). */
	static ObjectNode update(FakeTelegram telegram, Resident r, int k) {
		if (k == 0) {
			return telegram.text(r.chat(), r.language(), "/report");
		}
		if (k == 2) {
			return telegram.location(r.chat(), r.language(), r.where().latitude(), r.where().longitude());
		}
		return telegram.press(r.chat(), r.language(), "r:" + PRESSES.get(k - 1));
	}

	/**
	 * Schedules every update at its planned time from now; the latch counts down as they are delivered. A
	 * completed report is noted in the timeline (the first per scene is when that scene "exists").
	 */
	CountDownLatch pace(FakeTelegram telegram, ScheduledExecutorService timer, SceneTimeline timeline) {
		var latch = new CountDownLatch(updates());
		for (Resident r : residents) {
			for (int k = 0; k < UPDATES_PER_REPORT; k++) {
				int step = k;
				timer.schedule(() -> {
					Instant at = Instant.now();
					telegram.deliver(update(telegram, r, step));
					if (step == UPDATES_PER_REPORT - 1) {
						submitted.put(r.chat(), at);
						timeline.reportComplete(r.scene(), at);
					}
					latch.countDown();
				}, r.offsetsMillis()[k], TimeUnit.MILLISECONDS);
			}
		}
		return latch;
	}

	/** Queues every update at once, interleaved across residents (each chat's own order kept). */
	void flood(FakeTelegram telegram) {
		for (int k = 0; k < UPDATES_PER_REPORT; k++) {
			for (Resident r : residents) {
				telegram.deliver(update(telegram, r, k));
			}
		}
	}

	/** Notes the latest message (or edit of one: the thanks replaces the summary) each resident received. */
	@Override
	public void accept(Call call) {
		boolean reply = call.method().equals("sendmessage") || call.method().equals("editmessagetext");
		if (reply && call.delivered() && !call.chat().startsWith("@")) {
			long chat = Long.parseLong(call.chat());
			if (chat >= FIRST_CHAT && chat < FIRST_CHAT + residents.size()) {
				lastReply.merge(chat, call.at(), (a, b) -> b.isAfter(a) ? b : a);
			}
		}
	}

	/**
	 * For each resident, from sending the report to the last message the bot sent them (the thanks): how
	 * long a resident waits for the answer to "send" when Telegram's 30 messages a second are shared by all.
	 */
	List<Long> replyLag() {
		var out = new ArrayList<Long>();
		submitted.forEach((chat, at) -> {
			Instant last = lastReply.get(chat);
			if (last != null) {
				out.add(Duration.between(at, last).toMillis());
			}
		});
		return out;
	}

}
