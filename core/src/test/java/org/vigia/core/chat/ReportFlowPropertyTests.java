package org.vigia.core.chat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a person (or a script) sends, the report flow answers and never throws: random text in any
 * script, emoji and right-to-left text, 100 KB messages, forged button values, locations anywhere on
 * Earth, rejected photos, in any order.
 */
class ReportFlowPropertyTests {

	final ReportFlow flow = new ReportFlow(new ReportFlowTests.TestPlaces());

	@Property(tries = 300)
	void anySequenceOfInputsGetsAnAnswerAndNeverAnIncompleteSubmission(@ForAll("inputs") List<Input> inputs) {
		Turn turn = flow.start("es");
		for (Input input : inputs) {
			if (turn.status() != Turn.Status.CONTINUE) {
				break;
			}
			turn = flow.next(turn.draft(), input);
			if (turn.status() == Turn.Status.CONTINUE || turn.status() == Turn.Status.CANCELLED) {
				assertThat(turn.prompts()).hasSize(1);
			}
			if (turn.status() == Turn.Status.SUBMIT || turn.status() == Turn.Status.SUBMIT_AND_FOLLOW) {
				assertThat(turn.draft().complete()).isTrue();
				assertThat(places(turn.draft().location())).isTrue();
			}
			if (turn.draft().note() != null) {
				assertThat(turn.draft().note().codePointCount(0, turn.draft().note().length())).isLessThanOrEqualTo(500);
			}
		}
	}

	boolean places(GeoPoint point) {
		return new ReportFlowTests.TestPlaces().inServiceArea(point);
	}

	@Provide
	Arbitrary<List<Input>> inputs() {
		Arbitrary<Input> choice = Arbitraries.oneOf(
				Arbitraries.of("DETENTION", "CHECKPOINT", "NOW", "EARLIER", "2", "0", "ICE", "done", "skip", "send",
						"sendf", "back", "nb", "n1", "n2", "st", "DROP_TABLE", "99", "-1", "sendff"),
				Arbitraries.strings().ofMinLength(1).ofMaxLength(24).alpha())
			.map(Input.Choice::new);
		Arbitrary<Input> typed = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(600),
				Arbitraries.strings().withCharRange('\u0590', '\u06FF').ofMaxLength(300),
				Arbitraries.of("🚨🚨 ICE!!! 🚓", "Santa Clara St & 1st St", "\u202Eevil\u202C", "",
						"x".repeat(100_000)))
			.map(Input.Typed::new);
		Arbitrary<Input> location = Combinators
			.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180))
			.as((lat, lon) -> (Input) new Input.Location(GeoPoint.of(lat, lon)));
		Arbitrary<Input> here = Arbitraries.just(new Input.Location(ReportFlowTests.SAN_JOSE));
		Arbitrary<Input> photo = Arbitraries.of(new Input.Photo("abc123"), new Input.RejectedPhoto("report.photo.tooLarge"));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, choice), net.jqwik.api.Tuple.of(3, typed),
				net.jqwik.api.Tuple.of(1, location), net.jqwik.api.Tuple.of(2, here), net.jqwik.api.Tuple.of(1, photo))
			.list()
			.ofMaxSize(40);
	}

}
