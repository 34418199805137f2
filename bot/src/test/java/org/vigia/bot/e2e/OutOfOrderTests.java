package org.vigia.bot.e2e;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of a report in any order, repeated or missing: a later answer before an earlier one, a double tap,
 * the send button first, /report or /cancel in the middle. Each is answered; a report is stored only when it is
 * complete and the resident was thanked for it, never half-way; and afterwards the resident can still report.
 */
class OutOfOrderTests {

	static final double LAT = 30.2672, LON = -97.7431;

	static final AtomicLong RESIDENTS = new AtomicLong(830_000);

	static final ObjectMapper JSON = new ObjectMapper();

	static HostileBot bot;

	static ReportDriver report;

	/** One thing a resident may send during a report, with the turn numbers of an undisturbed report. */
	enum Step {

		REPORT(null), KIND("r:0:DETENTION"), WHERE(null), WHEN("r:2:NOW"), AGENTS("r:3:4"), VEHICLES("r:4:1"),
		UNIFORM("r:5:done"), PHOTO("r:6:skip"), NOTE("r:7:skip"), SEND("r:8:send"), FOLLOW("r:8:sendf"),
		BACK("r:4:back"), STALE("r:1:DETENTION"), CANCEL(null);

		final String data;

		Step(String data) {
			this.data = data;
		}

		LongFunction<ObjectNode> update() {
			return switch (this) {
				case REPORT -> user -> bot.telegram.text(user, "en", "/report");
				case WHERE -> user -> bot.telegram.location(user, "en", LAT, LON);
				case CANCEL -> user -> bot.telegram.text(user, "en", "/cancel");
				default -> user -> bot.telegram.press(user, "en", data);
			};
		}

	}

	@BeforeContainer
	static void start() throws IOException {
		bot = HostileBot.start("order");
		bot.privacy.place(LAT, LON);
		report = new ReportDriver(bot, LAT, LON);
	}

	@AfterContainer
	static void stop() {
		try {
			System.out.println(bot.tally("OutOfOrderTests"));
			bot.assertNoHandlerFailed();
			System.out.println("HOSTILE OutOfOrderTests | privacy scan: " + bot.privacy.assertClean(bot.redis(), bot.prefix));
		}
		finally {
			bot.close();
		}
	}

	@Property(tries = 150)
	void stepsInAnyOrderAreAnsweredAndOnlyCompleteReportsAreStored(@ForAll("scrambled") List<Step> steps) {
		long resident = RESIDENTS.incrementAndGet();
		bot.privacy.resident(resident);
		int stored = reports().size();
		int thanked = 0;

		for (Step step : steps) {
			ObjectNode update = step.update().apply(resident);
			var calls = bot.send("out of order: report steps in any order, repeated or missing", update);
			assertThat(HostileBot.answers(update, calls)).as(step + " answered").isTrue();
			thanked += (int) HostileBot.texts(calls, resident).stream().filter(t -> t.startsWith("Thank you")).count();
		}

		Set<String> after = reports();
		assertThat(after).as("a report stored for every thank-you, and only then").hasSize(stored + thanked);
		for (String key : after) {
			JsonNode doc = read(key);
			assertThat(doc.path("k").isTextual() && doc.path("r").isTextual() && doc.path("lat").isNumber()
					&& doc.path("lon").isNumber()).as("a complete report: " + key).isTrue();
		}
		if (thanked < 2) {
			// the rate limit allows three reports in five minutes: the resident can always make one more
			report.to(resident, 1);
			report.finish(resident);
		}
	}

	@Provide
	Arbitrary<List<Step>> scrambled() {
		Arbitrary<List<Step>> any = Arbitraries.of(Step.values()).list().ofMinSize(1).ofMaxSize(24);
		Arbitrary<List<Step>> shuffled = Arbitraries.just(List.of(Step.values())).flatMap(
				all -> Arbitraries.shuffle(all.subList(0, 10)));
		// an undisturbed report with a few steps repeated or slipped in anywhere
		Arbitrary<List<Step>> inOrderWithRepeats = Combinators.combine(Arbitraries.of(Step.values()),
				Arbitraries.integers().between(0, 10)).as(net.jqwik.api.Tuple::of).list().ofMaxSize(4)
			.map(extra -> {
				var steps = new java.util.ArrayList<>(List.of(Step.values()).subList(0, 10));
				extra.forEach(e -> steps.add(Math.min(e.get2(), steps.size()), e.get1()));
				return List.copyOf(steps);
			});
		return Arbitraries.oneOf(any, shuffled, inOrderWithRepeats);
	}

	static Set<String> reports() {
		return bot.redis().keys(bot.prefix + "report:*");
	}

	static JsonNode read(String key) {
		try {
			return JSON.readTree(bot.redis().opsForValue().get(key));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
