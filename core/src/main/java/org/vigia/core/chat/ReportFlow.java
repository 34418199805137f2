package org.vigia.core.chat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Uniform;

/**
 * The guided report of DESIGN.md, one question at a time, always with a way back and a way out.
 *
 * <p>Design note: the flow is a pure function from (draft, input) to {@link Turn}; it knows nothing of
 * Telegram and stores nothing. Wrong input never throws and never changes the draft: the person gets a
 * short explanation and the same question again. Only {@link Places} is consulted, for the service area,
 * neighborhood list and geocoding.
 */
public final class ReportFlow {

	/** Button values shared by every step. */
	public static final String BACK = "back";

	public static final String CANCEL = "cancel";

	static final String SKIP = "skip";

	static final String DONE = "done";

	static final String PICK_NEIGHBORHOOD = "nb";

	static final String TYPE_STREETS = "st";

	static final String SEND = "send";

	static final String SEND_AND_FOLLOW = "sendf";

	/** The labels of {@link CountRange#AGENTS}, in the same order, and of "not sure". */
	private static final List<String> AGENT_LABELS = List.of("report.agents.few", "report.agents.some",
			"report.agents.many", "report.agents.lots", "report.unsure");

	/** The labels of {@link CountRange#VEHICLES}, in the same order, and of "none / not sure". */
	private static final List<String> VEHICLE_LABELS = List.of("report.vehicles.one", "report.vehicles.some",
			"report.vehicles.many", "report.vehicles.none");

	private final Places places;

	public ReportFlow(Places places) {
		this.places = Objects.requireNonNull(places, "places must not be null");
	}

	/** A new draft and its first question. */
	public Turn start(String language) {
		var draft = ReportDraft.start(language);
		return new Turn(draft, List.of(question(draft)), Turn.Status.CONTINUE);
	}

	/** Applies one input to the draft. */
	public Turn next(ReportDraft draft, Input input) {
		if (input instanceof Input.Choice c && CANCEL.equals(c.value())) {
			return new Turn(draft, List.of(Prompt.say(Text.of("report.cancelled"))), Turn.Status.CANCELLED);
		}
		if (input instanceof Input.Choice c && BACK.equals(c.value())) {
			return ask(draft.at(previous(draft.step())));
		}
		return switch (draft.step()) {
			case KIND -> kind(draft, input);
			case WHERE -> where(draft, input);
			case WHERE_NEIGHBORHOOD -> neighborhood(draft, input);
			case WHERE_STREETS -> streets(draft, input);
			case WHEN -> when(draft, input);
			case AGENTS -> agents(draft, input);
			case VEHICLES -> vehicles(draft, input);
			case UNIFORM -> uniform(draft, input);
			case PHOTO -> photo(draft, input);
			case NOTE -> note(draft, input);
			case CONFIRM -> confirm(draft, input);
		};
	}

	/** The question of the draft's current step, e.g. to repeat it after a restart. */
	public Prompt question(ReportDraft draft) {
		return switch (draft.step()) {
			case KIND -> Prompt.ask(Text.of("report.kind.ask"), withNavigation(rows(2, options("report.kind.",
					ReportKind.values())), false));
			case WHERE -> whereQuestion();
			case WHERE_NEIGHBORHOOD -> Prompt.ask(Text.of("report.where.neighborhood.ask"),
					withNavigation(neighborhoodRows(), true));
			case WHERE_STREETS -> Prompt.ask(Text.of("report.where.streets.ask"), withNavigation(List.of(), true));
			case WHEN -> Prompt.ask(Text.of("report.when.ask"),
					withNavigation(rows(1, options("report.when.", Recency.values())), true));
			case AGENTS -> Prompt.ask(Text.of("report.agents.ask"),
					withNavigation(rows(3, countOptions(AGENT_LABELS, CountRange.AGENTS)), true));
			case VEHICLES -> Prompt.ask(Text.of("report.vehicles.ask"),
					withNavigation(rows(3, countOptions(VEHICLE_LABELS, CountRange.VEHICLES)), true));
			case UNIFORM -> uniformQuestion(draft);
			case PHOTO -> Prompt.ask(Text.of("report.photo.ask"),
					withNavigation(List.of(List.of(Option.of("report.skip", SKIP))), true));
			case NOTE -> Prompt.ask(Text.of("report.note.ask", Report.MAX_NOTE),
					withNavigation(List.of(List.of(Option.of("report.skip", SKIP))), true));
			case CONFIRM -> Prompt.ask(summary(draft),
					withNavigation(List.of(List.of(Option.of("report.confirm.send", SEND)),
							List.of(Option.of("report.confirm.sendAndFollow", SEND_AND_FOLLOW))), true));
		};
	}

