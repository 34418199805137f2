package org.vigia.core.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressTests {

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			TELEGRAM  | PERSON | 123456789
			TELEGRAM  | GROUP  | -1001234567890
			TELEGRAM  | GROUP  | @vigia_pilsen
			SIGNAL    | PERSON | 0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e
			SIGNAL    | GROUP  | Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iMwI=
			SIMULATED | PERSON | resident-7
			""")
	void wellFormedIdsMakeAddresses(Transport transport, Address.Kind kind, String id) {
		assertThat(new Address(transport, kind, id).id()).isEqualTo(id);
	}

	@ParameterizedTest(name = "{0} {1} \"{2}\"")
	@CsvSource(delimiter = '|', textBlock = """
			TELEGRAM  | PERSON | -1001234567890
			TELEGRAM  | PERSON | @vigia_pilsen
			TELEGRAM  | PERSON | 0
			TELEGRAM  | PERSON | 99999999999999999999
			TELEGRAM  | PERSON | 12 34
			TELEGRAM  | GROUP  | 1234
			TELEGRAM  | GROUP  | @ab
			SIGNAL    | PERSON | +15551234567
			SIGNAL    | PERSON | PNI:0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e
			SIGNAL    | PERSON | 0F3B6C2E-5D1A-4C8E-9B7A-2E4F6A8C0D1E
			SIGNAL    | PERSON | 0f3b6c2e5d1a4c8e9b7a2e4f6a8c0d1e
			SIGNAL    | GROUP  | Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iM==
			SIGNAL    | GROUP  | not base64 at all, not base64 at all, not b=
			SIGNAL    | GROUP  | 0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e
			SIMULATED | PERSON | a b
			""")
	void anythingElseIsRefusedWithoutEchoingIt(Transport transport, Address.Kind kind, String id) {
		assertThatThrownBy(() -> new Address(transport, kind, id)).isInstanceOf(IllegalArgumentException.class)
			.message()
			.doesNotContain(id);
	}

	@Test
	void aSignalPersonIsNamedByTheirServiceIdInLowerCase() {
		var address = Address.signalPerson("0F3B6C2E-5D1A-4C8E-9B7A-2E4F6A8C0D1E");

		assertThat(address.id()).isEqualTo("0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e");
		assertThat(address.isPerson()).isTrue();
		assertThatThrownBy(() -> Address.signalPerson("+15551234567")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anAddressPrintsNoId() {
		for (var address : new Address[] { Address.telegramChat(123456789),
				Address.signalPerson("0f3b6c2e-5d1a-4c8e-9b7a-2e4f6a8c0d1e"),
				Address.signalGroup("Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iMwI=") }) {
			assertThat(address.toString()).doesNotContain(address.id()).contains(address.transport().name());
		}
	}

	@Test
	void telegramChannelsAndChatsAreDifferentKinds() {
		assertThat(Address.telegramChannel("@vigia_pilsen").kind()).isEqualTo(Address.Kind.GROUP);
		assertThat(Address.telegramChat(42).kind()).isEqualTo(Address.Kind.PERSON);
	}

	@Test
	void aTelegramChatKeepsTheKeyItHadBeforeOtherMessengersAndEveryKeyReadsBack() {
		assertThat(Address.telegramChat(123456789L).key()).isEqualTo("123456789");
		String aci = "3f0e4f8a-2b1c-4d5e-9f60-718293a4b5c6";
		assertThat(Address.signalPerson(aci).key()).isEqualTo("signal:" + aci);
		for (Address person : java.util.List.of(Address.telegramChat(42L), Address.signalPerson(aci),
				new Address(Transport.SIMULATED, Address.Kind.PERSON, "drill-7"))) {
			assertThat(Address.ofKey(person.key())).as(person.transport().name()).isEqualTo(person);
		}
	}

}
