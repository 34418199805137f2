package org.vigia.bot.signal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bot reaches signal-cli ({@code vigia.signal.*}, from SIGNAL_CLI_URL and SIGNAL_ACCOUNT). Both empty:
 * no Signal. {@link #toString()} never prints the account (the bot's phone number).
 *
 * @param url signal-cli's HTTP interface, e.g. {@code http://signal-cli:8080}; empty for none
 * @param account the bot's account in signal-cli, its phone number in international format ({@code +1…})
 * @param requestTimeout the longest one call to signal-cli may take (a receive adds its own wait)
 * @param receiveWait how long signal-cli waits after the last message before it answers a {@code receive}: the
 * delay before a message is handled, and how often the bot asks while nothing comes (100 ms to 5 minutes)
 */
@ConfigurationProperties("vigia.signal")
public record SignalProperties(String url, String account, @DefaultValue("15s") Duration requestTimeout,
		@DefaultValue("1s") Duration receiveWait) {

	public SignalProperties {
		url = url == null ? "" : url.strip();
		account = account == null ? "" : account.strip();
		if (!url.isEmpty()) {
			if (!url.startsWith("http://") && !url.startsWith("https://")) {
				throw new IllegalArgumentException("SIGNAL_CLI_URL must start with http:// or https://");
			}
			URI.create(url);
			if (!account.matches("\\+[1-9][0-9]{6,14}")) {
				throw new IllegalArgumentException(
						"SIGNAL_ACCOUNT must be the bot's Signal number in international format (+ and 7 to 15 digits)"
								+ " when SIGNAL_CLI_URL is set");
			}
		}
		else if (!account.isEmpty()) {
			throw new IllegalArgumentException("SIGNAL_ACCOUNT is set but SIGNAL_CLI_URL is not");
		}
		if (receiveWait == null || receiveWait.toMillis() < 100 || receiveWait.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("SIGNAL_RECEIVE_WAIT must be between 100ms and 5m, was " + receiveWait);
		}
		if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
			throw new IllegalArgumentException("vigia.signal.request-timeout must be positive, was " + requestTimeout);
		}
	}

	/** Whether Signal is configured at all. */
	public boolean enabled() {
		return !url.isEmpty();
	}

	@Override
	public String toString() {
		return "SignalProperties[" + (enabled() ? "url=" + url : "off") + ", account=(redacted)]";
	}

}