	private Turn kind(ReportDraft draft, Input input) {
		return choice(input, ReportKind.class).map(k -> ask(draft.withKind(k).at(ReportStep.WHERE)))
			.orElseGet(() -> again(draft, "report.error.useButtons"));
	}

	private Turn where(ReportDraft draft, Input input) {
		if (input instanceof Input.Location l) {
			return located(draft, l.point(), l.words());
		}
		if (input instanceof Input.Choice c && PICK_NEIGHBORHOOD.equals(c.value())) {
			return ask(draft.at(ReportStep.WHERE_NEIGHBORHOOD));
		}
		if (input instanceof Input.Choice c && TYPE_STREETS.equals(c.value()) && places.canGeocode()) {
			return ask(draft.at(ReportStep.WHERE_STREETS));
		}
		if (input instanceof Input.Typed t && places.canGeocode()) {
			return streets(draft, t);
		}
		return again(draft, places.canGeocode() ? "report.error.useButtons" : "report.where.error.noGeocoder");
	}

	private Turn neighborhood(ReportDraft draft, Input input) {
		if (input instanceof Input.Choice c) {
			var chosen = places.neighborhoods().stream().filter(n -> n.value().equals(c.value())).findFirst();
			var point = chosen.flatMap(n -> places.neighborhoodPoint(n.value()));
			if (chosen.isPresent() && point.isPresent()) {
				return ask(draft.withPlace(point.get(), chosen.get().name(), chosen.get().value()).at(ReportStep.WHEN));
			}
		}
		if (input instanceof Input.Location l) {
			return located(draft, l.point(), l.words());
		}
		return again(draft, "report.error.useButtons");
	}

	private Turn streets(ReportDraft draft, Input input) {
		if (input instanceof Input.Location l) {
			return located(draft, l.point(), l.words());
		}
		if (!(input instanceof Input.Typed t) || t.text().isBlank()) {
			return again(draft);
		}
		String text = t.text().strip();
		if (text.codePointCount(0, text.length()) > Report.MAX_PLACE_TEXT) {
			return again(draft, Text.of("report.error.tooLong", Report.MAX_PLACE_TEXT));
		}
		Optional<GeoPoint> found = places.geocode(text);
		if (found.isEmpty()) {
			return ask(draft.at(ReportStep.WHERE_NEIGHBORHOOD), Text.of("report.where.streets.notFound"));
		}
		return located(draft, found.get(), text);
	}

	private Turn located(ReportDraft draft, GeoPoint point, String text) {
		if (!places.inServiceArea(point)) {
			return again(draft, "report.where.outside");
		}
		return ask(draft.withPlace(point, text, null).at(ReportStep.WHEN));
	}

	private Turn when(ReportDraft draft, Input input) {
		return choice(input, Recency.class).map(r -> ask(draft.withRecency(r).at(ReportStep.AGENTS)))
			.orElseGet(() -> again(draft, "report.error.useButtons"));
	}

	private Turn agents(ReportDraft draft, Input input) {
		return count(input, question(draft)).map(n -> ask(draft.withAgents(n).at(ReportStep.VEHICLES)))
			.orElseGet(() -> again(draft, "report.error.useButtons"));
	}

	private Turn vehicles(ReportDraft draft, Input input) {
		return count(input, question(draft)).map(n -> ask(draft.withVehicles(n).at(ReportStep.UNIFORM)))
			.orElseGet(() -> again(draft, "report.error.useButtons"));
	}

	private Turn uniform(ReportDraft draft, Input input) {
		if (input instanceof Input.Choice c && DONE.equals(c.value())) {
			return ask(draft.at(ReportStep.PHOTO));
		}
		Optional<Uniform> u = choice(input, Uniform.class);
		if (u.isEmpty()) {
			return again(draft, "report.error.useButtons");
		}
		var chosen = draft.uniforms().isEmpty() ? EnumSet.noneOf(Uniform.class) : EnumSet.copyOf(draft.uniforms());
		if (!chosen.remove(u.get())) {
			chosen.add(u.get());
		}
		// toggling keeps the question open and its turn: the same message is edited in place, so its buttons stay
		// valid however fast the resident taps several uniforms
		return ask(draft.withUniforms(chosen));
	}

