package org.vigia.bot.config;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import org.vigia.bot.dispatcher.SignalCaptcha;
import org.vigia.bot.messages.Messengers;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.signal.SignalOutbox;
import org.vigia.core.messaging.Messenger;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;

/**
 * The one messenger the engine holds: every adapter this bot runs (Telegram, Signal, each present when its
 * settings are), routed by the address's transport; and Signal's captcha demands, told to dispatchers.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfig {

	/** The adapters are the other {@link Messenger} beans; Spring leaves this one out of its own list. */
	@Bean
	@Primary
	Messengers messengers(List<Messenger> adapters) {
		return new Messengers(adapters);
	}

	/**
	 * Dispatchers hear of a captcha demand as soon as Signal makes it, and solve it by pasting the link in their
	 * chat; without Signal there is never one.
	 */
	@Bean
	SignalCaptcha signalCaptcha(Replies replies, BotProperties bot, RedisChatState state, Pseudonyms pseudonyms,
			ObjectProvider<SignalOutbox> signal) {
		SignalOutbox outbox = signal.getIfAvailable();
		if (outbox == null) {
			return new SignalCaptcha(replies, ChatConfig.dispatchers(bot), ChatConfig.languageOf(state, pseudonyms),
					SignalCaptcha.NO_SIGNAL);
		}
		var captcha = new SignalCaptcha(replies, ChatConfig.dispatchers(bot), ChatConfig.languageOf(state, pseudonyms),
				solution -> switch (outbox.solve(solution)) {
					case ACCEPTED -> SignalCaptcha.Outcome.ACCEPTED;
					case REJECTED -> SignalCaptcha.Outcome.REJECTED;
					case NOT_NEEDED -> SignalCaptcha.Outcome.NOT_NEEDED;
					case UNAVAILABLE -> SignalCaptcha.Outcome.UNAVAILABLE;
				});
		outbox.onChallenge(challenge -> captcha.demanded(challenge.held()));
		return captcha;
	}

}
