package org.vigia.bot.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What happened to each scene during the storm, as the driver saw it from outside the bot: when its first
 * report was complete (the last update of the first resident to finish was delivered), when the first
 * observer prompt reached the fake Bot API, when each "ICE confirmed" press was delivered, and when each
 * channel post arrived. Durations between them are the figures of the run. Thread-safe.
 */
final class SceneTimeline {

	private final Instant[] firstReport;

	private final Instant[] firstPrompt;

	private final List<List<Instant>> ice = new ArrayList<>();

	private final List<List<Instant>> posts = new ArrayList<>();

	SceneTimeline(int scenes) {
		firstReport = new Instant[scenes];
		firstPrompt = new Instant[scenes];
		for (int i = 0; i < scenes; i++) {
			ice.add(new ArrayList<>());
			posts.add(new ArrayList<>());
		}
	}

	synchronized void reportComplete(int scene, Instant at) {
		firstReport[scene] = earliest(firstReport[scene], at);
	}

	synchronized void prompted(int scene, Instant at) {
		firstPrompt[scene] = earliest(firstPrompt[scene], at);
	}

	synchronized void iceDelivered(int scene, Instant at) {
		ice.get(scene).add(at);
	}

	synchronized void posted(int scene, Instant at) {
		posts.get(scene).add(at);
	}

	synchronized int scenesPosted() {
		return (int) posts.stream().filter(p -> !p.isEmpty()).count();
	}

	synchronized List<Integer> postsPerScene() {
		return posts.stream().map(List::size).toList();
	}

	/**
	 * From the delivery of the second "ICE confirmed" (the last verdict the quorum of two needs) to the post.
	 * The bot may handle a third verdict first; the quorum is then still met no earlier than the second's
	 * delivery, so this never flatters the bot.
	 */
	synchronized List<Long> verdictToPost() {
		return durations(s -> ice.get(s).size() < 2 ? null : ice.get(s).stream().sorted().toList().get(1));
	}

	synchronized List<Long> reportToPrompt() {
		var out = new ArrayList<Long>();
		for (int s = 0; s < firstReport.length; s++) {
			if (firstReport[s] != null && firstPrompt[s] != null) {
				out.add(Duration.between(firstReport[s], firstPrompt[s]).toMillis());
			}
		}
		return out;
	}

	synchronized List<Long> reportToPost() {
		return durations(s -> firstReport[s]);
	}

	/** Milliseconds from the instant {@code from} picks for a scene to that scene's first post. */
	private List<Long> durations(IntFunction<Instant> from) {
		var out = new ArrayList<Long>();
		for (int s = 0; s < posts.size(); s++) {
			Instant start = from.apply(s);
			if (start != null && !posts.get(s).isEmpty()) {
				out.add(Duration.between(start, posts.get(s).stream().min(Instant::compareTo).orElseThrow()).toMillis());
			}
		}
		return out;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a == null || b.isBefore(a) ? b : a;
	}

}
