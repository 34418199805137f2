package org.vigia.core.accompany;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.vigia.core.chat.Input;
import org.vigia.core.chat.Option;
import org.vigia.core.chat.Text;
import org.vigia.core.messaging.Address;
import org.vigia.core.scene.NamedPlaces;

import static org.assertj.core.api.Assertions.assertThat;

class AccompanyFlowTests {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	/** Monday 2 March 2026, 9:00 in Chicago. */
	static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	static final NamedPlaces FILE = AccompanyPlacesTests.file(AccompanyPlacesTests.PARK, AccompanyPlacesTests.COURT,
			AccompanyPlacesTests.OFFICE);

	static final class MovableClock extends Clock {

		Instant now = NOW;

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return CHICAGO;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	/** Records the links it gave: the flow asks for one only when the person presses the button. */
	static final class Links implements FamilyLinkOffer {

		final List<AppointmentId> offered = new ArrayList<>();

		final List<Instant> appointmentTimes = new ArrayList<>();

		final FamilyLinks codes = new FamilyLinks("test-secret-of-at-least-16-chars");

		@Override
		public Offer offer(AppointmentId appointment, Instant appointmentAt) {
			offered.add(appointment);
			appointmentTimes.add(appointmentAt);
			var issued = codes.issue(appointmentAt, NOW);
			return new Offer(Text.of("accompany.family.link.test", "https://t.me/vigia_bot?start=f_code" + offered.size()),
					issued.pending());
		}

	}

	final MovableClock clock = new MovableClock();

	final Links links = new Links();

	final AccompanyPlaces places = new AccompanyPlaces(FILE);

	final AccompanyFlow flow = new AccompanyFlow(places, List.of("en", "es"), CHICAGO, clock, links);

	final String court = places.all().get(0).key();

	static Input choice(String value) {
		return new Input.Choice(value);
	}

	static Input typed(String text) {
		return new Input.Typed(text);
	}

	AccompanyTurn feed(AccompanyTurn turn, Input... inputs) {
		for (Input input : inputs) {
			assertThat(turn.status()).isEqualTo(AccompanyTurn.Status.CONTINUE);
			turn = flow.next(turn.draft(), input);
		}
		return turn;
	}

	/** Every key and argument of a text, nested ones too, for asserting on what a person would read. */
	static String flat(Object value) {
		if (value instanceof Text t) {
			return t.key() + "(" + String.join(" | ", t.args().stream().map(AccompanyFlowTests::flat).toList()) + ")";
		}
		if (value instanceof List<?> l) {
			return l.stream().map(AccompanyFlowTests::flat).toList().toString();
		}
		return String.valueOf(value);
	}

	static String shown(AccompanyTurn turn) {
		return flat(turn.prompts().get(0).text());
	}

	static List<String> buttons(AccompanyTurn turn) {
		return turn.prompts().get(0).rows().stream().flatMap(List::stream).map(Option::value).toList();
	}

	@Test
	void aSpanishSpeakerAsksForTwoCompanionsToAHearingInThreeDaysAndForwardsAFamilyLink() {
		var turn = feed(flow.start("es"), choice("COURT_HEARING"), choice(court), choice("d20260305"), choice("t0930"),
				choice("es"), choice("c2"), typed("  Rosa, chaqueta roja y gorra azul "), choice("link"));

		assertThat(links.offered).containsExactly(turn.draft().id());
		assertThat(links.appointmentTimes).containsExactly(Instant.parse("2026-03-05T15:30:00Z"));
		assertThat(shown(turn)).contains("https://t.me/vigia_bot?start=f_code1").contains("accompany.family.again");
		assertThat(buttons(turn)).contains("next").doesNotContain("nolink");

		turn = feed(turn, choice("next"));
		assertThat(shown(turn)).isEqualTo("accompany.confirm.summary(accompany.kind.courtHearing() | "
				+ "accompany.confirm.listedPlace(Chicago Immigration Court | 525 W Van Buren St) | "
				+ "accompany.when.words(jueves, 5 de marzo de 2026 | 9:30) | accompany.language.es() | "
				+ "accompany.companions.2() | Rosa, chaqueta roja y gorra azul | accompany.confirm.familyLink())");

		turn = feed(turn, choice("send"));
		assertThat(turn.status()).isEqualTo(AccompanyTurn.Status.CONFIRMED);
		assertThat(shown(turn)).startsWith("accompany.next(");
		var request = flow.request(turn.draft(), Address.telegramChat(7_000_000_001L));
		assertThat(request.kind()).isEqualTo(AppointmentKind.COURT_HEARING);
		assertThat(request.venue()).isEqualTo(Venue.listed(court, "Chicago Immigration Court", "525 W Van Buren St"));
		assertThat(request.at()).isEqualTo(Instant.parse("2026-03-05T15:30:00Z"));
		assertThat(request.language()).isEqualTo("es");
		assertThat(request.companions()).isEqualTo(2);
		assertThat(request.recognition().text()).isEqualTo("Rosa, chaqueta roja y gorra azul");
		assertThat(request.requestedAt()).isEqualTo(NOW);
	}

