package org.vigia.core.accompany;

import java.time.Duration;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.accompany.Appointments.NOW;
import static org.vigia.core.accompany.Appointments.appointment;

class FamilyLinksTests {

	final FamilyLinks links = new FamilyLinks("test-secret-of-at-least-16-chars");

	@Test
	void codesAreUnguessableDistinctAndStoredOnlyAsAKeyedHash() {
		var seen = new HashSet<String>();
		var a = appointment(1, Duration.ofDays(3));
		for (int i = 0; i < 1000; i++) {
			var issued = links.issue(a.request().at(), NOW);
			assertThat(FamilyLinks.wellFormed(issued.code())).isTrue();
			assertThat(issued.code().length()).isLessThanOrEqualTo(64);
			assertThat(issued.hash()).doesNotContain(issued.code().substring(2)).hasSize(64);
			assertThat(seen.add(issued.code())).isTrue();
		}
		var one = links.issue(a.request().at(), NOW);
		assertThat(links.hash(one.code())).isEqualTo(one.hash());
		assertThat(new FamilyLinks("another-secret-of-16-chars").hash(one.code())).isNotEqualTo(one.hash());
		assertThat(one.toString()).doesNotContain(one.code());
	}

	@Test
	void aLinkExpiresAfterFortyEightHoursOrAtTheAppointmentIfSooner() {
		assertThat(links.issue(appointment(1, Duration.ofDays(5)).request().at(), NOW).expires()).isEqualTo(NOW.plus(Duration.ofHours(48)));
		var soon = appointment(1, Duration.ofHours(6));
		assertThat(links.issue(soon.request().at(), NOW).expires()).isEqualTo(soon.request().at());
	}

	@Test
	void textThatIsNotACodeIsRecognisedBeforeAnyLookUp() {
		assertThat(FamilyLinks.wellFormed("f_short")).isFalse();
		assertThat(FamilyLinks.wellFormed("x_AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
		assertThat(FamilyLinks.wellFormed("f_AAAAAAAAAAAAAAAAAAAA/A")).isFalse();
		assertThat(FamilyLinks.wellFormed(null)).isFalse();
		assertThat(FamilyLinks.wellFormed("f_AAAAAAAAAAAAAAAAAAAAAA")).isTrue();
	}

}
