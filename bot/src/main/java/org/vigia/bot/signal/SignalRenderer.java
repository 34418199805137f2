package org.vigia.bot.signal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.vigia.core.messaging.NumberedMenu;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.StyledText;

/**
 * Renders core's neutral {@link Outbound} as a Signal message: the styled text as plain text with style
 * ranges, links written out ("label (https://…)"), options as a {@link NumberedMenu} under the text, a place as
 * its name, address and a maps link (Google's cross-platform search URL, which phones open in their maps app
 * and {@code MapLinks} reads back), a photo as a JPEG data URI. Stateless and thread-safe.
 */
public final class SignalRenderer {

	private SignalRenderer() {
	}

	/**
	 * @param message what to send
	 * @param menuHint lines under a numbered menu, or under a question that asks for a place, in the person's
	 * language ("Reply with a number or a word."), or null for none
	 */
	public static SignalOutgoing render(Outbound message, String menuHint) {
		var out = new Builder();
		out.add(message.text());
		if (message.hasOptions()) {
			out.paragraph();
			out.add(NumberedMenu.of(message.rows()).render());
		}
		if (menuHint != null && !menuHint.isBlank() && (message.hasOptions() || message.askPlace() != null)) {
			out.text(message.hasOptions() ? "\n" : "");
			if (!message.hasOptions()) {
				out.paragraph();
			}
			out.styled(menuHint, "ITALIC");
		}
		if (message.place() != null) {
			var place = message.place();
			out.paragraph();
			if (place.title() != null && !place.title().isBlank()) {
				out.styled("📍 " + place.title(), "BOLD");
				out.text("\n");
			}
			if (place.address() != null && !place.address().isBlank()) {
				out.text(place.address() + "\n");
			}
			out.text(mapsLink(place.point().latitude(), place.point().longitude()));
		}
		List<String> attachments = message.image() == null ? List.of()
				: List.of("data:image/jpeg;filename=photo.jpg;base64,"
						+ Base64.getEncoder().encodeToString(message.image().jpeg()));
		return new SignalOutgoing(out.text.toString(), out.styles, attachments, null, null);
	}

	/** A link any phone opens in its maps app. */
	static String mapsLink(double latitude, double longitude) {
		return String.format(Locale.ROOT, "https://www.google.com/maps/search/?api=1&query=%.6f%%2C%.6f", latitude,
				longitude);
	}

	/** Text and its style ranges, in UTF-16 units as signal-cli counts them. */
	private static final class Builder {

		final StringBuilder text = new StringBuilder();

		final List<String> styles = new ArrayList<>();

		void paragraph() {
			if (!text.isEmpty()) {
				text.append("\n\n");
			}
		}

		void text(String plain) {
			text.append(plain);
		}

		void styled(String plain, String style) {
			styles.add(text.length() + ":" + plain.length() + ":" + style);
			text.append(plain);
		}

		void add(StyledText styled) {
			for (StyledText.Span span : styled.spans()) {
				int start = text.length();
				text.append(span.text());
				if (span.bold()) {
					styles.add(start + ":" + span.text().length() + ":BOLD");
				}
				if (span.italic()) {
					styles.add(start + ":" + span.text().length() + ":ITALIC");
				}
				if (span.link() != null && !span.link().equals(span.text())) {
					text.append(" (").append(span.link()).append(')');
				}
			}
		}

	}

}
