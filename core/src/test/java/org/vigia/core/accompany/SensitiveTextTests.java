package org.vigia.core.accompany;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vigia.core.accompany.SensitiveText.Finding;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "A123456789", "a12345678", "A-123-456-789", "A# 123 456 789", "A#123456789",
			"Rosa, A 123-456-789", "A.123.456.789", "my A no. 123456789", "alien number is 1234", "Alien # 12",
			"mi número A es el que tengo", "número de extranjero 5", "123456789", "123 456 789", "Rosa 12345678",
			"A-number", "uscis number 9" })
	void anANumberInItsCommonSpellingsIsFound(String text) {
		assertThat(SensitiveText.find(text)).contains(Finding.A_NUMBER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "312-555-0142", "(312) 555 0142", "+1 312 555 0142", "3125550142", "555-0142" })
	void aPhoneNumberIsFound(String text) {
		assertThat(SensitiveText.find(text)).contains(Finding.PHONE_NUMBER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "101 W Congress Pkwy, Chicago, IL 60605-1234", "1234-1236 W Cermak Rd", "Suite 300, 60605",
			"26 Federal Plaza, 12th floor, New York, NY 10278", "630 Sansome St Rm 1200" })
	void anAddressWithHouseNumbersRangesAndZipCodesIsNotRefused(String address) {
		assertThat(SensitiveText.findInAddress(address)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "55 E Monroe, A#123456789", "alien number 123, 55 E Monroe", "55 E Monroe 312 555 0142" })
	void anAddressWithAnANumberOrAPhoneNumberIsRefused(String address) {
		assertThat(SensitiveText.findInAddress(address)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Rosa, chaqueta roja", "Sam, blue cap and a backpack", "Ana con su hija de 7 años",
			"Gorra de los Cubs, talla 12", "Alicia, abrigo gris", "Lupe, 2 niños", "Andrés a las 9" })
	void aDescriptionIsNotRefused(String text) {
		assertThat(SensitiveText.find(text)).isEmpty();
	}

}
