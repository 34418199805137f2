package org.vigia.core.accompany;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.vigia.core.chat.Option;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.Text;
import org.vigia.core.support.Checks;

/** The questions of {@link AccompanyFlow}, with their buttons; every label a bundle key or a value the person chose. */
final class AccompanyQuestions {

	/** Days offered as buttons: today and the six after it; later days are typed. */
	static final int DAYS_OFFERED = 7;

	/** Times offered as buttons: every half hour from 7:00 to 16:30, when courts and ICE offices see people. */
	static final List<LocalTime> TIMES_OFFERED;

	static {
		var times = new ArrayList<LocalTime>();
		for (LocalTime t = LocalTime.of(7, 0); !t.isAfter(LocalTime.of(16, 30)); t = t.plusMinutes(30)) {
			times.add(t);
		}
		TIMES_OFFERED = List.copyOf(times);
	}

	private final AccompanyPlaces places;

	private final List<String> languages;

	AccompanyQuestions(AccompanyPlaces places, List<String> languages) {
		this.places = places;
		this.languages = List.copyOf(languages);
		if (this.languages.isEmpty()) {
			throw new IllegalArgumentException("at least one language is offered");
		}
		this.languages.forEach(l -> Checks.token("language", l, 8));
	}

	List<String> languages() {
		return languages;
	}

	Prompt question(AccompanyDraft draft, LocalDate today) {
		String lang = draft.language();
		return switch (draft.step()) {
			case KIND -> Prompt.ask(Text.of("accompany.kind.ask"), nav(List.of(
					List.of(Option.of("accompany.kind.courtHearing", AppointmentKind.COURT_HEARING.name())),
					List.of(Option.of("accompany.kind.iceCheckIn", AppointmentKind.ICE_CHECK_IN.name())),
					List.of(Option.of("accompany.kind.other", AppointmentKind.OTHER.name()))), false));
			case WHERE -> places.all().isEmpty()
					? Prompt.ask(Text.of("accompany.where.typed.ask"), nav(List.of(), true))
					: Prompt.ask(Text.of("accompany.where.ask"), nav(placeRows(), true));
			case WHERE_TYPED -> Prompt.ask(Text.of("accompany.where.typed.ask"), nav(List.of(), true));
			case DAY -> Prompt.ask(Text.of("accompany.day.ask"), nav(dayRows(today, lang), true));
			case TIME -> Prompt.ask(Text.of("accompany.time.ask", WhenWords.day(draft.day(), lang)),
					nav(rows(4, TIMES_OFFERED.stream()
						.map(t -> new Option(Text.of("plain", WhenWords.time(t, lang)), AccompanyFlow.TIME_VALUE.format(t)))
						.toList()), true));
			case LANGUAGE -> Prompt.ask(Text.of("accompany.language.ask"), nav(rows(2, languageOptions(lang)), true));
			case COMPANIONS -> Prompt.ask(Text.of("accompany.companions.ask"), nav(List.of(List.of(
					Option.of("accompany.companions.1", "c1"), Option.of("accompany.companions.2", "c2"),
					Option.of("accompany.companions.3", "c3"))), true));
			case RECOGNITION -> Prompt.ask(Text.of("accompany.recognition.ask"), nav(List.of(), true));
			case FAMILY -> Prompt.ask(Text.of(draft.hasFamilyLink() ? "accompany.family.again" : "accompany.family.ask"),
					nav(familyRows(draft), true));
			case CONFIRM -> Prompt.ask(summary(draft),
					nav(List.of(List.of(Option.of("accompany.confirm.send", AccompanyFlow.SEND))), true));
		};
	}

	/** Another link while fewer than the most contacts were given one; then go on (with or without). */
	private static List<List<Option>> familyRows(AccompanyDraft draft) {
		var rows = new ArrayList<List<Option>>();
		if (draft.familyLinks().size() < Appointment.MAX_FAMILY) {
			rows.add(List.of(Option.of("accompany.family.getLink", AccompanyFlow.GET_LINK)));
		}
		rows.add(List.of(draft.hasFamilyLink() ? Option.of("accompany.family.next", AccompanyFlow.NEXT)
				: Option.of("accompany.family.without", AccompanyFlow.NO_LINK)));
		return rows;
	}

	/** Every answer in the words of the button pressed or of what the person typed. */
	private static Text summary(AccompanyDraft d) {
		Object where = d.venue() == null ? "" : d.venue().isListed() && d.venue().address() != null
				? Text.of("accompany.confirm.listedPlace", d.venue().name(), d.venue().address())
				: d.venue().isListed() ? d.venue().name() : d.venue().address();
		return Text.of("accompany.confirm.summary", Text.of(ReportFlow.key("accompany.kind.", d.kind())), where,
				d.at() == null ? "" : WhenWords.words(d.at(), d.language()),
				Text.of("accompany.language." + d.personLanguage()), Text.of("accompany.companions." + d.companions()),
				d.recognition() == null ? "" : d.recognition().text(),
				Text.of(d.hasFamilyLink() ? "accompany.confirm.familyLink" : "accompany.confirm.noFamilyLink"));
	}

	private List<List<Option>> placeRows() {
		var rows = new ArrayList<List<Option>>();
		for (var p : places.all()) {
			rows.add(List.of(new Option(Text.of("plain", p.place().name()), p.key())));
		}
		rows.add(List.of(Option.of("accompany.where.elsewhere", AccompanyFlow.ELSEWHERE)));
		return rows;
	}

	private static List<List<Option>> dayRows(LocalDate today, String lang) {
		var options = new ArrayList<Option>();
		for (int i = 0; i < DAYS_OFFERED; i++) {
			LocalDate day = today.plusDays(i);
			String words = WhenWords.shortDay(day, lang);
			Text label = i == 0 ? Text.of("accompany.day.today", words)
					: i == 1 ? Text.of("accompany.day.tomorrow", words) : Text.of("plain", words);
			options.add(new Option(label, AccompanyFlow.DAY_VALUE.format(day)));
		}
		return rows(2, options);
	}

	/** The conversation's language first, then the others in the configured order. */
	private List<Option> languageOptions(String first) {
		var ordered = new ArrayList<String>();
		if (languages.contains(first)) {
			ordered.add(first);
		}
		languages.stream().filter(l -> !l.equals(first)).forEach(ordered::add);
		return ordered.stream().map(l -> Option.of("accompany.language." + l, l)).toList();
	}

	private static List<List<Option>> rows(int perRow, List<Option> options) {
		var rows = new ArrayList<List<Option>>();
		for (int i = 0; i < options.size(); i += perRow) {
			rows.add(options.subList(i, Math.min(options.size(), i + perRow)));
		}
		return rows;
	}

	private static List<List<Option>> nav(List<List<Option>> rows, boolean back) {
		var all = new ArrayList<>(rows);
		all.add(back ? List.of(Option.of("accompany.back", AccompanyFlow.BACK), Option.of("accompany.cancel", AccompanyFlow.CANCEL))
				: List.of(Option.of("accompany.cancel", AccompanyFlow.CANCEL)));
		return all;
	}

}
