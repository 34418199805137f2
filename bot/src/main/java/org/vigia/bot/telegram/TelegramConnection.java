package org.vigia.bot.telegram;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.context.SmartLifecycle;

/**
 * Connects the bot to Telegram once everything else is up: long polling by default, or registering the
 * webhook when WEBHOOK_URL is set. Stops polling first on shutdown, then lets the workers drain.
 */
public final class TelegramConnection implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramConnection.class);

	static final List<String> UPDATES = List.of("message", "edited_message", "callback_query");

	/** The library's Jackson 2 mapper, tolerant of fields newer than the library. */
	public static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final TelegramProperties properties;

	private final TelegramUrl url;

	private final TelegramClient client;

	private final OkHttpClient http;

	private final UpdateIntake intake;

	private TelegramBotsLongPollingApplication polling;

	private volatile boolean running;

	public TelegramConnection(TelegramProperties properties, TelegramUrl url, TelegramClient client, OkHttpClient http,
			UpdateIntake intake) {
		this.properties = properties;
		this.url = url;
		this.client = client;
		this.http = http;
		this.intake = intake;
	}

	@Override
	public void start() {
		try {
			if (properties.webhook()) {
				client.execute(SetWebhook.builder()
					.url(properties.webhookUrl())
					.secretToken(properties.webhookSecret())
					.allowedUpdates(UPDATES)
					.build());
				log.info("Receiving updates by webhook");
			}
			else {
				client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
				int timeout = (int) properties.pollTimeout().toSeconds();
				polling = new TelegramBotsLongPollingApplication(() -> JSON, () -> http);
				polling.registerBot(properties.token(), () -> url,
						last -> GetUpdates.builder().offset(last + 1).timeout(timeout).allowedUpdates(UPDATES).build(),
						intake);
				log.info("Receiving updates by long polling");
			}
			running = true;
		}
		catch (Exception ex) {
			// never log the exception's text: a BotSession's or request's description can hold the token
			throw new IllegalStateException("could not connect to the Telegram Bot API (" + ex.getClass().getSimpleName()
					+ "); check TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL");
		}
	}

	@Override
	public void stop() {
		running = false;
		if (polling != null) {
			try {
				polling.close();
			}
			catch (Exception ex) {
				log.warn("Stopping long polling failed: {}", ex.getClass().getSimpleName());
			}
		}
		intake.close();
	}

	@Override
	public boolean isAutoStartup() {
		return properties.connect();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// after the web server (webhook) and Redis are up, before them on the way down
		return Integer.MAX_VALUE - 100;
	}

}