	private Turn photo(ReportDraft draft, Input input) {
		if (input instanceof Input.Photo p) {
			return ask(draft.withPhoto(p.ref()).at(ReportStep.NOTE), Text.of("report.photo.received"));
		}
		if (input instanceof Input.RejectedPhoto r) {
			return again(draft, r.reasonKey());
		}
		if (input instanceof Input.Choice c && SKIP.equals(c.value())) {
			return ask(draft.at(ReportStep.NOTE));
		}
		return again(draft);
	}

	private Turn note(ReportDraft draft, Input input) {
		if (input instanceof Input.Choice c && SKIP.equals(c.value())) {
			return ask(draft.at(ReportStep.CONFIRM));
		}
		if (input instanceof Input.Typed t && !t.text().isBlank()) {
			String text = t.text().strip();
			if (text.codePointCount(0, text.length()) > Report.MAX_NOTE) {
				return again(draft, Text.of("report.error.tooLong", Report.MAX_NOTE));
			}
			return ask(draft.withNote(text).at(ReportStep.CONFIRM));
		}
		return again(draft, "report.error.useButtons");
	}

	private Turn confirm(ReportDraft draft, Input input) {
		if (input instanceof Input.Choice c && (SEND.equals(c.value()) || SEND_AND_FOLLOW.equals(c.value()))
				&& draft.complete()) {
			// the thanks depend on what became of the report (who can check it): the caller says them
			return new Turn(draft, List.of(),
					SEND_AND_FOLLOW.equals(c.value()) ? Turn.Status.SUBMIT_AND_FOLLOW : Turn.Status.SUBMIT);
		}
		return again(draft, "report.error.useButtons");
	}

	/** The draft's question, after an acknowledgement or explanation if there is one: one message per step. */
	private Turn ask(ReportDraft draft, Text... before) {
		Prompt question = question(draft);
		for (int i = before.length - 1; i >= 0; i--) {
			question = question.after(before[i]);
		}
		return new Turn(draft, List.of(question), Turn.Status.CONTINUE);
	}

	/** The same question again (as a new turn: answers to older copies of it are stale). */
	private Turn again(ReportDraft draft) {
		return ask(draft.at(draft.step()));
	}

	private Turn again(ReportDraft draft, String key) {
		return again(draft, Text.of(key));
	}

	/** The same question again, after a short explanation; the draft's answers are unchanged. */
	private Turn again(ReportDraft draft, Text why) {
		return ask(draft.at(draft.step()), why);
	}

	private Prompt whereQuestion() {
		var first = new ArrayList<Option>();
		first.add(Option.of("report.where.pickNeighborhood", PICK_NEIGHBORHOOD));
		if (places.canGeocode()) {
			first.add(Option.of("report.where.typeStreets", TYPE_STREETS));
		}
		return new Prompt(Text.of(places.canGeocode() ? "report.where.ask" : "report.where.askNoStreets"),
				withNavigation(List.of(first), true), true);
	}

	private static Prompt uniformQuestion(ReportDraft draft) {
		var options = java.util.Arrays.stream(Uniform.values())
			.map(u -> new Option(Text.of(draft.uniforms().contains(u) ? "report.uniform.chosen" : "plain",
					Text.of(key("report.uniform.", u))), u.name()))
			.toList();
		var rows = new ArrayList<>(rows(3, options));
		rows.add(List.of(Option.of("report.uniform.done", DONE)));
		return Prompt.ask(Text.of("report.uniform.ask"), withNavigation(rows, true));
	}

	private List<List<Option>> neighborhoodRows() {
		var options = places.neighborhoods().stream().map(n -> new Option(Text.of("plain", n.name()), n.value()))
			.toList();
		return rows(2, options);
	}

