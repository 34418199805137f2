package org.vigia.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisObserverStore;

/**
 * Observers without a live location go on duty in a neighborhood (issue 12): on Signal by the number or the name
 * of a county of the sample map (its "neighborhoods"), on Telegram by typing its name. They are asked about a
 * scene in it and not about scenes far from its edge (a neighboring county's far end, another state); ten minutes
 * before their duty ends they are told, with an option that renews it (as /onduty does), and without a renewal it
 * ends two hours after it began; nonsense gets a clear answer and changes nothing. The bot's
 * clock runs ahead of the wall clock by what the test adds; Redis keeps its own time. Ordered: the steps build on
 * each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NeighborhoodDutyTests {

	static final String PREFIX = "vigia-area-duty:";

	/** An observer on Signal, and the dispatcher on Signal who invites her. */
	static final String OLGA = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", DORA = "2b3c4d5e-6f70-4b8c-9d0e-1f2a3b4c5d6e";

	/** An observer on Telegram. */
	static final long TOMAS = 7_630_101;

	/** Residents on Signal, one per report. */
	static final String[] RESIDENTS = { "3c4d5e6f-7081-4c9d-8e0f-2a3b4c5d6e7f", "4d5e6f70-8192-4dae-9f10-3b4c5d6e7f80",
			"5e6f7081-92a3-4ebf-8021-4c5d6e7f8091", "6f708192-a3b4-4fc0-9132-5d6e7f8091a2",
			"708192a3-b4c5-40d1-a243-6e7f8091a2b3" };

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static FakeSignalCli signal;

	static ShiftedClock clock;

	static TestBot bot;

	static Scenario scenario;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		signal = new FakeSignalCli();
		clock = new ShiftedClock();
		bot = TestBot.start(telegram, data, PREFIX,
				builder -> builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock)),
				"--vigia.signal.url=" + signal.url(), "--vigia.signal.account=" + FakeSignalCli.ACCOUNT,
				"--vigia.bot.signal-dispatchers=" + DORA);
		scenario = Scenario.polling(telegram);
	}

	/**
	 * The wall clock, moved ahead by hand: the Signal outbox paces its sends by the bot's clock, so a clock that
	 * stood still between moves would hold every message after the first few.
	 */
	static final class ShiftedClock extends Clock {

		private volatile Duration ahead = Duration.ZERO;

		void advance(Duration by) {
			ahead = ahead.plus(by);
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(ahead);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		signal.close();
		telegram.close();
	}

	static FakeSignalCli.Call say(String person, String text) {
		int before = signal.sentTo(person).size();
		signal.message(person, text);
		Scenario.await(() -> assertThat(signal.sentTo(person)).hasSizeGreaterThan(before));
		return signal.sentTo(person).get(before);
	}

	/** Sends a text and waits for the bot's answer that starts so (other messages may come between: prompt edits). */
	static FakeSignalCli.Call answered(String person, String text, String start) {
		int before = signal.sentTo(person).size();
		signal.message(person, text);
		Scenario.await(() -> assertThat(signal.sentTo(person).subList(before, signal.sentTo(person).size()).stream()
			.filter(c -> c.text().startsWith(start))).isNotEmpty());
		return signal.sentTo(person).subList(before, signal.sentTo(person).size()).stream()
			.filter(c -> c.text().startsWith(start)).findFirst().orElseThrow();
	}

	static boolean onDuty(String signalPerson) {
		RedisObserverStore observers = bot.bean(RedisObserverStore.class);
		return observers.findByChat("signal:" + signalPerson).map(Observer::id).filter(observers::isOnDuty).isPresent();
	}

	static ObserverId olga() {
		return bot.bean(RedisObserverStore.class).findByChat("signal:" + OLGA).orElseThrow().id();
	}

	/** Whom the open scene near this place asked to check it. */
	static java.util.Set<ObserverId> askedNear(double lat, double lon) {
		List<Incident> near = bot.bean(RedisIncidentStore.class).open().stream()
			.filter(i -> i.center().metersTo(GeoPoint.of(lat, lon)) < 300).toList();
		assertThat(near).hasSize(1);
		return near.get(0).dispatch().asked();
	}

	/** The "can you go and check?" prompts sent (not edited) to Olga. */
	static List<FakeSignalCli.Call> prompts() {
		return signal.sentTo(OLGA).stream().filter(c -> !c.params().has("editTimestamp"))
			.filter(c -> c.text().startsWith("Can you go and check?")).toList();
	}

	/** What Olga was told about her duty ending. */
	static List<FakeSignalCli.Call> endings() {
		return signal.sentTo(OLGA).stream().filter(c -> c.text().startsWith("Your duty in")).toList();
	}

	/** A resident on Signal reports a checkpoint at this place, now, and asks to hear back; the bot's thanks. */
	static String report(String resident, double lat, double lon) {
		say(resident, "/report");
		say(resident, "1");
		say(resident, "geo:" + lat + "," + lon);
		for (String answer : List.of("a", "b", "a", "ice", "done", "skip", "skip")) {
			say(resident, answer);
		}
		return say(resident, "send and tell me").text();
	}

	@Test
	@Order(1)
	void anObserverOnSignalGetsTheNeighborhoodListAndNonsenseChangesNothing() {
		int before = signal.sentTo(DORA).size();
		signal.message(DORA, "/invite");
		Scenario.await(() -> assertThat(signal.sentTo(DORA).subList(before, signal.sentTo(DORA).size()).stream()
			.filter(c -> c.text().startsWith("New observer invite code"))).hasSize(1));
		String invite = signal.sentTo(DORA).subList(before, signal.sentTo(DORA).size()).stream()
			.filter(c -> c.text().startsWith("New observer invite code")).findFirst().orElseThrow().text();
		var code = Pattern.compile("\\n([A-Z0-9]{6,})\\n").matcher(invite);
		assertThat(code.find()).isTrue();
		assertThat(say(OLGA, "/join " + code.group(1)).text()).startsWith("Before you join");
		say(OLGA, "agree");
		assertThat(say(OLGA, "Olga").text()).startsWith("Welcome, Olga.");

		String ask = say(OLGA, "/onduty").text();
		assertThat(ask).contains("Or answer with the number or the name of the neighborhood you are in")
			.contains("\n1 Cook County\n2 DuPage County\n");
		for (String nonsense : List.of("purple monkey", "99", "0", "Springfield")) {
			assertThat(say(OLGA, nonsense).text()).as(nonsense)
				.startsWith("That is not a place or a neighborhood we know, so nothing changed.");
			assertThat(onDuty(OLGA)).as(nonsense).isFalse();
		}
	}

	@Test
	@Order(2)
	void sheAnswersWithTheNumberAndIsAskedAboutASceneInItButNotAboutOnesFarFromIt() {
		assertThat(say(OLGA, "1").text())
			.startsWith("You are on duty in Cook County for the next 2 hours.");
		assertThat(onDuty(OLGA)).isTrue();
		// Waukegan, in Lake County, 20 km beyond Cook County's northern edge; Austin, Texas
		assertThat(report(RESIDENTS[0], 42.3636, -87.8448)).contains("no trained volunteer is on duty near there");
		assertThat(report(RESIDENTS[1], 30.2672, -97.7431)).contains("no trained volunteer is on duty near there");
		assertThat(prompts()).isEmpty();
		// Pilsen, Chicago, in Cook County, far from the county's middle
		assertThat(report(RESIDENTS[2], 41.8523, -87.6601)).startsWith("Thank you. Trained volunteers nearby");
		assertThat(askedNear(41.8523, -87.6601)).containsExactly(olga());
		Scenario.await(() -> assertThat(prompts()).hasSize(1));
		// where she is in the county is not known: the prompt does not pretend to know how far she is
		assertThat(prompts().get(0).text()).contains("we do not know how far from you");
	}

	@Test
	@Order(3)
	void anObserverOnTelegramTypesTheNeighborhoodsName() {
		int before = telegram.deliveredTo(Scenario.DISPATCHER).size();
		scenario.send(telegram.text(Scenario.DISPATCHER, "en", "/invite"));
		Scenario.await(() -> assertThat(telegram.deliveredTo(Scenario.DISPATCHER)).hasSize(before + 1));
		var code = Pattern.compile("<code>([A-Z0-9]+)</code>").matcher(scenario.lastTo(Scenario.DISPATCHER).text());
		assertThat(code.find()).isTrue();
		scenario.send(telegram.text(TOMAS, "en", "/join " + code.group(1)));
		scenario.send(telegram.press(TOMAS, "en", "j:y"));
		scenario.send(telegram.press(TOMAS, "en", "j:name"));
		scenario.send(telegram.text(TOMAS, "en", "/onduty"));
		Scenario.await(() -> assertThat(scenario.lastTo(TOMAS).text()).contains("Tap the neighborhood you are in"));
		List<String> buttons = scenario.lastTo(TOMAS).buttons();
		assertThat(buttons).hasSize(8).allMatch(b -> b.startsWith("duty:"));
		scenario.send(telegram.text(TOMAS, "en", "  cook   COUNTY "));
		Scenario.await(() -> assertThat(scenario.lastTo(TOMAS).text())
			.startsWith("You are on duty in Cook County for the next 2 hours."));
		RedisObserverStore observers = bot.bean(RedisObserverStore.class);
		Observer tomas = observers.findByChat(Long.toString(TOMAS)).orElseThrow();
		assertThat(observers.dutyArea(tomas.id())).contains(buttons.get(0).substring("duty:".length()));
		assertThat(observers.position(tomas.id())).isEmpty();
		// forged neighborhoods: stale, nothing changes
		scenario.send(telegram.press(TOMAS, "en", "duty:nosuchplace1"));
		scenario.send(telegram.press(TOMAS, "en", "duty:"));
		scenario.send(telegram.text(TOMAS, "en", "/rights"));
		Scenario.await(() -> assertThat(scenario.lastTo(TOMAS).text()).doesNotStartWith("You are on duty"));
		assertThat(telegram.deliveredTo(TOMAS).stream().filter(c -> c.text().startsWith("You are on duty in")))
			.hasSize(1);
		assertThat(observers.dutyArea(tomas.id())).contains(buttons.get(0).substring("duty:".length()));
		// another neighborhood of the list, later: he moves there
		scenario.send(telegram.press(TOMAS, "en", buttons.get(1)));
		Scenario.await(() -> assertThat(scenario.lastTo(TOMAS).text())
			.startsWith("You are on duty in DuPage County for the next 2 hours."));
		assertThat(observers.dutyArea(tomas.id())).contains(buttons.get(1).substring("duty:".length()));
	}

	@Test
	@Order(4)
	void tenMinutesBeforeItEndsSheIsToldAndRenewsItAndIsStillAskedAfterTheFirstTwoHours() {
		clock.advance(Duration.ofMinutes(110));
		// told once, on each messenger, with the option that renews it
		Scenario.await(() -> assertThat(endings()).hasSize(1));
		// about 10 minutes: the wall clock ran on meanwhile
		assertThat(endings().get(0).text()).containsPattern("^Your duty in Cook County ends in (9|10) minutes\\.")
			.contains("\n\n1 Stay on duty in Cook County");
		Scenario.await(() -> assertThat(telegram.deliveredTo(TOMAS).stream()
			.filter(c -> c.text().startsWith("Your duty in DuPage County ends in "))).hasSize(1));
		assertThat(telegram.deliveredTo(TOMAS).stream().filter(c -> c.text().startsWith("Your duty in")).findFirst()
			.orElseThrow().buttons()).hasSize(1).allMatch(b -> b.startsWith("duty:"));
		answered(OLGA, "1", "You are on duty in Cook County for the next 2 hours.");
		// and by name after /onduty, which renews it again
		assertThat(answered(OLGA, "/onduty", "Send the place where you are").text()).contains("1 Cook County");
		answered(OLGA, "cook county", "You are on duty in Cook County for the next 2 hours.");
		assertThat(endings()).hasSize(1);
		clock.advance(Duration.ofMinutes(20));
		assertThat(onDuty(OLGA)).isTrue();
		// Oak Park, in Cook County, 2 h 10 min after she first went on duty
		assertThat(report(RESIDENTS[3], 41.8850, -87.7845)).startsWith("Thank you. Trained volunteers nearby");
		assertThat(askedNear(41.8850, -87.7845)).contains(olga());
	}

	@Test
	@Order(5)
	void withoutRenewingHerDutyEndsAfterTwoHours() {
		clock.advance(Duration.ofMinutes(121));
		assertThat(onDuty(OLGA)).isFalse();
		// Evanston, in Cook County: nobody is on duty any more (Tomas's duty ended too)
		assertThat(report(RESIDENTS[4], 42.0451, -87.6877)).contains("no trained volunteer is on duty near there");
		assertThat(askedNear(42.0451, -87.6877)).isEmpty();
	}

}
