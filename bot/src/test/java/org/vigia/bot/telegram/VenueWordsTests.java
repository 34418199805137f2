package org.vigia.bot.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Venue;

import static org.assertj.core.api.Assertions.assertThat;

/** A venue from Telegram's place picker, as the place words of a report: its name and address, cleaned and kept short. */
class VenueWordsTests {

	static Venue venue(String title, String address) {
		var venue = new Venue();
		venue.setTitle(title);
		venue.setAddress(address);
		return venue;
	}

	@Test
	void aVenueIsItsNameAndAddress() {
		assertThat(UpdateChats.words(venue("Mercado Central", "1200 W 18th St, Chicago"))).isEqualTo(
				"Mercado Central, 1200 W 18th St, Chicago");
	}

	@Test
	void anAddressThatAlreadyNamesThePlaceIsNotRepeated() {
		assertThat(UpdateChats.words(venue("Union Station", "Union Station, 225 S Canal St"))).isEqualTo(
				"Union Station, 225 S Canal St");
		assertThat(UpdateChats.words(venue("Union Station", ""))).isEqualTo("Union Station");
		assertThat(UpdateChats.words(venue(null, " 225 S Canal St "))).isEqualTo("225 S Canal St");
	}

	@Test
	void controlAndDirectionCharactersAndRunsOfSpacesAreRemoved() {
		assertThat(UpdateChats.words(venue("Bodega\u202E la\u0000 Esquina", "Calle  8\n\tMiami"))).isEqualTo(
				"Bodega la Esquina, Calle 8 Miami");
	}

	@Test
	void aVenueWithNothingToSayHasNoWordsAndAHugeOneIsCutToWhatAReportKeeps() {
		assertThat(UpdateChats.words(venue(" \u200B ", null))).isNull();
		String words = UpdateChats.words(venue("🏪".repeat(5_000), "x".repeat(100_000)));
		assertThat(words.codePointCount(0, words.length())).isEqualTo(200);
		assertThat(words).endsWith("…");
	}

}
