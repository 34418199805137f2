package org.vigia.bot.chat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ObserverNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Ana R.|Ana R.", "  José   María  |José María", "O’Brien-Díaz|O’Brien-Díaz",
			"Quetzal 27|Quetzal 27", "Nguyễn Thị|Nguyễn Thị", "حسن|حسن", "Jo|Jo" })
	void aNameIsKeptTrimmedWithItsSpacesCollapsed(String typed, String kept) {
		assertThat(ObserverNames.valid(typed)).contains(kept);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "A", "12345", "<b>Ana</b>", "Ana & co", "https://t.me/ana", "t.me/ana", "evil.com",
			"www ana", "@ana", "Ana\u0000", "ana_r", "Ana 😀", "123456789012345678901234567890123" })
	void markupLinksSymbolsAndLengthsOutsideTheRulesAreRefused(String typed) {
		assertThat(ObserverNames.valid(typed)).as(typed).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ABCDEFGH23", "ZZZZZZZZZZ", "K7M2P9Q4RT" })
	void theSuggestionIsItselfAValidNameAndTheSameForOneCode(String code) {
		String suggestion = ObserverNames.suggestion(code);

		assertThat(ObserverNames.valid(suggestion)).contains(suggestion);
		assertThat(ObserverNames.suggestion(code)).isEqualTo(suggestion);
	}

}
