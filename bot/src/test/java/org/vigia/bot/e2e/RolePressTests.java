package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.Incident;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisObserverStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Button presses made up by the people the buttons are for: a registered observer with real tokens of their own
 * and of another observer, and a real dispatcher, pressing any data with any action. Every press is answered,
 * and unless it is exactly a button the bot sent to that person, nothing changes: not the incident, its
 * dispatch, verdicts or history, not an observer's verdict count, no post, no invite.
 */
class RolePressTests {

	static final double LAT = 41.8781, LON = -87.6298;

	static final long OBSERVER = 840_001, OTHER = 840_002, RESIDENT = 840_100;

	static HostileBot bot;

	static String prompt, verdict, others;

	static Incident incident;

	static Snapshot before;

	/** What must not change. */
	record Snapshot(Incident incident, long verdicts, long otherVerdicts, Set<String> invites, long posts) {
	}

	/** One press: who presses, and the data. */
	record Press(long user, String data) {
	}

	@BeforeContainer
	static void start() throws IOException {
		bot = HostileBot.start("roles");
		bot.privacy.place(LAT, LON);
		bot.observer(OBSERVER, LAT + 0.003, LON);
		bot.observer(OTHER, LAT - 0.003, LON);
		bot.privacy.resident(RESIDENT);
		var report = new ReportDriver(bot, LAT, LON);
		report.to(RESIDENT, 1);
		report.finish(RESIDENT);
		prompt = token(OBSERVER, "¿Puede ir a verificar?");
		others = token(OTHER, "¿Puede ir a verificar?");
		// the observer says they are going: the prompt's token is used up, and they hold a verdict button
		bot.send(bot.telegram.press(OBSERVER, "es", "o:" + prompt + ":going"));
		verdict = token(OBSERVER, "¿Qué vio?");
		incident = bot.bean(RedisIncidentStore.class).open().get(0);
		before = snapshot();
	}

	static String token(long observer, String question) {
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> bot.telegram.sentTo(observer).stream()
			.anyMatch(c -> c.text().contains(question)));
		FakeTelegram.Call call = bot.telegram.sentTo(observer).stream().filter(c -> c.text().contains(question))
			.reduce((a, b) -> b).orElseThrow();
		return call.button("o:").split(":")[1];
	}

	static Snapshot snapshot() {
		var observers = bot.bean(RedisObserverStore.class);
		return new Snapshot(bot.bean(RedisIncidentStore.class).find(incident.id()).orElseThrow(),
				observers.verdicts(observers.findByChat(Long.toString(OBSERVER)).orElseThrow().id()),
				observers.verdicts(observers.findByChat(Long.toString(OTHER)).orElseThrow().id()),
				bot.redis().keys(bot.prefix + "invite:*"),
				bot.telegram.calls("sendMessage").stream().filter(c -> c.chat().startsWith("@")).count());
	}

	@AfterContainer
	static void stop() {
		try {
			System.out.println(bot.tally("RolePressTests"));
			bot.assertNoHandlerFailed();
			System.out.println("HOSTILE RolePressTests | privacy scan: " + bot.privacy.assertClean(bot.redis(), bot.prefix));
		}
		finally {
			bot.close();
		}
	}

	@Property(tries = 500)
	void aPressThatIsNotExactlyTheirButtonIsAnsweredAndChangesNothing(@ForAll("presses") Press press) {
		String who = press.user() == HostileBot.DISPATCHER ? "dispatcher" : "registered observer";
		var update = bot.telegram.press(press.user(), "es", press.data());

		var calls = bot.send("forged press by a " + who, update);

		assertThat(HostileBot.answers(update, calls)).as("answered").isTrue();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Provide
	Arbitrary<Press> presses() {
		Arbitrary<Long> who = Arbitraries.of(OBSERVER, OBSERVER, HostileBot.DISPATCHER);
		Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(prompt, verdict, others, prompt.toLowerCase(),
				prompt.substring(1), prompt + "A", "../../etc/passwd", ""),
				Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofLength(12),
				Arbitraries.strings().ofMaxLength(80));
		Arbitrary<String> incidentId = Arbitraries.oneOf(Arbitraries.of(incident.id().value(),
				incident.id().value().toUpperCase(), incident.id().value() + "x", "", "*", "../x"),
				Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_").ofMinLength(1).ofMaxLength(24),
				Arbitraries.strings().ofMaxLength(60));
		Arbitrary<String> action = Arbitraries.oneOf(Arbitraries.of("going", "cant", "ice", "police", "other", "nothing",
				"left", "confirm", "not-ice", "end", "g", "c", "i", "p", "a", "n", "x", "r", "", "gg", "i:i", ":", "ICE",
				"Going", "ice "), Arbitraries.strings().ofMaxLength(10));
		Arbitrary<String> observerPress = Combinators.combine(token, action).as((t, a) -> "o:" + t + ":" + a);
		Arbitrary<String> dispatcherPress = Combinators.combine(incidentId, action).as((i, a) -> "d:" + i + ":" + a);
		Arbitrary<String> other = Arbitraries.oneOf(
				Combinators.combine(Arbitraries.of("r", "j", "o", "d", "x", "", "O", "D"), Arbitraries.strings().ofMaxLength(70))
					.as((p, rest) -> p + ":" + rest),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new String(b, StandardCharsets.ISO_8859_1)),
				Arbitraries.strings().ofMinLength(64).ofMaxLength(4096));
		Arbitrary<String> data = Arbitraries.frequencyOf(Tuple.of(4, observerPress), Tuple.of(3, dispatcherPress),
				Tuple.of(2, other));
		return Combinators.combine(who, data).as(Press::new).filter(RolePressTests::notTheirButton);
	}

	/**
	 * Presses the bot really offers now: the observer's verdict buttons (their prompt's were used up by "I'm
	 * going"), the dispatcher's confirm, reject or end.
	 */
	static boolean notTheirButton(Press press) {
		List<String> verdicts = List.of("ice", "police", "other", "nothing");
		String[] parts = press.data().split(":", 3);
		if (press.user() == OBSERVER && parts.length == 3 && parts[0].equals("o") && parts[1].equals(verdict)
				&& verdicts.contains(parts[2])) {
			return false;
		}
		return !(press.user() == HostileBot.DISPATCHER && parts.length == 3 && parts[0].equals("d")
				&& parts[1].equals(incident.id().value()) && List.of("confirm", "not-ice", "end").contains(parts[2]));
	}

}
