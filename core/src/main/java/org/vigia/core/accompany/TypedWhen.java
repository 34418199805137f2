package org.vigia.core.accompany;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date and a time typed in English or Spanish, the fallback of the date and time buttons.
 *
 * <p>Design note: accepts the forms people type in a chat: {@code 2026-03-05}, {@code 5/3} (day first in
 * Spanish, month first in English), {@code 5 de marzo}, {@code March 5}, {@code mañana}, {@code tomorrow}, and
 * {@code 9:30}, {@code 9.30}, {@code 9am}, {@code 2:15 p. m.}, {@code 14h}, {@code a las 9}. A date without a year
 * is the next one to come, unless it was in the last 30 days: then it is taken as the past (and refused by the
 * flow) rather than moved a year ahead. Impossible dates (31/2) are not read. Whether a date is too far ahead or
 * past is the flow's decision. Stateless.
 */
final class TypedWhen {

	/** What was read: a date, a time, or both; either may be null. */
	record Read(LocalDate date, LocalTime time) {

		boolean empty() {
			return date == null && time == null;
		}

	}

	private static final List<String> MONTHS_EN = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
			"sep", "oct", "nov", "dec");

	private static final List<String> MONTHS_ES = List.of("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago",
			"sep", "oct", "nov", "dic");

	private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");

	private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{2}|\\d{4}))?\\b");

	private static final Pattern DAY_MONTH = Pattern
		.compile("\\b(\\d{1,2})\\s*(?:de\\s+)?([a-z]{3,10})\\.?(?:\\s*(?:de\\s+|,\\s*)?(\\d{4}))?\\b");

	private static final Pattern MONTH_DAY = Pattern.compile("\\b([a-z]{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*(\\d{4}))?\\b");

	private static final Pattern CLOCK = Pattern
		.compile("\\b(\\d{1,2})(?:[:.h](\\d{2}))\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)?(?![\\d/])");

	private static final Pattern HOUR_MERIDIEM = Pattern.compile("\\b(\\d{1,2})\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)(?![a-z])");

	private static final Pattern HOUR_OF_DAY = Pattern.compile("\\b(\\d{1,2})\\s+(?=de la (manana|tarde|noche)\\b)");

	private static final Pattern HOUR_WORD = Pattern.compile("(?:\\ba\\s+las?|\\bat|\\b(?=\\d{1,2}\\s*h\\b))\\s*(\\d{1,2})(?:\\s*h)?\\b");

	private TypedWhen() {
	}

	static Read read(String typed, String language, LocalDate today) {
		String text = Normalizer.normalize(typed.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		var date = new StringBuilder(text);
		LocalDate day = date(date, language, today);
		LocalTime time = time(date.toString());
		return new Read(day, time);
	}

	/** Finds a date and blanks it out of the text, so that its numbers are not read as a time. */
	private static LocalDate date(StringBuilder text, String language, LocalDate today) {
		String s = text.toString();
		if (s.matches(".*\\b(tomorrow|manana)\\b.*") && !s.matches(".*\\bde la manana\\b.*")) {
			return today.plusDays(1);
		}
		if (s.matches(".*\\b(today|hoy)\\b.*")) {
			return today;
		}
		Matcher m = ISO.matcher(s);
		if (m.find()) {
			blank(text, m);
			return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
		}
		m = NUMERIC.matcher(s);
		if (m.find()) {
			blank(text, m);
			int a = Integer.parseInt(m.group(1));
			int b = Integer.parseInt(m.group(2));
			boolean dayFirst = !"en".equals(language);
			return dated(dayFirst ? b : a, dayFirst ? a : b, m.group(3), today);
		}
		m = DAY_MONTH.matcher(s);
		while (m.find()) {
			int month = month(m.group(2));
			if (month > 0) {
				blank(text, m);
				return dated(month, Integer.parseInt(m.group(1)), m.group(3), today);
			}
		}
		m = MONTH_DAY.matcher(s);
		while (m.find()) {
			int month = month(m.group(1));
			if (month > 0) {
				blank(text, m);
				return dated(month, Integer.parseInt(m.group(2)), m.group(3), today);
			}
		}
		return null;
	}

	private static LocalDate dated(int month, int day, String year, LocalDate today) {
		if (year != null) {
			int y = Integer.parseInt(year);
			return of(y < 100 ? 2000 + y : y, month, day);
		}
		MonthDay monthDay;
		try {
			monthDay = MonthDay.of(month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
		if (!monthDay.isValidYear(today.getYear()) && !monthDay.isValidYear(today.getYear() + 1)) {
			return null;
		}
		LocalDate thisYear = monthDay.isValidYear(today.getYear()) ? monthDay.atYear(today.getYear()) : null;
		if (thisYear != null && (!thisYear.isBefore(today) || thisYear.isAfter(today.minusDays(30)))) {
			return thisYear;
		}
		// 29 February of a year without it: the next one that has it is too far to matter
		return monthDay.isValidYear(today.getYear() + 1) ? monthDay.atYear(today.getYear() + 1) : null;
	}

	private static LocalDate of(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int month(String word) {
		if (word.length() < 3) {
			return 0;
		}
		String prefix = word.substring(0, 3);
		int en = MONTHS_EN.indexOf(prefix);
		int es = MONTHS_ES.indexOf(prefix);
		if (word.startsWith("set")) {
			return 9;
		}
		return en >= 0 ? en + 1 : es >= 0 ? es + 1 : 0;
	}

	private static LocalTime time(String s) {
		Matcher m = CLOCK.matcher(s);
		if (m.find()) {
			return time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), s.substring(m.end()));
		}
		m = HOUR_MERIDIEM.matcher(s);
		if (m.find()) {
			return time(Integer.parseInt(m.group(1)), 0, m.group(2), "");
		}
		m = HOUR_OF_DAY.matcher(s);
		if (m.find()) {
			return time(Integer.parseInt(m.group(1)), 0, null, s.substring(m.end()));
		}
		m = HOUR_WORD.matcher(s);
		if (m.find()) {
			return time(Integer.parseInt(m.group(1)), 0, null, s.substring(m.end()));
		}
		return null;
	}

	private static LocalTime time(int hour, int minute, String meridiem, String after) {
		boolean pm = meridiem != null && meridiem.startsWith("p")
				|| after.matches("\\s*de la (tarde|noche)\\b.*");
		boolean am = meridiem != null && meridiem.startsWith("a");
		if ((pm || am) && (hour < 1 || hour > 12)) {
			return null;
		}
		if (pm && hour < 12) {
			hour += 12;
		}
		if (am && hour == 12) {
			hour = 0;
		}
		if (hour > 23 || minute > 59) {
			return null;
		}
		return LocalTime.of(hour, minute);
	}

	private static void blank(StringBuilder text, Matcher m) {
		for (int i = m.start(); i < m.end(); i++) {
			text.setCharAt(i, ' ');
		}
	}

}
