package org.vigia.bot.chat;

import java.util.concurrent.CompletableFuture;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;

import org.vigia.bot.telegram.Outbox;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.Text;

/** Sends the bot's texts, localised and escaped, through the outbox. Thread-safe. */
public final class Replies {

	private final Outbox outbox;

	private final Texts texts;

	private final PromptRenderer renderer;

	private final String hotline;

	public Replies(Outbox outbox, Texts texts, String hotline) {
		this.outbox = outbox;
		this.texts = texts;
		this.renderer = new PromptRenderer(texts);
		this.hotline = hotline == null || hotline.isBlank() ? "-" : hotline.strip();
	}

	public String hotline() {
		return hotline;
	}

	public Texts texts() {
		return texts;
	}

	/** The outbox, for what is not a text message (a map pin, a photo, an edit). */
	public Outbox outbox() {
		return outbox;
	}

	public PromptRenderer renderer() {
		return renderer;
	}

	/** A bundle text to a private chat. */
	public CompletableFuture<Message> say(long chat, String language, String key, Object... args) {
		return send(chat, texts.render(Text.of(key, args), language), null, Outbox.Priority.NORMAL);
	}

	public CompletableFuture<Message> say(long chat, String language, ReplyKeyboard markup, String key, Object... args) {
		return send(chat, texts.render(Text.of(key, args), language), markup, Outbox.Priority.NORMAL);
	}

	public CompletableFuture<Message> prompt(long chat, Prompt prompt, String language, String prefix, int turn,
			boolean removeKeyboard) {
		SendMessage message = renderer.render(chat, prompt, language, prefix, turn, removeKeyboard);
		return outbox.call(Long.toString(chat), message, Outbox.Priority.NORMAL);
	}

	/** Edits an earlier message of this chat into {@code prompt} (see {@link PromptRenderer#edit}). */
	public CompletableFuture<java.io.Serializable> edit(long chat, int messageId, Prompt prompt, String language,
			String prefix, int turn) {
		return outbox.call(Long.toString(chat), renderer.edit(chat, messageId, prompt, language, prefix, turn),
				Outbox.Priority.NORMAL);
	}

	public CompletableFuture<Message> send(long chat, String html, ReplyKeyboard markup, Outbox.Priority priority) {
		var message = SendMessage.builder().chatId(chat).text(html).parseMode(ParseMode.HTML).disableWebPagePreview(true);
		if (markup != null) {
			message.replyMarkup(markup);
		}
		return outbox.call(Long.toString(chat), message.build(), priority);
	}

	/**
	 * Answers a button press (stops the spinner), with a short notice when {@code key} is given, ahead of the
	 * chat's waiting messages. An answer is not a message: the outbox does not pace it and it takes none of
	 * the bot's 28 messages a second, so answers, even a flood of stale or forged presses from many accounts,
	 * never hold back channel alerts and observer prompts (BENCHMARKS.md, "Report storm": when they were paced
	 * and urgent, 9 350 residents' presses delayed a post by up to 209 s).
	 */
	public void answer(String callbackId, long chat, String language, String key) {
		var answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId);
		if (key != null) {
			answer.text(texts.render(Text.of(key), language).replaceAll("<[^>]+>", ""));
		}
		outbox.call(Long.toString(chat), answer.build(), Outbox.Priority.URGENT);
	}

}
