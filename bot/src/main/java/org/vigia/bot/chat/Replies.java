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

	public CompletableFuture<Message> send(long chat, String html, ReplyKeyboard markup, Outbox.Priority priority) {
		var message = SendMessage.builder().chatId(chat).text(html).parseMode(ParseMode.HTML).disableWebPagePreview(true);
		if (markup != null) {
			message.replyMarkup(markup);
		}
		return outbox.call(Long.toString(chat), message.build(), priority);
	}

	/**
	 * Answers a button press (stops the spinner), with a short notice when {@code key} is given, in turn with
	 * the chat's other messages. The outbox counts every call against the bot's messages per second, so
	 * answers to residents (and to stale or forged presses, from anyone) must not overtake channel alerts and
	 * observer prompts: in a storm of 1 000 residents they held alerts back by minutes (BENCHMARKS.md,
	 * "Report storm"), and a flood of presses could do so on purpose.
	 */
	public void answer(String callbackId, long chat, String language, String key) {
		answer(callbackId, chat, language, key, Outbox.Priority.NORMAL);
	}

	/** Answers a press that verification waits on (an observer's or a dispatcher's), ahead of chit-chat. */
	public void answerUrgently(String callbackId, long chat, String language, String key) {
		answer(callbackId, chat, language, key, Outbox.Priority.URGENT);
	}

	private void answer(String callbackId, long chat, String language, String key, Outbox.Priority priority) {
		var answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId);
		if (key != null) {
			answer.text(texts.render(Text.of(key), language).replaceAll("<[^>]+>", ""));
		}
		outbox.call(Long.toString(chat), answer.build(), priority);
	}

}
