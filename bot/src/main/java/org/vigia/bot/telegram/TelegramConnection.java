package org.vigia.bot.telegram;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
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

	private final TelegramReach reach;

	private TelegramBotsLongPollingApplication polling;

	/** When long polling last asked for updates or finished handling a batch. */
	private volatile long lastPoll = System.nanoTime();

	private volatile boolean consuming;

	private java.util.concurrent.ScheduledFuture<?> watchdog;

	private volatile boolean running;

	/** @param reach told whether each call to the Bot API got an answer (what the health says) */
	public TelegramConnection(TelegramProperties properties, TelegramUrl url, TelegramClient client, OkHttpClient http,
			UpdateIntake intake, TelegramReach reach) {
		this.reach = reach;
		this.properties = properties;
		this.url = url;
		this.client = client;
		this.http = http;
		this.intake = intake;
	}

	private final java.util.concurrent.ScheduledExecutorService retries = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor(r -> {
			var thread = new Thread(r, "vigia-telegram-connect");
			thread.setDaemon(true);
			return thread;
		});

	/**
	 * Connects, and if Telegram cannot be reached yet keeps trying every 30 seconds instead of failing:
	 * the bot's health, its deadlines and the console keep working while the network comes back.
	 */
	@Override
	public void start() {
		running = true;
		retries.execute(this::connect);
	}

	private void connect() {
		if (!running) {
			return;
		}
		try {
			if (properties.webhook()) {
				client.execute(SetWebhook.builder()
					.url(properties.webhookUrl())
					.secretToken(properties.webhookSecret())
					.allowedUpdates(UPDATES)
					.build());
				reach.answered();
				if (watchdog == null) {
					// nothing else calls Telegram while nobody writes: ask it something, so that health knows
					watchdog = retries.scheduleWithFixedDelay(this::probe, TelegramReach.PROBE_EVERY.toSeconds(),
							TelegramReach.PROBE_EVERY.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
				}
				log.info("Receiving updates by webhook");
			}
			else {
				client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
				reach.answered();
				int timeout = (int) properties.pollTimeout().toSeconds();
				polling = new TelegramBotsLongPollingApplication(() -> JSON, () -> http, TelegramConnection::pollingThread,
						() -> new PollBackOff(properties.pollBackoffCap().toMillis(), reach));
				polling.registerBot(properties.token(), () -> url, last -> {
					lastPoll = System.nanoTime();
					return new TolerantGetUpdates(last + 1, timeout, UPDATES);
				}, this::consume);
				lastPoll = System.nanoTime();
				if (watchdog == null) {
					watchdog = retries.scheduleWithFixedDelay(this::watch, 15, 15, java.util.concurrent.TimeUnit.SECONDS);
				}
				log.info("Receiving updates by long polling");
			}
		}
		catch (Exception ex) {
			reach.failed();
			// never log the exception's text: a BotSession's or request's description can hold the token
			log.error("Could not connect to the Telegram Bot API ({}); check TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL."
					+ " Trying again in 30 s", ex.getClass().getSimpleName());
			if (polling != null) {
				try {
					polling.close();
				}
				catch (Exception closing) {
					// already failing: nothing more to do with it
				}
				polling = null;
			}
			retries.schedule(this::connect, 30, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	private void consume(java.util.List<org.telegram.telegrambots.meta.api.objects.Update> updates) {
		consuming = true;
		try {
			intake.consume(updates);
		}
		finally {
			consuming = false;
			lastPoll = System.nanoTime();
		}
	}

	/**
	 * The library's polling task ends for good, without a word, if anything in it throws a RuntimeException
	 * (a null list of updates did, once). If no getUpdates started for longer than a poll, its read timeout
	 * and a backoff can explain, polling is started again.
	 */
	private void watch() {
		long quiet = System.nanoTime() - lastPoll;
		long allowed = properties.pollTimeout().plusSeconds(45).toNanos();
		if (!running || polling == null || consuming || quiet < allowed) {
			return;
		}
		log.error("Long polling stopped asking Telegram for updates {} s ago; starting it again",
				java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(quiet));
		try {
			polling.close();
		}
		catch (Exception ex) {
			// it is being replaced
		}
		polling = null;
		connect();
	}

	/** With a webhook: one getMe, whose answer (or none) tells {@link TelegramReach} whether Telegram is there. */
	private void probe() {
		if (!running) {
			return;
		}
		try {
			client.execute(GetMe.builder().build());
			reach.answered();
		}
		catch (Exception ex) {
			// never log the exception's text (see connect); the health says it
			reach.failed();
		}
	}

	/** The library's default polling thread is never shut down; ours is a named daemon. */
	private static java.util.concurrent.ScheduledExecutorService pollingThread() {
		return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
			var thread = new Thread(r, "vigia-polling");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void stop() {
		running = false;
		retries.shutdownNow();
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