	/** Every answer in the words of the button the resident pressed (or what they typed), never a stand-in. */
	private Text summary(ReportDraft d) {
		Object uniforms = d.uniforms().isEmpty() ? Text.of("report.confirm.notGiven")
				: d.uniforms().stream().sorted().map(u -> Text.of(key("report.uniform.", u))).toList();
		return Text.of("report.confirm.summary", Text.of(key("report.kind.", d.kind())),
				d.placeText() == null ? Text.of("report.confirm.sharedLocation") : d.placeText(),
				Text.of(key("report.when.", d.recency())), countLabel(AGENT_LABELS, CountRange.AGENTS, d.agents()),
				countLabel(VEHICLE_LABELS, CountRange.VEHICLES, d.vehicles()), uniforms,
				Text.of(d.photo() == null ? "report.confirm.noPhoto" : "report.confirm.photo"),
				d.note() == null ? Text.of("report.confirm.noNote") : d.note());
	}

	/**
	 * The buttons of a count question: each offered range, then "not sure" (the last label); a button's value is
	 * its range's typical number, as it always was, so that buttons sent before an upgrade still work.
	 */
	private static List<Option> countOptions(List<String> labels, List<CountRange> offered) {
		var options = new ArrayList<Option>();
		for (int i = 0; i < offered.size(); i++) {
			options.add(Option.of(labels.get(i), Integer.toString(offered.get(i).typical())));
		}
		options.add(Option.of(labels.get(labels.size() - 1), Integer.toString(CountRange.UNKNOWN.typical())));
		return options;
	}

	/** The label of the button that gave this range (the last label is that of "not sure"). */
	private static Text countLabel(List<String> labels, List<CountRange> offered, CountRange chosen) {
		if (!chosen.known()) {
			return Text.of(labels.get(labels.size() - 1));
		}
		int i = offered.indexOf(chosen);
		// a range no button offers cannot come from this flow; shown as the numbers rather than as a wrong label
		return i >= 0 ? Text.of(labels.get(i)) : Text.of("plain", chosen.numbers());
	}

	private static ReportStep previous(ReportStep step) {
		return switch (step) {
			case KIND, WHERE -> ReportStep.KIND;
			case WHERE_NEIGHBORHOOD, WHERE_STREETS, WHEN -> ReportStep.WHERE;
			case AGENTS -> ReportStep.WHEN;
			case VEHICLES -> ReportStep.AGENTS;
			case UNIFORM -> ReportStep.VEHICLES;
			case PHOTO -> ReportStep.UNIFORM;
			case NOTE -> ReportStep.PHOTO;
			case CONFIRM -> ReportStep.NOTE;
		};
	}

	private static <E extends Enum<E>> Optional<E> choice(Input input, Class<E> type) {
		if (input instanceof Input.Choice c) {
			for (E e : type.getEnumConstants()) {
				if (e.name().equals(c.value())) {
					return Optional.of(e);
				}
			}
		}
		return Optional.empty();
	}

	/** The range of a count button the question offered; empty for anything else. */
	private static Optional<CountRange> count(Input input, Prompt offered) {
		if (input instanceof Input.Choice c && offered.option(c.value()).isPresent()) {
			return Optional.of(CountRange.standingFor(Integer.parseInt(c.value())));
		}
		return Optional.empty();
	}

	private static <E extends Enum<E>> List<Option> options(String prefix, E[] values) {
		return java.util.Arrays.stream(values).map(v -> Option.of(key(prefix, v), v.name())).toList();
	}

	/** The bundle key of an answer: {@code prefix} and the value in camel case ("report.kind.vehiclesWaiting"). */
	public static String key(String prefix, Enum<?> value) {
		String name = value.name().toLowerCase(Locale.ROOT);
		var camel = new StringBuilder();
		boolean up = false;
		for (char ch : name.toCharArray()) {
			if (ch == '_') {
				up = true;
			}
			else {
				camel.append(up ? Character.toUpperCase(ch) : ch);
				up = false;
			}
		}
		return prefix + camel;
	}

	private static List<List<Option>> rows(int perRow, List<Option> options) {
		var rows = new ArrayList<List<Option>>();
		for (int i = 0; i < options.size(); i += perRow) {
			rows.add(options.subList(i, Math.min(options.size(), i + perRow)));
		}
		return rows;
	}

	private static List<List<Option>> withNavigation(List<List<Option>> rows, boolean back) {
		var all = new ArrayList<>(rows);
		all.add(back ? List.of(Option.of("report.back", BACK), Option.of("report.cancel", CANCEL))
				: List.of(Option.of("report.cancel", CANCEL)));
		return all;
	}

}
