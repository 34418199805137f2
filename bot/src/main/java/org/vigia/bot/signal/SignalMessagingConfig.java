package org.vigia.bot.signal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.chat.ChatRouter;
import org.vigia.bot.messages.Texts;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisInstances;
import org.vigia.store.RedisKeys;

/**
 * Signal as a messenger of the conversation engine, when SIGNAL_CLI_URL is set: the sending queue, the messenger
 * the engine reaches Signal addresses through, and the receive loop that hands people's messages to the engine
 * (started once everything else is up, stopped first).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${vigia.signal.url:}'.trim() != ''")
class SignalMessagingConfig {

	@Bean(destroyMethod = "close")
	SignalOutbox signalOutbox(SignalClient client, Clock clock) {
		return new SignalOutbox(client, SignalOutbox.Limits.SIGNAL, clock);
	}

	@Bean
	SignalMenus signalMenus(StringRedisTemplate redis, RedisKeys keys, Pseudonyms pseudonyms) {
		return new SignalMenus(redis, keys, pseudonyms);
	}

	/** The messaging port on Signal; numbered menus end with a line in the person's chosen language. */
	@Bean
	SignalMessenger signalMessenger(SignalOutbox outbox, SignalClient client, SignalMenus menus, Texts texts,
			RedisChatState state, Pseudonyms pseudonyms, SignalProperties properties, Clock clock) {
		var languageOf = ChatRouter.chosenLanguage(state, pseudonyms);
		return new SignalMessenger(outbox, client, menus, (to, key) -> Texts.plain(texts.render(key, languageOf.apply(to))),
				properties.account(), clock);
	}

	@Bean
	SignalInbox signalInbox(StringRedisTemplate redis, RedisKeys keys, RedisInstances instances,
			Pseudonyms pseudonyms) {
		return new SignalInbox(redis, keys, instances, pseudonyms);
	}

	@Bean
	SignalReceiver signalReceiver(SignalClient client, SignalInbox inbox, InboundHandler engine, SignalMenus menus,
			SignalProperties properties) {
		var defaults = SignalReceiver.Settings.DEFAULT;
		return new SignalReceiver(client, inbox, new SignalInbound(engine, menus),
				new SignalReceiver.Settings(properties.receiveWait(), defaults.maxMessages(), defaults.backoffCap()));
	}

	/** Receiving starts once the whole bot is up, and stops before anything it hands messages to. */
	@Bean
	SmartLifecycle signalReceiving(SignalReceiver receiver) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				receiver.start();
				running = true;
			}

			@Override
			public void stop() {
				receiver.close();
				running = false;
			}

			@Override
			public boolean isRunning() {
				return running;
			}

		};
	}

}
