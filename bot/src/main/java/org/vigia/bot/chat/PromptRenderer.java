package org.vigia.bot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

import org.vigia.core.chat.Option;
import org.vigia.core.chat.Prompt;

/**
 * Renders core's {@link Prompt}s as Telegram messages.
 *
 * <p>Buttons become inline buttons whose callback data is {@code prefix:turn:value}; the turn lets the
 * handler recognise a press on an old message. A prompt that asks for a location becomes a reply keyboard
 * (Telegram's location button exists only there), with the other options as text buttons that
 * {@link #optionForText} maps back. Callback data never exceeds Telegram's 64 bytes.
 */
public final class PromptRenderer {

	static final int MAX_CALLBACK_BYTES = 64;

	private final Texts texts;

	public PromptRenderer(Texts texts) {
		this.texts = texts;
	}

	/**
	 * @param removeKeyboard whether a prompt without buttons should also remove a reply keyboard shown
	 * earlier (at the end of a conversation)
	 */
	public SendMessage render(long chatId, Prompt prompt, String language, String prefix, int turn,
			boolean removeKeyboard) {
		var message = SendMessage.builder()
			.chatId(chatId)
			.text(texts.render(prompt.text(), language))
			.parseMode(ParseMode.HTML)
			.disableWebPagePreview(true);
		ReplyKeyboard markup = markup(prompt, language, prefix, turn, removeKeyboard);
		if (markup != null) {
			message.replyMarkup(markup);
		}
		return message.build();
	}

	/**
	 * The prompt as an edit of an earlier message (a question updated in place). Only prompts without a
	 * reply keyboard can be edited in: Telegram edits text and inline buttons, nothing else.
	 *
	 * @throws IllegalArgumentException if the prompt asks for a location
	 */
	public EditMessageText edit(long chatId, int messageId, Prompt prompt, String language, String prefix, int turn) {
		if (prompt.askLocation()) {
			throw new IllegalArgumentException("a prompt with a reply keyboard cannot be edited in");
		}
		var edit = EditMessageText.builder()
			.chatId(chatId)
			.messageId(messageId)
			.text(texts.render(prompt.text(), language))
			.parseMode(ParseMode.HTML)
			.disableWebPagePreview(true);
		if (markup(prompt, language, prefix, turn, false) instanceof InlineKeyboardMarkup inline) {
			edit.replyMarkup(inline);
		}
		return edit.build();
	}

	private ReplyKeyboard markup(Prompt prompt, String language, String prefix, int turn, boolean remove) {
		if (prompt.askLocation()) {
			var rows = new ArrayList<KeyboardRow>();
			var share = KeyboardButton.builder()
				.text(texts.render("report.where.shareLocation", language))
				.requestLocation(true)
				.build();
			rows.add(new KeyboardRow(List.of(share)));
			for (List<Option> row : prompt.rows()) {
				rows.add(new KeyboardRow(row.stream().map(o -> new KeyboardButton(label(o, language))).toList()));
			}
			return ReplyKeyboardMarkup.builder().keyboard(rows).resizeKeyboard(true).oneTimeKeyboard(true).build();
		}
		if (!prompt.rows().isEmpty()) {
			var rows = new ArrayList<InlineKeyboardRow>();
			for (List<Option> row : prompt.rows()) {
				rows.add(new InlineKeyboardRow(row.stream()
					.map(o -> InlineKeyboardButton.builder()
						.text(label(o, language))
						.callbackData(callbackData(prefix, turn, o.value()))
						.build())
					.toList()));
			}
			return InlineKeyboardMarkup.builder().keyboard(rows).build();
		}
		return remove ? ReplyKeyboardRemove.builder().removeKeyboard(true).build() : null;
	}

	/** The option of a reply-keyboard prompt whose label is exactly this text, if any. */
	public Optional<Option> optionForText(Prompt prompt, String language, String text) {
		return prompt.rows().stream().flatMap(List::stream).filter(o -> label(o, language).equals(text)).findFirst();
	}

	private String label(Option option, String language) {
		// labels are plain text in Telegram: render, then undo the escaping of arguments
		return unescape(texts.render(option.label(), language));
	}

	static String callbackData(String prefix, int turn, String value) {
		String data = prefix + ":" + turn + ":" + value;
		if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
			throw new IllegalArgumentException("callback data over 64 bytes: " + data.length() + " characters");
		}
		return data;
	}

	private static String unescape(String html) {
		return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
	}

}
