package org.vigia.bot.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.bot.telegram.FakeTelegram;

/**
 * The Signal storm's correctness, per recipient and per incident, from what the fakes took: every message the bot
 * meant to send arrived once. Each resident got every question of the report (the uniforms twice: ticking ICE
 * shows them again with it ticked), exactly one thanks, the outcome
 * exactly once if they asked for it and never otherwise; each observer exactly one "can you go and check?", and
 * those who went exactly one "what did you see?" and one thanks for their answer; each scene's Signal group
 * exactly one alert and one map pin quoting it, and its Telegram channel exactly one post, telling a duplicate
 * apart from a split scene ({@link PostLedger}); no group or channel without a scene got anything. Nobody got
 * the same message (text, quote and edit alike) twice.
 */
final class SignalDeliveries {

	/** The questions of the guided report, in English, as their first words. */
	static final List<String> QUESTIONS = List.of("What is happening?", "Where is it?", "When did you see it?",
			"About how many agents?", "How many vehicles?", "Uniforms or markings?", "Photo (optional).",
			"Anything else?", "Please check your report");

	static final String THANKS = "Thank you", OUTCOME = "Update on your report", PROMPT = "Can you go and check?",
			VERDICT = "What did you see?", VERDICT_THANKS = "Thank you. Your answer was recorded.",
			ALREADY_CONFIRMED = "Thank you. Trained volunteers have already confirmed";

	private final List<String> wrong = new ArrayList<>();

	private int duplicates;

	private int unexpected;

	private final List<String> unexpectedSamples = new ArrayList<>();

	/** Each problem found, one line per recipient or scene. */
	List<String> wrong() {
		return wrong;
	}

	/** Messages that arrived a second time, identical, to one recipient. */
	int duplicates() {
		return duplicates;
	}

	/** Messages to residents that are none of the report's questions, thanks or outcome (e.g. "I did not understand"). */
	String unexpected() {
		return unexpected + (unexpectedSamples.isEmpty() ? "" : " (first: " + String.join(" | ", unexpectedSamples) + ")");
	}

	static SignalDeliveries check(List<FakeSignalCli.Call> sent, SignalCrowd crowd, List<LoadCity.Scene> stormed,
			List<LoadCity.Scene> all, FakeTelegram telegram, PostLedger ledger) {
		var check = new SignalDeliveries();
		var byRecipient = new HashMap<String, List<FakeSignalCli.Call>>();
		sent.forEach(c -> byRecipient.computeIfAbsent(c.to(), r -> new ArrayList<>()).add(c));
		byRecipient.forEach(check::duplicates);
		for (SignalCrowd.Resident r : crowd.residents()) {
			check.resident(r, byRecipient.getOrDefault(r.id(), List.of()));
		}
		for (SignalCrowd.Observer o : crowd.observers().values()) {
			check.observer(o, byRecipient.getOrDefault(o.id(), List.of()));
		}
		var stormedCells = new java.util.HashSet<Integer>();
		stormed.forEach(s -> stormedCells.add(s.cell()));
		for (LoadCity.Scene scene : all) {
			String group = LoadCity.signalGroup(scene.cell());
			check.place(scene, stormedCells.contains(scene.cell()), byRecipient.getOrDefault(group, List.of()), telegram,
					ledger);
		}
		return check;
	}

	private void duplicates(String recipient, List<FakeSignalCli.Call> calls) {
		var seen = new HashMap<String, Integer>();
		for (FakeSignalCli.Call c : calls) {
			String key = c.text() + "\u0000" + c.params().path("quoteTimestamp").asLong(0) + "\u0000"
					+ c.params().path("editTimestamp").asLong(0);
			if (seen.merge(key, 1, Integer::sum) == 2) {
				duplicates++;
				wrong.add("duplicate to " + recipient + ": " + firstLine(c.text()));
			}
		}
	}

