package org.vigia.bot.chat;

import org.vigia.bot.messages.Texts;
import org.vigia.bot.messages.Replies;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;

/**
 * The answer to a person whose update the bot had no room to handle: "too busy, try again in a minute, or call
 * the hotline", once per chat per {@link #TOLD_FOR}, however many of their updates are shed meanwhile. It reads
 * nothing from Redis (under overload that would add to it): the language is the one the messenger gives with the
 * input. Thread-safe.
 */
final class BusyReply {

	static final Duration TOLD_FOR = Duration.ofMinutes(1);

	private final Replies replies;

	private final Cache<Address, Boolean> told = Caffeine.newBuilder()
		.expireAfterWrite(TOLD_FOR)
		.maximumSize(100_000)
		.build();

	BusyReply(Replies replies) {
		this.replies = replies;
	}

	void shed(Inbound input) {
		Address chat = input.from();
		if (!chat.isPerson() || told.asMap().putIfAbsent(chat, Boolean.TRUE) != null) {
			return;
		}
		replies.say(chat, Texts.language(input.language()), "busy.tryAgain", replies.hotline());
	}

}
