package org.vigia.bot.chat;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

import org.vigia.bot.telegram.UpdateIntake;

/**
 * The answer to a person whose update the bot had no room to handle: "too busy, try again in a minute, or call
 * the hotline", once per chat per {@link #TOLD_FOR}, however many of their updates are shed meanwhile. It reads
 * nothing from Redis (under overload that would add to it): the language is the one Telegram gives with the
 * update. Thread-safe.
 */
public final class BusyReply implements UpdateIntake.Overload {

	static final Duration TOLD_FOR = Duration.ofMinutes(1);

	private final Replies replies;

	private final Cache<Long, Boolean> told = Caffeine.newBuilder()
		.expireAfterWrite(TOLD_FOR)
		.maximumSize(100_000)
		.build();

	public BusyReply(Replies replies) {
		this.replies = replies;
	}

	@Override
	public void shed(Update update) {
		long chat = UpdateChats.privateChat(update);
		if (chat == 0 || told.asMap().putIfAbsent(chat, Boolean.TRUE) != null) {
			return;
		}
		replies.say(chat, Texts.language(language(update)), "busy.tryAgain", replies.hotline());
	}

	private static String language(Update update) {
		User from = update.hasCallbackQuery() ? update.getCallbackQuery().getFrom()
				: update.hasMessage() ? update.getMessage().getFrom() : null;
		return from == null ? null : from.getLanguageCode();
	}

}
