package org.vigia.core.accompany;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vigia.core.messaging.Address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigia.core.accompany.Appointments.NOW;
import static org.vigia.core.accompany.Appointments.PERSON;

class RequestTests {

	@ParameterizedTest
	@ValueSource(ints = { 0, 4, -1 })
	void companionsAreOneToThree(int companions) {
		assertThatThrownBy(() -> Appointments.request(companions, Duration.ofDays(1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("companions");
	}

	@Test
	void anAppointmentInThePastOrMoreThanAYearAheadIsRefused() {
		assertThatThrownBy(() -> Appointments.request(1, Duration.ofMinutes(-5))).hasMessageContaining("after the request");
		assertThatThrownBy(() -> Appointments.request(1, Duration.ofDays(400))).hasMessageContaining("days ahead");
		assertThat(Appointments.request(1, Duration.ofDays(300)).companions()).isEqualTo(1);
	}

	@Test
	void aRecognitionWithAnANumberCannotBeBuiltAndItsTextIsNotEchoed() {
		assertThatThrownBy(() -> new Recognition("Rosa A123456789 red coat"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageNotContaining("123456789");
	}

	@Test
	void aGroupCannotAskOrAccompany() {
		Address channel = Address.telegramChannel("@vigia_downtown");
		assertThatThrownBy(() -> new AccompanyRequest(AppointmentKind.OTHER, Venue.typed("111 W Main"),
				NOW.plusSeconds(3600), "en", 1, new Recognition("Sam, blue cap"), channel, NOW))
			.hasMessageContaining("group");
	}

	@Test
	void aVenueIsAListedPlaceOrATypedAddressAndAccompaniersServeElsewhereForTypedOnes() {
		assertThat(Venue.typed("111 W Main St").served()).isEqualTo(Venue.ELSEWHERE);
		assertThat(Venue.listed("p1", "Court", "525 W Van Buren").served()).isEqualTo("p1");
		assertThatThrownBy(() -> Venue.typed(" ")).hasMessageContaining("address");
		assertThatThrownBy(() -> Venue.typed("x".repeat(201))).hasMessageContaining("200");
	}

	@Test
	void theRequestDoesNotPrintThePersonsAddress() {
		assertThat(Appointments.request(1, Duration.ofDays(1)).toString()).doesNotContain(PERSON.id())
			.doesNotContain("Rosa");
	}

}
