package org.vigia.bot.messages;

import java.util.List;
import java.util.Optional;

import org.vigia.core.chat.Option;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.Text;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.StyledText;
import org.vigia.core.messaging.Transport;

/**
 * Renders core's {@link Prompt}s as messages of the port.
 *
 * <p>Options become menu items whose value is a {@link Choice.ReportAnswer}; the turn lets the handler recognise
 * a choice from an old message. A prompt that asks for a location asks for a place ({@link Outbound#askPlace}):
 * on Telegram the options' labels then come back as typed text, which {@link #optionForText} maps back.
 */
public final class PromptRenderer {

	private final Texts texts;

	public PromptRenderer(Texts texts) {
		this.texts = texts;
	}

	/**
	 * @param closesAsking whether a prompt without options should also take away a place-asking keyboard
	 * shown earlier (at the end of a conversation)
	 */
	public Outbound render(Prompt prompt, String language, int turn, boolean closesAsking) {
		return render(prompt, language, turn, closesAsking, Transport.TELEGRAM);
	}

	/** As {@link #render(Prompt, String, int, boolean)}, in the words of this messenger ({@link Texts#render(Text, String, Transport)}). */
	public Outbound render(Prompt prompt, String language, int turn, boolean closesAsking, Transport transport) {
		return render(prompt, language, o -> new Choice.ReportAnswer(turn, o).value(), closesAsking, transport);
	}

	/**
	 * As {@link #render(Prompt, String, int, boolean)}, each option's value written by {@code protocol} (another
	 * conversation's {@link Choice}, e.g. {@link Choice.AccompanyAnswer}) from core's option value.
	 */
	public Outbound render(Prompt prompt, String language, java.util.function.UnaryOperator<String> protocol,
			boolean closesAsking) {
		return render(prompt, language, protocol, closesAsking, Transport.TELEGRAM);
	}

	/** As {@link #render(Prompt, String, java.util.function.UnaryOperator, boolean)}, in the words of this messenger. */
	public Outbound render(Prompt prompt, String language, java.util.function.UnaryOperator<String> protocol,
			boolean closesAsking, Transport transport) {
		Outbound message = Outbound.of(StyledText.fromMarkup(texts.render(prompt.text(), language, transport)))
			.withRows(prompt.rows()
				.stream()
				.map(row -> row.stream().map(o -> MenuItem.of(label(o, language), protocol.apply(o.value()))).toList())
				.toList());
		if (prompt.askLocation()) {
			return message.askingPlace(Texts.plain(texts.render("report.where.shareLocation", language)));
		}
		return !message.hasOptions() && closesAsking ? message.closingAsking() : message;
	}

	/** The option of a place-asking prompt whose label is exactly this text, if any. */
	public Optional<Option> optionForText(Prompt prompt, String language, String text) {
		return prompt.rows().stream().flatMap(List::stream).filter(o -> label(o, language).equals(text)).findFirst();
	}

	private String label(Option option, String language) {
		// labels are plain text: render, then undo the escaping of arguments
		return Texts.plain(texts.render(option.label(), language));
	}

}