	@Test
	void atMostThreeFamilyLinksAreGivenAndTheDraftKeepsOnlyTheirHashes() {
		var turn = feed(flow.start("en"), reachFamily().toArray(Input[]::new));
		for (int i = 0; i < 3; i++) {
			turn = feed(turn, choice("link"));
		}

		assertThat(turn.draft().familyLinks()).hasSize(3);
		assertThat(buttons(turn)).doesNotContain("link").contains("next");
		var more = flow.next(turn.draft(), choice("link"));
		assertThat(more.draft().familyLinks()).hasSize(3);
		assertThat(links.offered).hasSize(3);
		assertThat(turn.draft().familyLinks()).allSatisfy(l -> assertThat(l.hash()).hasSize(64));
		assertThat(turn.draft().toString()).doesNotContain("f_");
	}

	@Test
	void theChosenTimeIsShownBackInWordsInTheConversationsLanguageAndTheNetworksZone() {
		// a week ahead is past the day buttons: typed, month first in English and day first in Spanish
		var english = feed(flow.start("en"), choice("ICE_CHECK_IN"), choice(places.all().get(1).key()), typed("3/9"),
				choice("t0800"));
		var spanish = feed(flow.start("es"), choice("ICE_CHECK_IN"), choice(places.all().get(1).key()), typed("9/3"),
				choice("t0800"));

		assertThat(shown(english)).startsWith("paragraphs(accompany.when.got(accompany.when.words(Monday, March 9, 2026 | 8:00 AM))");
		assertThat(shown(spanish)).startsWith("paragraphs(accompany.when.got(accompany.when.words(lunes, 9 de marzo de 2026 | 8:00))");
		// 9 March is after the switch to daylight time: 8:00 in Chicago is 13:00 UTC, not 14:00
		assertThat(english.draft().at()).isEqualTo(LocalDateTime.parse("2026-03-09T08:00"));
		assertThat(english.draft().at().atZone(CHICAGO).toInstant()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
	}

	@Test
	void daysAreOfferedFromTodayForAWeekAndTodaysTimesThatHavePassedAreRefused() {
		var atDay = feed(flow.start("en"), choice("OTHER"), choice("else"), typed("1234 W Cermak Rd, USCIS"));

		assertThat(buttons(atDay)).startsWith("d20260302", "d20260303").contains("d20260308").doesNotContain("d20260309");
		assertThat(flat(atDay.prompts().get(0).rows().get(0).get(0).label())).isEqualTo("accompany.day.today(Mon, Mar 2)");

		var today = feed(atDay, choice("d20260302"));
		var tooEarly = feed(today, choice("t0830"));
		assertThat(shown(tooEarly)).startsWith("paragraphs(accompany.time.error.past()");
		assertThat(tooEarly.draft().step()).isEqualTo(AccompanyStep.TIME);
		assertThat(tooEarly.draft().at()).isNull();
		assertThat(feed(today, choice("t1000")).draft().step()).isEqualTo(AccompanyStep.LANGUAGE);
	}

	static Stream<Arguments> badInput() {
		return Stream.of(
				// step, inputs to reach it (after the start), bad input, the explanation
				Arguments.of("KIND", List.of(), typed("hola"), "accompany.error.useButtons"),
				Arguments.of("KIND", List.of(), choice("DETENTION"), "accompany.error.useButtons"),
				Arguments.of("WHERE", List.of(choice("COURT_HEARING")), choice("p0000000000"), "accompany.error.useButtons"),
				Arguments.of("WHERE_TYPED", List.of(choice("OTHER"), choice("else")), typed("  "), "accompany.where.typed.error"),
				Arguments.of("WHERE_TYPED", List.of(choice("OTHER"), choice("else")), typed("A#123456789, 55 E Monroe"),
						"accompany.error.aNumber"),
				Arguments.of("WHERE_TYPED", List.of(choice("OTHER"), choice("else")), typed("x".repeat(201)),
						"accompany.error.tooLong(200)"),
				Arguments.of("DAY", reachDay(), typed("1/3/2026"), "accompany.day.error.past"),
				Arguments.of("DAY", reachDay(), typed("28/2"), "accompany.day.error.past"),
				Arguments.of("DAY", reachDay(), typed("31/2"), "accompany.day.error.unreadable"),
				Arguments.of("DAY", reachDay(), typed("banana"), "accompany.day.error.unreadable"),
				Arguments.of("DAY", reachDay(), typed("5/3/2028"), "accompany.day.error.far"),
				Arguments.of("DAY", reachDay(), choice("d20260301"), "accompany.error.stale"),
				Arguments.of("DAY", reachDay(), choice("d20260320"), "accompany.error.stale"),
				Arguments.of("TIME", reachToday(), choice("t0730"), "accompany.time.error.past"),
				Arguments.of("TIME", reachToday(), typed("3:00"), "accompany.time.error.odd(3:00)"),
				Arguments.of("TIME", reachToday(), typed("25:00"), "accompany.time.error.unreadable"),
				Arguments.of("TIME", reachToday(), typed("tarde"), "accompany.time.error.unreadable"),
				Arguments.of("TIME", reachToday(), choice("t0745"), "accompany.error.stale"),
				Arguments.of("TIME", reachToday(), typed("1/3 10:00"), "accompany.day.error.past"),
				Arguments.of("LANGUAGE", reachLanguage(), choice("fr"), "accompany.error.useButtons"),
				Arguments.of("COMPANIONS", reachCompanions(), choice("c4"), "accompany.error.useButtons"),
				Arguments.of("COMPANIONS", reachCompanions(), typed("2"), "accompany.error.useButtons"),
				Arguments.of("RECOGNITION", reachRecognition(), typed("Rosa A-123-456-789"), "accompany.error.aNumber"),
				Arguments.of("RECOGNITION", reachRecognition(), typed("Rosa, mi número A es 123 456 789"),
						"accompany.error.aNumber"),
				Arguments.of("RECOGNITION", reachRecognition(), typed("Rosa, llámenme al 312 555 0142"),
						"accompany.error.phone"),
				Arguments.of("RECOGNITION", reachRecognition(), typed("x".repeat(201)), "accompany.error.tooLong(200)"),
				Arguments.of("RECOGNITION", reachRecognition(), choice("c2"), "accompany.recognition.error.empty"),
				Arguments.of("FAMILY", reachFamily(), typed("+1 312 555 0142"), "accompany.error.useButtons"),
				Arguments.of("CONFIRM", reachConfirm(), choice("sendx"), "accompany.error.useButtons"),
				Arguments.of("CONFIRM", reachConfirm(), typed("sí"), "accompany.error.useButtons"));
	}

	static List<Input> reachDay() {
		return List.of(choice("OTHER"), choice("else"), typed("1234 W Cermak Rd"));
	}

	static List<Input> reachToday() {
		return plus(reachDay(), choice("d20260302"));
	}

	static List<Input> reachLanguage() {
		return plus(reachToday(), choice("t1500"));
	}

	static List<Input> reachCompanions() {
		return plus(reachLanguage(), choice("es"));
	}

	static List<Input> reachRecognition() {
		return plus(reachCompanions(), choice("c1"));
	}

	static List<Input> reachFamily() {
		return plus(reachRecognition(), typed("Rosa, chaqueta roja"));
	}

	static List<Input> reachConfirm() {
		return plus(reachFamily(), choice("nolink"));
	}

	static List<Input> plus(List<Input> inputs, Input more) {
		var all = new ArrayList<>(inputs);
		all.add(more);
		return all;
	}

	@ParameterizedTest(name = "{0}: {2} -> {3}")
	@MethodSource("badInput")
	void badInputAtEachStepIsExplainedAndChangesNothing(String step, List<Input> reach, Input bad, String why) {
		var before = feed(flow.start("es"), reach.toArray(Input[]::new));
		assertThat(before.draft().step()).isEqualTo(AccompanyStep.valueOf(step));

		var after = flow.next(before.draft(), bad);

		assertThat(after.status()).isEqualTo(AccompanyTurn.Status.CONTINUE);
		assertThat(shown(after)).startsWith("paragraphs(" + (why.contains("(") ? why : why + "()"));
		assertThat(after.draft().step()).isEqualTo(before.draft().step());
		assertThat(after.draft()).usingRecursiveComparison().ignoringFields("turn").isEqualTo(before.draft());
		assertThat(after.draft().turn()).isGreaterThan(before.draft().turn());
		assertThat(links.offered).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(AccompanyStep.class)
	void everyStepHasAWayOutAndAllButTheFirstAWayBack(AccompanyStep step) {
		var reach = switch (step) {
			case KIND -> List.<Input>of();
			case WHERE -> List.of(choice("OTHER"));
			case WHERE_TYPED -> List.of(choice("OTHER"), choice("else"));
			case DAY -> reachDay();
			case TIME -> reachToday();
			case LANGUAGE -> reachLanguage();
			case COMPANIONS -> reachCompanions();
			case RECOGNITION -> reachRecognition();
			case FAMILY -> reachFamily();
			case CONFIRM -> reachConfirm();
		};
		var at = feed(flow.start("en"), reach.toArray(Input[]::new));
		assertThat(at.draft().step()).isEqualTo(step);

		assertThat(flow.next(at.draft(), choice("cancel")).status()).isEqualTo(AccompanyTurn.Status.CANCELLED);
		assertThat(flow.next(at.draft(), typed("/cancel")).status()).isEqualTo(AccompanyTurn.Status.CANCELLED);
		assertThat(shown(flow.next(at.draft(), choice("cancel")))).isEqualTo("accompany.cancelled()");
		if (step != AccompanyStep.KIND) {
			assertThat(buttons(at)).contains("back", "cancel");
			var back = flow.next(at.draft(), choice("back"));
			assertThat(back.draft().step()).isNotEqualTo(step);
			assertThat(back.status()).isEqualTo(AccompanyTurn.Status.CONTINUE);
		}
	}

	@Test
	void aDateAndTimeTypedTogetherAtTheDayQuestionSkipTheHourButtons() {
		var turn = feed(flow.start("es"), reachDay().toArray(Input[]::new));

		turn = feed(turn, typed("el 20 de marzo a las 2 de la tarde"));

		assertThat(turn.draft().step()).isEqualTo(AccompanyStep.LANGUAGE);
		assertThat(turn.draft().at()).isEqualTo(LocalDateTime.parse("2026-03-20T14:00"));
		assertThat(shown(turn)).contains("viernes, 20 de marzo de 2026 | 14:00");
	}

	@Test
	void withoutListedPlacesTheAddressIsTypedAtOnce() {
		var bare = new AccompanyFlow(new AccompanyPlaces(NamedPlaces.NONE), List.of("en", "es"), CHICAGO, clock, links);

		var where = bare.next(bare.start("en").draft(), choice("OTHER"));
		assertThat(shown(where)).isEqualTo("accompany.where.typed.ask()");
		assertThat(buttons(where)).containsExactly("back", "cancel");
		var day = bare.next(where.draft(), typed("500 S State St"));
		assertThat(day.draft().venue()).isEqualTo(Venue.typed("500 S State St"));
	}

	@Test
	void aConversationThatOutlivedTheAppointmentTimeAsksForItAgainAtConfirmation() {
		var confirm = feed(flow.start("en"), reachConfirm().toArray(Input[]::new));
		clock.now = NOW.plus(Duration.ofHours(7));

		var turn = flow.next(confirm.draft(), choice("send"));

		assertThat(turn.status()).isEqualTo(AccompanyTurn.Status.CONTINUE);
		assertThat(turn.draft().step()).isEqualTo(AccompanyStep.DAY);
		assertThat(shown(turn)).startsWith("paragraphs(accompany.time.error.past()");
	}

	@Test
	void theLanguageOfTheConversationIsOfferedFirst() {
		var spanish = feed(flow.start("es"), reachLanguage().toArray(Input[]::new));
		var english = feed(flow.start("en"), reachLanguage().toArray(Input[]::new));

		assertThat(buttons(spanish)).startsWith("es", "en");
		assertThat(buttons(english)).startsWith("en", "es");
	}

}
