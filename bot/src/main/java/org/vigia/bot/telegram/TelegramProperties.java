package org.vigia.bot.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bot reaches Telegram ({@code vigia.telegram.*}, from TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL,
 * WEBHOOK_URL and WEBHOOK_SECRET). {@link #toString()} never prints the token or the secret.
 *
 * @param token the bot token from BotFather (required)
 * @param apiUrl the Bot API server, e.g. a self-hosted one or a test double
 * @param webhookUrl public HTTPS address for webhook mode; blank: long polling
 * @param webhookSecret the secret Telegram sends with every webhook request (required in webhook mode)
 * @param webhookPath where the webhook is served
 * @param pollTimeout how long one getUpdates may wait for updates
 * @param workers threads that handle updates
 * @param requestTimeout the longest a Bot API call may take
 * @param connect whether to connect to Telegram at startup (off only in tests of other parts)
 * @param privateInterval sustained spacing of messages to one private chat (Telegram: about 1 per second)
 * @param privateBurst messages one private chat may get at once (the reply to a tap) before that spacing applies
 * @param groupInterval spacing of messages to one group or channel (Telegram: 20 per minute)
 * @param perSecond messages per second for the whole bot (Telegram allows about 30; 28 leaves room for network jitter)
 * @param giveUpAfter how long a message is retried while Telegram answers errors or nothing (an outage)
 * @param pollBackoffCap the longest pause between failed getUpdates calls
 */
@ConfigurationProperties("vigia.telegram")
public record TelegramProperties(String token, @DefaultValue("https://api.telegram.org") URI apiUrl, String webhookUrl,
		String webhookSecret, @DefaultValue("/telegram/webhook") String webhookPath,
		@DefaultValue("50s") Duration pollTimeout, @DefaultValue("4") int workers,
		@DefaultValue("15s") Duration requestTimeout, @DefaultValue("true") boolean connect,
		@DefaultValue("1s") Duration privateInterval, @DefaultValue("3") int privateBurst,
		@DefaultValue("3s") Duration groupInterval,
		@DefaultValue("28") int perSecond, @DefaultValue("15m") Duration giveUpAfter,
		@DefaultValue("5s") Duration pollBackoffCap) {

	public TelegramProperties {
		token = token == null ? "" : token.strip();
		webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
		webhookSecret = webhookSecret == null ? "" : webhookSecret.strip();
		if (!webhookUrl.isEmpty() && !webhookSecret.matches("[A-Za-z0-9_-]{16,256}")) {
			throw new IllegalArgumentException(
					"WEBHOOK_SECRET must be 16 to 256 characters of A-Z a-z 0-9 _ - when WEBHOOK_URL is set");
		}
		if (privateBurst < 1 || privateBurst > 20) {
			throw new IllegalArgumentException("TELEGRAM_PRIVATE_BURST must be between 1 and 20, was " + privateBurst);
		}
		if (workers < 1 || workers > 64) {
			throw new IllegalArgumentException("vigia.telegram.workers must be between 1 and 64, was " + workers);
		}
	}

	public boolean webhook() {
		return !webhookUrl.isEmpty();
	}

	@Override
	public String toString() {
		return "TelegramProperties[apiUrl=" + apiUrl + ", webhook=" + webhook() + ", token=(redacted)]";
	}

}
