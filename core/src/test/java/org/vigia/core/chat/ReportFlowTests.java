package org.vigia.core.chat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Recency;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Uniform;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFlowTests {

	/** Downtown San José, inside the test service area. */
	static final GeoPoint SAN_JOSE = GeoPoint.of(37.3382, -121.8863);

	/** Oakland, outside it. */
	static final GeoPoint OAKLAND = GeoPoint.of(37.8044, -122.2712);

	static final class TestPlaces implements Places {

		boolean geocoder = true;

		@Override
		public boolean inServiceArea(GeoPoint point) {
			return Math.abs(point.latitude() - SAN_JOSE.latitude()) < 0.2
					&& Math.abs(point.longitude() - SAN_JOSE.longitude()) < 0.2;
		}

		@Override
		public List<Choice> neighborhoods() {
			return List.of(new Choice("n1", "Downtown"), new Choice("n2", "East Side"));
		}

		@Override
		public Optional<GeoPoint> neighborhoodPoint(String value) {
			return value.equals("n1") ? Optional.of(SAN_JOSE) : value.equals("n2")
					? Optional.of(GeoPoint.of(37.35, -121.85)) : Optional.empty();
		}

		@Override
		public boolean canGeocode() {
			return geocoder;
		}

		@Override
		public Optional<GeoPoint> geocode(String text) {
			return text.contains("Santa Clara") ? Optional.of(GeoPoint.of(37.3363, -121.8905)) : Optional.empty();
		}

	}

	final TestPlaces places = new TestPlaces();

	final ReportFlow flow = new ReportFlow(places);

	Turn feed(Turn turn, Input... inputs) {
		for (Input input : inputs) {
			assertThat(turn.status()).isEqualTo(Turn.Status.CONTINUE);
			turn = flow.next(turn.draft(), input);
		}
		return turn;
	}

	static Input choice(String value) {
		return new Input.Choice(value);
	}

	@Test
	void aCompleteReportIsSubmittedWithEveryAnswer() {
		Turn turn = feed(flow.start("es"), choice("DETENTION"), new Input.Location(SAN_JOSE), choice("NOW"),
				choice("4"), choice("3"), choice("ICE"), choice("PLAIN_CLOTHES"), choice("done"), choice("skip"),
				new Input.Typed("  Two vans at the gas station  "), choice("sendf"));

		assertThat(turn.status()).isEqualTo(Turn.Status.SUBMIT_AND_FOLLOW);
		ReportDraft d = turn.draft();
		assertThat(d.kind()).isEqualTo(ReportKind.DETENTION);
		assertThat(d.location()).isEqualTo(SAN_JOSE);
		assertThat(d.recency()).isEqualTo(Recency.NOW);
		assertThat(d.agents()).isEqualTo(new CountRange(3, 5));
		assertThat(d.vehicles()).isEqualTo(new CountRange(2, 3));
		assertThat(d.uniforms()).containsExactlyInAnyOrder(Uniform.ICE, Uniform.PLAIN_CLOTHES);
		assertThat(d.note()).isEqualTo("Two vans at the gas station");
		assertThat(d.language()).isEqualTo("es");
		assertThat(turn.prompts()).as("the resident is thanked by whoever knows what became of the report").isEmpty();
	}

	@Test
	void theSummaryShowsTheAnswersBeforeSending() {
		Turn turn = feed(flow.start("en"), choice("CHECKPOINT"), choice("nb"), choice("n2"), choice("EARLIER"),
				choice("0"), choice("0"), choice("done"), choice("skip"), choice("skip"));

		assertThat(turn.draft().step()).isEqualTo(ReportStep.CONFIRM);
		Text summary = turn.prompts().get(turn.prompts().size() - 1).text();
		assertThat(summary.key()).isEqualTo("report.confirm.summary");
		assertThat(summary.args()).contains(Text.of("report.kind.checkpoint"), "East Side",
				Text.of("report.when.earlier"));
	}

	@Test
	void aLocationOutsideTheServiceAreaIsExplainedAndTheQuestionRepeated() {
		Turn atWhere = feed(flow.start("en"), choice("CHECKPOINT"));
		Turn turn = flow.next(atWhere.draft(), new Input.Location(OAKLAND));

		assertThat(turn.draft().step()).isEqualTo(ReportStep.WHERE);
		assertThat(turn.draft().location()).isNull();
		assertThat(turn.prompts()).singleElement().satisfies(p -> {
			assertThat(p.text().args().get(0)).isEqualTo(Text.of("report.where.outside"));
			assertThat(p.askLocation()).isTrue();
		});
	}

	@Test
	void typedCrossStreetsAreGeocodedAndKeptAsThePlace() {
		Turn turn = feed(flow.start("en"), choice("VEHICLES_WAITING"), choice("st"),
				new Input.Typed("Santa Clara St & 1st St"));

		assertThat(turn.draft().step()).isEqualTo(ReportStep.WHEN);
		assertThat(turn.draft().placeText()).isEqualTo("Santa Clara St & 1st St");
	}

	@Test
	void crossStreetsThatCannotBeFoundOfferTheNeighborhoodList() {
		Turn turn = feed(flow.start("en"), choice("VEHICLES_WAITING"), choice("st"), new Input.Typed("asdf qwer"));

		assertThat(turn.draft().step()).isEqualTo(ReportStep.WHERE_NEIGHBORHOOD);
		assertThat(turn.prompts()).singleElement().satisfies(p -> {
			assertThat(p.text().args().get(0)).isEqualTo(Text.of("report.where.streets.notFound"));
			assertThat(p.option("n1")).isPresent();
		});
	}

	@Test
	void withoutAGeocoderTypingStreetsIsNotOffered() {
		places.geocoder = false;
		Turn turn = feed(flow.start("en"), choice("OTHER"));

		assertThat(turn.prompts().get(0).option("st")).isEmpty();
		assertThat(turn.prompts().get(0).text().key()).isEqualTo("report.where.askNoStreets");
		Turn typed = flow.next(turn.draft(), new Input.Typed("Main and 5th"));
		assertThat(typed.draft().step()).isEqualTo(ReportStep.WHERE);
		assertThat(typed.prompts().get(0).text().args().get(0)).isEqualTo(Text.of("report.where.error.noGeocoder"));
	}

	@Test
	void backReturnsToThePreviousQuestionKeepingTheAnswers() {
		Turn turn = feed(flow.start("en"), choice("COURTHOUSE"), new Input.Location(SAN_JOSE), choice("back"));

		assertThat(turn.draft().step()).isEqualTo(ReportStep.WHERE);
		assertThat(turn.draft().kind()).isEqualTo(ReportKind.COURTHOUSE);
	}

	@ParameterizedTest
	@EnumSource(value = ReportStep.class, names = { "KIND", "WHERE", "WHEN", "UNIFORM", "CONFIRM" })
	void cancelEndsTheConversationFromAnyStep(ReportStep step) {
		Turn turn = flow.start("en");
		Input[] path = { choice("DETENTION"), new Input.Location(SAN_JOSE), choice("NOW"), choice("2"), choice("1"),
				choice("done"), choice("skip"), choice("skip") };
		int i = 0;
		while (turn.draft().step() != step) {
			turn = flow.next(turn.draft(), path[i++]);
		}

		Turn cancelled = flow.next(turn.draft(), choice("cancel"));

		assertThat(cancelled.status()).isEqualTo(Turn.Status.CANCELLED);
		assertThat(cancelled.prompts()).extracting(p -> p.text().key()).containsExactly("report.cancelled");
	}

	@Test
	void garbageOrForgedAnswersChangeNothingButTheTurn() {
		Turn start = flow.start("en");
		for (Input bad : List.of(new Input.Typed("ICE IS EVERYWHERE!!! 🚨🚨"), choice("DROP_TABLE"),
				new Input.Location(OAKLAND), new Input.Typed(""), choice("sendf"))) {
			Turn turn = flow.next(start.draft(), bad);

			assertThat(turn.status()).isEqualTo(Turn.Status.CONTINUE);
			assertThat(turn.draft().step()).isEqualTo(ReportStep.KIND);
			assertThat(turn.draft().kind()).isNull();
			assertThat(turn.draft().turn()).isGreaterThan(start.draft().turn());
		}
	}

	@Test
	void aNoteLongerThanTheLimitIsRefusedWithTheLimit() {
		Turn atNote = feed(flow.start("en"), choice("DETENTION"), new Input.Location(SAN_JOSE), choice("NOW"),
				choice("2"), choice("1"), choice("done"), choice("skip"));
		Turn turn = flow.next(atNote.draft(), new Input.Typed("x".repeat(501)));

		assertThat(turn.draft().step()).isEqualTo(ReportStep.NOTE);
		assertThat(turn.draft().note()).isNull();
		assertThat(turn.prompts().get(0).text().args().get(0)).isEqualTo(Text.of("report.error.tooLong", 500));
	}

	@Test
	void uniformsToggleOnAndOffOnTheSameQuestion() {
		Turn atUniforms = feed(flow.start("en"), choice("DETENTION"), new Input.Location(SAN_JOSE), choice("NOW"),
				choice("2"), choice("1"));
		Turn turn = feed(atUniforms, choice("ICE"), choice("HSI"), choice("ICE"));

		assertThat(turn.draft().uniforms()).containsExactly(Uniform.HSI);
		assertThat(turn.prompts().get(0).option("HSI").orElseThrow().label().key()).isEqualTo("report.uniform.chosen");
		assertThat(turn.draft().turn()).as("the question's buttons stay valid while it is edited in place")
			.isEqualTo(atUniforms.draft().turn());
	}

	@Test
	void theSummaryShowsEachCountAsTheButtonThatWasPressed() {
		Turn atAgents = feed(flow.start("en"), choice("DETENTION"), new Input.Location(SAN_JOSE), choice("NOW"));
		List<Option> agentButtons = buttons(atAgents);
		for (Option agents : agentButtons) {
			Turn atVehicles = flow.next(atAgents.draft(), choice(agents.value()));
			for (Option vehicles : buttons(atVehicles)) {
				Turn atSummary = feed(atVehicles, choice(vehicles.value()), choice("done"), choice("skip"), choice("skip"));

				Text summary = atSummary.prompts().get(0).text();
				assertThat(summary.key()).isEqualTo("report.confirm.summary");
				assertThat(summary.args().get(3)).as("agents").isEqualTo(agents.label());
				assertThat(summary.args().get(4)).as("vehicles").isEqualTo(vehicles.label());
			}
		}
		assertThat(agentButtons).extracting(o -> o.label().key()).containsExactly("report.agents.few",
				"report.agents.some", "report.agents.many", "report.agents.lots", "report.unsure");
	}

	@Test
	void theSummaryNamesUniformsByTheirLabels() {
		Turn turn = feed(flow.start("es"), choice("DETENTION"), new Input.Location(SAN_JOSE), choice("NOW"),
				choice("4"), choice("3"), choice("PLAIN_CLOTHES"), choice("ICE"), choice("done"), choice("skip"),
				choice("skip"));

		assertThat(turn.prompts().get(0).text().args().get(5)).isEqualTo(
				List.of(Text.of("report.uniform.ice"), Text.of("report.uniform.plainClothes")));
	}

	@Test
	void aVenueNamesThePlace() {
		Turn turn = feed(flow.start("en"), choice("DETENTION"),
				new Input.Location(SAN_JOSE, "SAP Center, 525 W Santa Clara St"));

		assertThat(turn.draft().placeText()).isEqualTo("SAP Center, 525 W Santa Clara St");
		assertThat(turn.draft().location()).isEqualTo(SAN_JOSE);
		assertThat(turn.draft().area()).isNull();
	}

	@Test
	void everyStepIsOneMessage() {
		Turn turn = flow.start("en");
		for (Input input : List.of(choice("DETENTION"), new Input.Typed("??"), new Input.Location(OAKLAND),
				new Input.Location(SAN_JOSE), choice("NOW"), choice("4"), choice("3"), choice("ICE"), choice("done"),
				new Input.RejectedPhoto("report.photo.tooLarge"), new Input.Photo("p1"), choice("skip"))) {
			turn = flow.next(turn.draft(), input);

			assertThat(turn.prompts()).as("after " + input).hasSize(1);
		}
	}

	static List<Option> buttons(Turn turn) {
		return turn.prompts().get(0).rows().stream().flatMap(List::stream)
			.filter(o -> !o.value().equals("back") && !o.value().equals("cancel")).toList();
	}

	@Test
	void aRejectedPhotoIsExplainedAndCanBeSkipped() {
		Turn atPhoto = feed(flow.start("en"), choice("DETENTION"), new Input.Location(SAN_JOSE), choice("NOW"),
				choice("2"), choice("1"), choice("done"));
		Turn rejected = flow.next(atPhoto.draft(), new Input.RejectedPhoto("report.photo.notAnImage"));

		assertThat(rejected.draft().step()).isEqualTo(ReportStep.PHOTO);
		assertThat(rejected.prompts().get(0).text().args().get(0)).isEqualTo(Text.of("report.photo.notAnImage"));
		assertThat(flow.next(rejected.draft(), choice("skip")).draft().step()).isEqualTo(ReportStep.NOTE);
	}

}
