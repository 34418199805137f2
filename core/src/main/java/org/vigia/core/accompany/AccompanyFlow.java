package org.vigia.core.accompany;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigia.core.chat.Input;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.Text;
import org.vigia.core.messaging.Address;

/**
 * The accompaniment request of issue 13, one question at a time, always with a way back and a way out: what,
 * where, when (day, then hour; typed as a fallback), the person's language, how many companions, how to
 * recognise them, a family contact's link, the summary.
 *
 * <p>Design note: like the report flow, a pure function from (draft, input) to {@link AccompanyTurn}, knowing
 * nothing of any messenger. Wrong input never throws and never changes the draft: a short explanation and the
 * same question again. Dates are in the network's zone and shown back in words in the conversation's language;
 * the past, the absurd (3 in the morning, two years ahead) and text that looks like an A-number or a phone number
 * are refused. The only side effect is the family link, asked of {@link FamilyLinkOffer}.
 */
public final class AccompanyFlow {

	public static final String BACK = "back";

	public static final String CANCEL = "cancel";

	static final String ELSEWHERE = "else";

	static final String GET_LINK = "link";

	static final String NO_LINK = "nolink";

	static final String NEXT = "next";

	static final String SEND = "send";

	static final DateTimeFormatter DAY_VALUE = DateTimeFormatter.ofPattern("'d'yyyyMMdd");

	static final DateTimeFormatter TIME_VALUE = DateTimeFormatter.ofPattern("'t'HHmm");

	private final AccompanyQuestions questions;

	private final WhenSteps when;

	private final AccompanyPlaces places;

	private final ZoneId zone;

	private final Clock clock;

	private final FamilyLinkOffer links;

	/**
	 * @param places the courts and ICE offices to offer
	 * @param languages the languages a person may choose for the appointment, in display order
	 * @param zone the network's time zone
	 * @param clock the time
	 * @param links gives out family links
	 */
	public AccompanyFlow(AccompanyPlaces places, List<String> languages, ZoneId zone, Clock clock,
			FamilyLinkOffer links) {
		this.places = Objects.requireNonNull(places, "places must not be null");
		this.zone = Objects.requireNonNull(zone, "zone must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.links = Objects.requireNonNull(links, "links must not be null");
		this.questions = new AccompanyQuestions(places, languages);
		this.when = new WhenSteps(zone, clock);
	}

	public AccompanyTurn start(String language) {
		return ask(AccompanyDraft.start(language));
	}

	public AccompanyTurn next(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c && CANCEL.equals(c.value())
				|| input instanceof Input.Typed t && t.text().strip().equalsIgnoreCase("/cancel")) {
			return new AccompanyTurn(draft, List.of(Prompt.say(Text.of("accompany.cancelled"))),
					AccompanyTurn.Status.CANCELLED);
		}
		if (input instanceof Input.Choice c && BACK.equals(c.value())) {
			return ask(draft.at(previous(draft.step())));
		}
		return switch (draft.step()) {
			case KIND -> kind(draft, input);
			case WHERE -> where(draft, input);
			case WHERE_TYPED -> typedAddress(draft, input);
			case DAY -> apply(draft, when.day(draft, input));
			case TIME -> apply(draft, when.time(draft, input));
			case LANGUAGE -> language(draft, input);
			case COMPANIONS -> companions(draft, input);
			case RECOGNITION -> recognition(draft, input);
			case FAMILY -> family(draft, input);
			case CONFIRM -> confirm(draft, input);
		};
	}

	/** The question of the draft's current step, e.g. to repeat it after a restart. */
	public Prompt question(AccompanyDraft draft) {
		return questions.question(draft, today());
	}

	/**
	 * The request of a confirmed draft.
	 *
	 * @throws IllegalStateException if the draft was not confirmed by this flow
	 */
	public AccompanyRequest request(AccompanyDraft draft, Address person) {
		if (!draft.complete()) {
			throw new IllegalStateException("the request is not complete: " + draft);
		}
		return new AccompanyRequest(draft.kind(), draft.venue(), draft.at().atZone(zone).toInstant(),
				draft.personLanguage(), draft.companions(), draft.recognition(), person, clock.instant());
	}

