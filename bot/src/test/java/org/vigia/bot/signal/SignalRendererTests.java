package org.vigia.bot.signal;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.geo.MapLinks;
import org.vigia.core.geo.PlaceInText;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.StyledText;

import static org.assertj.core.api.Assertions.assertThat;

/** Core's neutral messages as a Signal user sees them. */
class SignalRendererTests {

	@Test
	void boldAndItalicBecomeStyleRangesCountedInUtf16() {
		var text = StyledText.fromMarkup("📍 <b>Pilsen</b>: agents <i>confirmed</i>");

		SignalOutgoing out = SignalRenderer.render(Outbound.of(text), null);

		assertThat(out.text()).isEqualTo("📍 Pilsen: agents confirmed");
		// the pin is two UTF-16 units: "Pilsen" starts at 3
		assertThat(out.textStyles()).containsExactly("3:6:BOLD", "18:9:ITALIC");
		assertThat(out.text().substring(3, 9)).isEqualTo("Pilsen");
		assertThat(out.text().substring(18, 27)).isEqualTo("confirmed");
	}

	@Test
	void aLinkIsWrittenOutAfterItsLabel() {
		var text = StyledText.fromMarkup("Read <a href=\"https://example.org/rights\">your rights</a>.");

		assertThat(SignalRenderer.render(Outbound.of(text), null).text())
			.isEqualTo("Read your rights (https://example.org/rights).");
	}

	@Test
	void optionsBecomeANumberedMenuUnderTheTextWithTheHint() {
		var message = Outbound.of(StyledText.fromMarkup("<b>What is happening?</b>"))
			.withRows(List.of(List.of(MenuItem.of("Someone being detained", "DETENTION"), MenuItem.of("Checkpoint",
					"CHECKPOINT")), List.of(MenuItem.of("✖ Cancel", "cancel"))));

		SignalOutgoing out = SignalRenderer.render(message, "Reply with a number or a word.");

		assertThat(out.text()).isEqualTo("""
				What is happening?

				1 Someone being detained
				2 Checkpoint
				3 ✖ Cancel
				Reply with a number or a word.""");
		assertThat(out.textStyles()).contains("0:18:BOLD", "20:1:BOLD", "45:1:BOLD", "58:1:BOLD",
				"69:30:ITALIC");
		assertThat(out.text().substring(69)).isEqualTo("Reply with a number or a word.");
	}

	@Test
	void aPlaceIsALinkThatPhonesOpenInTheirMapsAppAndVigiaReadsBack() {
		var pin = new Outbound.Place(GeoPoint.of(41.857634, -87.659512), "18th St & Ashland", "Pilsen, Chicago");
		var message = Outbound.of(StyledText.plain("Go and check:")).withPlace(pin);

		SignalOutgoing out = SignalRenderer.render(message, null);

		assertThat(out.text()).isEqualTo("""
				Go and check:

				📍 18th St & Ashland
				Pilsen, Chicago
				https://www.google.com/maps/search/?api=1&query=41.857634%2C-87.659512""");
		assertThat(MapLinks.read(out.text())).isEqualTo(new PlaceInText.Found(GeoPoint.of(41.857634, -87.659512)));
	}

	@Test
	void aPhotoIsSentAsAJpegDataUri() {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2 };
		var message = new Outbound(StyledText.plain(""), List.of(), new Outbound.Image(jpeg), null);

		SignalOutgoing out = SignalRenderer.render(message, null);

		assertThat(out.attachments()).singleElement().satisfies(uri -> {
			assertThat(uri).startsWith("data:image/jpeg;filename=photo.jpg;base64,");
			assertThat(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))).isEqualTo(jpeg);
		});
	}

}
