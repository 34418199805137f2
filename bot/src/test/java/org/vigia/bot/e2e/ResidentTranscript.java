package org.vigia.bot.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.chat.Conversations;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.chat.ReportStep;
import org.vigia.core.chat.Turn;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.report.Recency;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Uniform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything residents read in a scenario (every message, every edit, every button label), checked as a
 * frightened neighbor reads it: no program constant ({@code PLAIN_CLOTHES}, {@code DISPATCHED}), no internal id
 * (incident, report, photo, observer, button token), no unfilled placeholder, and a count only in the words of
 * a button that offered it ("3–5", never a 4 nobody chose).
 */
final class ResidentTranscript {

	/** Constants that are also the words on buttons: the agencies' own initials. */
	private static final Set<String> WORDS_TOO = Set.of("ICE", "HSI", "ERO");

	private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");

	private static final Set<String> AGENT_LABELS = Set.of("1–2", "3–5", "6–10", "More than 10", "Más de 10",
			"Not sure", "No estoy seguro/a");

	private static final Set<String> VEHICLE_LABELS = Set.of("1", "2–3", "4 or more", "4 o más", "None / not sure",
			"Ninguno / no sé");

	private ResidentTranscript() {
	}

	/** Every text and button label delivered to these chats (messages and edits), in order. */
	static List<String> read(FakeTelegram telegram, Collection<Long> chats) {
		var texts = new ArrayList<String>();
		for (long chat : chats) {
			for (FakeTelegram.Call call : telegram.repliesTo(chat)) {
				if (call.delivered()) {
					texts.add(call.text());
					texts.addAll(call.buttonLabels());
				}
			}
		}
		return texts;
	}

	/** The opaque ids in Redis under this prefix (the last part of each key name, when it is long enough to be one). */
	static Set<String> ids(StringRedisTemplate redis, String prefix) {
		var ids = new TreeSet<String>();
		for (String key : redis.keys(prefix + "*")) {
			String last = key.substring(key.lastIndexOf(':') + 1);
			if (last.length() >= 10 && !last.matches("\\d+")) {
				ids.add(last);
			}
		}
		return ids;
	}

	/** Fails naming each text that shows a constant, an id, a placeholder or a count nobody chose. */
	static void assertReadsAsWritten(List<String> texts, Collection<String> ids) {
		assertThat(texts).as("what residents read").isNotEmpty();
		List<String> constants = Stream.of(IncidentState.values(), ReportKind.values(), Recency.values(),
				Uniform.values(), VerdictKind.values(), ActorKind.values(), ReportStep.values(),
				Conversations.Mode.values(), Verification.Reach.values(), Turn.Status.values())
			.flatMap(Stream::of)
			.map(Enum::name)
			.filter(name -> !WORDS_TOO.contains(name))
			.toList();
		for (String text : texts) {
			assertThat(CONSTANT.matcher(text).find()).as("a program constant in: %s", text).isFalse();
			for (String constant : constants) {
				assertThat(Pattern.compile("\\b" + constant + "\\b").matcher(text).find())
					.as("%s in: %s", constant, text).isFalse();
			}
			for (String id : ids) {
				assertThat(text).as("an internal id in: %s", text).doesNotContain(id);
			}
			assertThat(text).as("an unfilled placeholder in: %s", text).doesNotContain("{0}").doesNotContain("{1}")
				.doesNotContain("null");
			for (String line : text.split("\n")) {
				countIn(line, "Agents: ", "Agentes: ").ifPresent(
						count -> assertThat(AGENT_LABELS).as("agents as a button said it, in: %s", text).contains(count));
				countIn(line, "Vehicles: ", "Vehículos: ").ifPresent(
						count -> assertThat(VEHICLE_LABELS).as("vehicles as a button said it, in: %s", text).contains(count));
			}
		}
	}

	private static java.util.Optional<String> countIn(String line, String... labels) {
		for (String label : labels) {
			if (line.startsWith(label)) {
				return java.util.Optional.of(line.substring(label.length()).strip());
			}
		}
		return java.util.Optional.empty();
	}

}
