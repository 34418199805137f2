package org.vigia.core.messaging;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundTests {

	@Test
	void aMessageNeedsSomethingToShow() {
		assertThatThrownBy(() -> Outbound.of(StyledText.plain(""))).isInstanceOf(IllegalArgumentException.class);
		var pin = new Outbound.Place(GeoPoint.of(41.85, -87.65), "Pilsen", null);

		assertThat(new Outbound(StyledText.plain(""), List.of(), null, pin).place()).isEqualTo(pin);
	}

	@Test
	void emptyRowsAreDroppedAndRowsCannotBeChangedLater() {
		var rows = new java.util.ArrayList<List<MenuItem>>();
		rows.add(List.of(MenuItem.of("Yes", "yes")));
		rows.add(List.of());
		var message = Outbound.of(StyledText.plain("Going?")).withRows(rows);
		rows.add(List.of(MenuItem.of("No", "no")));

		assertThat(message.rows()).containsExactly(List.of(MenuItem.of("Yes", "yes")));
		assertThat(message.hasOptions()).isTrue();
	}

	@Test
	void aPhotoIsCopiedAndComparedByItsBytes() {
		byte[] bytes = { (byte) 0xFF, (byte) 0xD8, 1, 2 };
		var image = new Outbound.Image(bytes);
		bytes[2] = 9;

		assertThat(image).isEqualTo(new Outbound.Image(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2 }));
		image.jpeg()[3] = 9;
		assertThat(image.jpeg()[3]).isEqualTo((byte) 2);
		assertThat(image.toString()).isEqualTo("Image[4 bytes]");
		assertThatThrownBy(() -> new Outbound.Image(new byte[0])).isInstanceOf(IllegalArgumentException.class);
	}

}