	private AccompanyTurn kind(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c) {
			for (AppointmentKind k : AppointmentKind.values()) {
				if (k.name().equals(c.value())) {
					return ask(draft.withKind(k).at(AccompanyStep.WHERE));
				}
			}
		}
		return again(draft, "accompany.error.useButtons");
	}

	private AccompanyTurn where(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c && ELSEWHERE.equals(c.value())) {
			return ask(draft.at(AccompanyStep.WHERE_TYPED));
		}
		if (input instanceof Input.Choice c) {
			var place = places.find(c.value());
			if (place.isPresent()) {
				var p = place.get();
				return ask(draft.withVenue(Venue.listed(p.key(), p.place().name(), p.place().address()))
					.at(AccompanyStep.DAY));
			}
		}
		if (input instanceof Input.Typed) {
			return typedAddress(draft, input);
		}
		return again(draft, "accompany.error.useButtons");
	}

	private AccompanyTurn typedAddress(AccompanyDraft draft, Input input) {
		if (!(input instanceof Input.Typed t) || t.text().isBlank()) {
			return again(draft, "accompany.where.typed.error");
		}
		String text = t.text().strip();
		if (text.codePointCount(0, text.length()) > Venue.MAX_ADDRESS) {
			return again(draft, Text.of("accompany.error.tooLong", Venue.MAX_ADDRESS));
		}
		Optional<Text> sensitive = explained(SensitiveText.findInAddress(text));
		if (sensitive.isPresent()) {
			return again(draft, sensitive.get());
		}
		return ask(draft.withVenue(Venue.typed(text)).at(AccompanyStep.DAY));
	}

	private AccompanyTurn language(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c && questions.languages().contains(c.value())) {
			return ask(draft.withPersonLanguage(c.value()).at(AccompanyStep.COMPANIONS));
		}
		return again(draft, "accompany.error.useButtons");
	}

	private AccompanyTurn companions(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c) {
			for (int n = 1; n <= AccompanyRequest.MAX_COMPANIONS; n++) {
				if (("c" + n).equals(c.value())) {
					return ask(draft.withCompanions(n).at(AccompanyStep.RECOGNITION));
				}
			}
		}
		return again(draft, "accompany.error.useButtons");
	}

	private AccompanyTurn recognition(AccompanyDraft draft, Input input) {
		if (!(input instanceof Input.Typed t) || t.text().isBlank()) {
			return again(draft, "accompany.recognition.error.empty");
		}
		String text = t.text().strip();
		if (text.codePointCount(0, text.length()) > Recognition.MAX) {
			return again(draft, Text.of("accompany.error.tooLong", Recognition.MAX));
		}
		Optional<Text> sensitive = sensitive(text);
		if (sensitive.isPresent()) {
			return again(draft, sensitive.get());
		}
		return ask(draft.withRecognition(new Recognition(text)).at(AccompanyStep.FAMILY));
	}

	private AccompanyTurn family(AccompanyDraft draft, Input input) {
		if (input instanceof Input.Choice c && GET_LINK.equals(c.value())
				&& draft.familyLinks().size() < Appointment.MAX_FAMILY) {
			var offer = links.offer(draft.id(), draft.at().atZone(zone).toInstant());
			return ask(draft.withFamilyLink(offer.link()).at(AccompanyStep.FAMILY), offer.text());
		}
		if (input instanceof Input.Choice c && (NO_LINK.equals(c.value()) || NEXT.equals(c.value()))) {
			return ask(draft.at(AccompanyStep.CONFIRM));
		}
		return again(draft, "accompany.error.useButtons");
	}

	private AccompanyTurn confirm(AccompanyDraft draft, Input input) {
		if (!(input instanceof Input.Choice c && SEND.equals(c.value()) && draft.complete())) {
			return again(draft, "accompany.error.useButtons");
		}
		if (!draft.at().atZone(zone).toInstant().isAfter(clock.instant())) {
			// the conversation outlived the appointment time: choose it again
			return ask(draft.at(AccompanyStep.DAY), Text.of("accompany.time.error.past"));
		}
		var next = draft.at(AccompanyStep.CONFIRM);
		return new AccompanyTurn(next,
				List.of(Prompt.say(Text.of("accompany.next", Text.of("accompany.language.speak." + draft.personLanguage())))),
				AccompanyTurn.Status.CONFIRMED);
	}

	/** A date or time step's outcome: the next question, after what was chosen in words; or the same again. */
	private AccompanyTurn apply(AccompanyDraft draft, WhenSteps.Outcome outcome) {
		if (outcome.next() == null) {
			return again(draft, outcome.note());
		}
		return outcome.note() == null ? ask(outcome.next()) : ask(outcome.next(), outcome.note());
	}

	private static Optional<Text> sensitive(String text) {
		return explained(SensitiveText.find(text));
	}

	private static Optional<Text> explained(Optional<SensitiveText.Finding> found) {
		return found
			.map(f -> Text.of(f == SensitiveText.Finding.A_NUMBER ? "accompany.error.aNumber" : "accompany.error.phone"));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	private AccompanyTurn ask(AccompanyDraft draft, Text... before) {
		Prompt question = question(draft);
		for (int i = before.length - 1; i >= 0; i--) {
			question = question.after(before[i]);
		}
		return new AccompanyTurn(draft, List.of(question), AccompanyTurn.Status.CONTINUE);
	}

	private AccompanyTurn again(AccompanyDraft draft, String key) {
		return again(draft, Text.of(key));
	}

	private AccompanyTurn again(AccompanyDraft draft, Text why) {
		return ask(draft.at(draft.step()), why);
	}

	private AccompanyStep previous(AccompanyStep step) {
		return switch (step) {
			case KIND, WHERE -> AccompanyStep.KIND;
			case WHERE_TYPED, DAY -> AccompanyStep.WHERE;
			case TIME -> AccompanyStep.DAY;
			case LANGUAGE -> AccompanyStep.TIME;
			case COMPANIONS -> AccompanyStep.LANGUAGE;
			case RECOGNITION -> AccompanyStep.COMPANIONS;
			case FAMILY -> AccompanyStep.RECOGNITION;
			case CONFIRM -> AccompanyStep.FAMILY;
		};
	}

}
