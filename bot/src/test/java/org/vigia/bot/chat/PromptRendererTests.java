package org.vigia.bot.chat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;

import org.vigia.core.chat.Option;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromptRendererTests {

	final PromptRenderer renderer = new PromptRenderer(new Texts(MessageBundlesTests.messages()));

	@Test
	void buttonsCarryTheTurnAndValueInShortCallbackData() {
		var flow = new ReportFlow(new MessageBundlesTests.AllPlaces());
		Prompt first = flow.start("es").prompts().get(0);

		var message = renderer.render(42L, first, "es", "r", 7, false);

		assertThat(message.getParseMode()).isEqualToIgnoringCase("HTML");
		assertThat(message.getText()).startsWith("<b>¿Qué está pasando?</b>");
		var keyboard = (InlineKeyboardMarkup) message.getReplyMarkup();
		assertThat(keyboard.getKeyboard().get(0).get(0).getText()).isEqualTo("Están deteniendo a alguien");
		assertThat(keyboard.getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("r:7:DETENTION");
		keyboard.getKeyboard()
			.forEach(row -> row.forEach(b -> assertThat(b.getCallbackData().getBytes()).hasSizeLessThanOrEqualTo(64)));
	}

	@Test
	void askingForALocationShowsTheLocationButtonAndMapsLabelsBack() {
		var flow = new ReportFlow(new MessageBundlesTests.AllPlaces());
		var turn = flow.next(flow.start("en").draft(), new org.vigia.core.chat.Input.Choice("CHECKPOINT"));
		Prompt where = turn.prompts().get(0);

		var message = renderer.render(42L, where, "en", "r", turn.draft().turn(), false);

		var keyboard = (ReplyKeyboardMarkup) message.getReplyMarkup();
		assertThat(keyboard.getKeyboard().get(0).get(0).getRequestLocation()).isTrue();
		assertThat(keyboard.getKeyboard().get(0).get(0).getText()).isEqualTo("📍 Share my location");
		assertThat(renderer.optionForText(where, "en", "Pick a neighborhood")).map(Option::value).contains("nb");
		assertThat(renderer.optionForText(where, "en", "Pick a neighbourhood!!")).isEmpty();
	}

	@Test
	void theLastMessageOfAConversationRemovesTheReplyKeyboard() {
		var message = renderer.render(42L, Prompt.say(Text.of("report.thanks")), "en", "r", 1, true);

		assertThat(message.getReplyMarkup()).isInstanceOf(ReplyKeyboardRemove.class);
	}

	@Test
	void callbackDataOverSixtyFourBytesIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PromptRenderer.callbackData("r".repeat(30), 123456789, "x".repeat(24)));
		assertThat(PromptRenderer.callbackData("r", Integer.MAX_VALUE, "x".repeat(24)).getBytes()).hasSizeLessThan(64);
	}

	@Test
	void neighborhoodNamesAreShownAsPlainTextOnButtons() {
		var prompt = Prompt.ask(Text.of("report.where.neighborhood.ask"),
				List.of(List.of(new Option(Text.of("plain", "Pilsen & <Little Village>"), "n1"))));

		var keyboard = (InlineKeyboardMarkup) renderer.render(1L, prompt, "en", "r", 1, false).getReplyMarkup();

		assertThat(keyboard.getKeyboard().get(0).get(0).getText()).isEqualTo("Pilsen & <Little Village>");
	}

}
