package org.vigia.bot.telegram;

import java.util.concurrent.TimeUnit;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Telegram client and the outbox, built from our own settings (never from library defaults). */
@Configuration(proxyBeanMethods = false)
class TelegramConfig {

	@Bean
	TelegramUrl telegramUrl(TelegramProperties properties) {
		if (properties.token().isEmpty()) {
			throw new MissingTokenException();
		}
		var url = properties.apiUrl();
		int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
		return new TelegramUrl(url.getScheme(), url.getHost(), port, false);
	}

	@Bean(destroyMethod = "")
	OkHttpClient telegramHttp(TelegramProperties properties) {
		return http(properties.pollTimeout().toSeconds());
	}

	/**
	 * OkHttp queues calls beyond 5 per host and releases them in bursts, which would break the outbox's
	 * even pacing: allow enough concurrent calls that none wait in OkHttp.
	 */
	static OkHttpClient http(long pollSeconds) {
		var dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(128);
		dispatcher.setMaxRequestsPerHost(64);
		return new OkHttpClient.Builder().dispatcher(dispatcher)
			.connectTimeout(10, TimeUnit.SECONDS)
			.readTimeout(pollSeconds + 15, TimeUnit.SECONDS)
			.writeTimeout(30, TimeUnit.SECONDS)
			.build();
	}

	@Bean
	TelegramClient telegramClient(OkHttpClient http, TelegramProperties properties, TelegramUrl url) {
		return new OkHttpTelegramClient(http, properties.token(), url);
	}

	@Bean(destroyMethod = "close")
	Outbox outbox(TelegramClient client, TelegramProperties properties) {
		var limits = new Outbox.Limits(properties.perSecond(), properties.privateInterval(), properties.groupInterval(),
				Outbox.Limits.TELEGRAM.attempts(), properties.requestTimeout());
		return new Outbox(client, limits);
	}

	@Bean
	TelegramFiles telegramFiles(TelegramClient client, OkHttpClient http, TelegramUrl url, TelegramProperties properties) {
		return new TelegramFiles(client, http, url, properties.token(), properties.requestTimeout());
	}

}
