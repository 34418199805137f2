package org.vigia.core.accompany;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypedWhenTests {

	/** Monday 2 March 2026. */
	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	@ParameterizedTest(name = "{0}: \"{1}\" -> {2} {3}")
	@CsvSource(delimiter = ';', nullValues = "-", value = { "es; 5/3 9:30; 2026-03-05; 09:30",
			"en; 3/5 9:30am; 2026-03-05; 09:30", "es; 5 de marzo a las 2 de la tarde; 2026-03-05; 14:00",
			"en; March 5, 2:15 pm; 2026-03-05; 14:15", "es; 2026-03-05 14h; 2026-03-05; 14:00",
			"es; mañana 10:00; 2026-03-03; 10:00", "en; tomorrow at 8; 2026-03-03; 08:00",
			"es; 15/1; 2027-01-15; -", "es; 28/2; 2026-02-28; -", "es; 5.3; -; -", "en; 9.30; -; 09:30",
			"es; 9 de la mañana; -; 09:00", "es; 12 de septiembre 8:30 a. m.; 2026-09-12; 08:30",
			"es; 1 setiembre; 2026-09-01; -", "en; Sept 1st 12pm; 2026-09-01; 12:00", "es; 31/2; -; -",
			"es; 14:75; -; -", "en; 13pm; -; -", "es; hoy 3 pm; 2026-03-02; 15:00", "en; 5/3/27 8:00; 2027-05-03; 08:00",
			"es; jueves; -; -" })
	void aDateAndATimeAreReadAsPeopleTypeThem(String language, String typed, LocalDate date, String time) {
		var read = TypedWhen.read(typed, language, TODAY);

		assertThat(read.date()).isEqualTo(date);
		assertThat(read.time() == null ? null : read.time().toString()).isEqualTo(time);
	}

}
