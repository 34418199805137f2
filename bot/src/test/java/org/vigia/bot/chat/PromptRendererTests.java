package org.vigia.bot.chat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigia.bot.messages.PromptRenderer;
import org.vigia.bot.messages.Texts;
import org.vigia.bot.telegram.TelegramMessenger;

import org.vigia.core.chat.Option;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.Text;

import static org.assertj.core.api.Assertions.assertThat;

class PromptRendererTests {

	final PromptRenderer renderer = new PromptRenderer(new Texts(MessageBundlesTests.messages()));

	@Test
	void buttonsCarryTheTurnAndValueInShortCallbackData() {
		var flow = new ReportFlow(new MessageBundlesTests.AllPlaces());
		Prompt first = flow.start("es").prompts().get(0);

		var message = renderer.render(first, "es", 7, false);

		assertThat(TelegramMessenger.html(message.text())).startsWith("<b>¿Qué está pasando?</b>");
		assertThat(message.rows().get(0).get(0).label()).isEqualTo("Están deteniendo a alguien");
		assertThat(message.rows().get(0).get(0).value()).isEqualTo("r:7:DETENTION");
		message.rows().forEach(row -> row.forEach(b -> assertThat(b.value().getBytes()).hasSizeLessThanOrEqualTo(64)));
	}

	@Test
	void askingForALocationShowsTheLocationButtonAndMapsLabelsBack() {
		var flow = new ReportFlow(new MessageBundlesTests.AllPlaces());
		var turn = flow.next(flow.start("en").draft(), new org.vigia.core.chat.Input.Choice("CHECKPOINT"));
		Prompt where = turn.prompts().get(0);

		var message = renderer.render(where, "en", turn.draft().turn(), false);

		assertThat(message.askPlace()).isEqualTo("📍 Share my location");
		assertThat(renderer.optionForText(where, "en", "Pick a neighborhood")).map(Option::value).contains("nb");
		assertThat(renderer.optionForText(where, "en", "Pick a neighbourhood!!")).isEmpty();
	}

	@Test
	void theLastMessageOfAConversationRemovesTheReplyKeyboard() {
		var message = renderer.render(Prompt.say(Text.of("report.thanks")), "en", 1, true);

		assertThat(message.closesAsking()).isTrue();
	}

	@Test
	void neighborhoodNamesAreShownAsPlainTextOnButtons() {
		var prompt = Prompt.ask(Text.of("report.where.neighborhood.ask"),
				List.of(List.of(new Option(Text.of("plain", "Pilsen & <Little Village>"), "n1"))));

		var message = renderer.render(prompt, "en", 1, false);

		assertThat(message.rows().get(0).get(0).label()).isEqualTo("Pilsen & <Little Village>");
	}

}