	private void resident(SignalCrowd.Resident r, List<FakeSignalCli.Call> got) {
		var missing = new ArrayList<String>();
		for (String question : QUESTIONS) {
			if (count(got, question) == 0) {
				missing.add(question);
			}
		}
		if (!missing.isEmpty()) {
			wrong.add("resident " + r.id() + " of scene " + r.scene() + " never got: " + missing);
		}
		int thanks = count(got, THANKS);
		if (thanks != 1) {
			wrong.add("resident " + r.id() + " of scene " + r.scene() + " was thanked " + thanks + " times");
		}
		int outcomes = count(got, OUTCOME);
		// a report sent after its scene was confirmed is thanked with the alert already out, and nothing follows
		boolean toldAlready = count(got, ALREADY_CONFIRMED) > 0;
		if (outcomes != (r.follows() && !toldAlready ? 1 : 0)) {
			wrong.add("resident " + r.id() + " of scene " + r.scene() + (r.follows() ? ", who asked," : ", who did not ask,")
					+ " was told the outcome " + outcomes + " times");
		}
		for (FakeSignalCli.Call c : got) {
			String text = c.text();
			if (QUESTIONS.stream().noneMatch(text::startsWith) && !text.startsWith(THANKS) && !text.startsWith(OUTCOME)) {
				unexpected++;
				if (unexpectedSamples.size() < 3) {
					unexpectedSamples.add(firstLine(text));
				}
			}
		}
	}

	private void observer(SignalCrowd.Observer o, List<FakeSignalCli.Call> got) {
		var fresh = got.stream().filter(c -> !c.params().has("editTimestamp")).toList();
		int prompts = count(fresh, PROMPT), verdicts = count(fresh, VERDICT), thanks = count(fresh, VERDICT_THANKS);
		int expected = o.goes() ? 1 : 0;
		if (prompts != 1 || verdicts != expected || thanks != expected) {
			wrong.add(String.format(java.util.Locale.ROOT,
					"observer %s of scene %d (%s): %d prompts, %d verdict questions, %d thanks for a verdict", o.id(),
					o.scene(), o.goes() ? "goes" : "cannot go", prompts, verdicts, thanks));
		}
	}

	/** A scene's Signal group and Telegram channel: one alert each (and a pin quoting the group's), or none. */
	private void place(LoadCity.Scene scene, boolean stormed, List<FakeSignalCli.Call> group, FakeTelegram telegram,
			PostLedger ledger) {
		var posts = group.stream().filter(c -> !c.params().has("quoteTimestamp") && !c.params().has("editTimestamp"))
			.toList();
		var postIds = posts.stream().map(c -> Long.toString(c.timestamp())).toList();
		var channelIds = telegram.deliveredTo(scene.channel()).stream()
			.map(c -> Long.toString(telegram.messageId(c))).toList();
		if (!stormed) {
			if (!group.isEmpty() || !channelIds.isEmpty()) {
				wrong.add("scene " + scene.index() + " had no reports, yet its group got " + group.size()
						+ " messages and its channel " + channelIds.size());
			}
			return;
		}
		String groupWhy = ledger.explain("signal:" + LoadCity.signalGroup(scene.cell()), postIds);
		if (groupWhy != null) {
			wrong.add("scene " + scene.index() + ", Signal group: " + groupWhy);
		}
		Set<Long> postTimestamps = new java.util.HashSet<>();
		posts.forEach(p -> postTimestamps.add(p.timestamp()));
		long pins = group.stream().filter(c -> postTimestamps.contains(c.params().path("quoteTimestamp").asLong(-1)))
			.filter(c -> c.text().contains("maps")).count();
		if (pins != posts.size()) {
			wrong.add("scene " + scene.index() + ", Signal group: " + posts.size() + " alerts but " + pins + " map pins");
		}
		String channelWhy = ledger.explain(scene.channel(), channelIds);
		if (channelWhy != null) {
			wrong.add("scene " + scene.index() + ", channel " + scene.channel() + ": " + channelWhy);
		}
	}

	private static int count(List<FakeSignalCli.Call> calls, String prefix) {
		return (int) calls.stream().filter(c -> c.text().startsWith(prefix)).count();
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		String line = end < 0 ? text : text.substring(0, end);
		return line.length() > 60 ? line.substring(0, 60) + "…" : line;
	}

	/** Messages per recipient kind, for the summary. */
	static Map<String, Long> perKind(List<FakeSignalCli.Call> sent, SignalCrowd crowd) {
		var out = new java.util.TreeMap<String, Long>();
		for (FakeSignalCli.Call c : sent) {
			String kind = crowd.sceneOfGroup(c.to()) != null ? "groups"
					: crowd.observers().containsKey(c.to()) ? "observers" : "residents";
			out.merge(kind, 1L, Long::sum);
		}
		return out;
	}

}
