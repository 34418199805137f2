package org.vigia.core.accompany;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.vigia.core.chat.Text;

/**
 * A date and a time in words, in the person's language ("Thursday, March 5, 2026", "jueves, 5 de marzo de
 * 2026"; "9:30 AM", "9:30"), from the JDK's locale data: the flow shows back what was chosen before going on.
 */
public final class WhenWords {

	private WhenWords() {
	}

	static String day(LocalDate day, String language) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.forLanguageTag(language)).format(day);
	}

	/** A short day for a button: "Thu, Mar 5" / "jue, 5 mar". */
	static String shortDay(LocalDate day, String language) {
		Locale locale = Locale.forLanguageTag(language);
		String pattern = "en".equals(language) ? "EEE, MMM d" : "EEE d MMM";
		return DateTimeFormatter.ofPattern(pattern, locale).format(day).replace(".", "");
	}

	static String time(LocalTime time, String language) {
		// the JDK puts a narrow no-break space before AM/PM: a plain space reads the same everywhere
		return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
			.withLocale(Locale.forLanguageTag(language))
			.format(time)
			.replace('\u202f', ' ');
	}

	/** "{day} at {time}", arranged by the bundle (also what the bot says of an appointment later on). */
	public static Text words(LocalDateTime at, String language) {
		return Text.of("accompany.when.words", day(at.toLocalDate(), language), time(at.toLocalTime(), language));
	}

}
