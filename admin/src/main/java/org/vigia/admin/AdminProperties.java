package org.vigia.admin;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings ({@code vigia.admin.*}, from ADMIN_USERNAME, ADMIN_PASSWORD, …).
 *
 * @param username the first admin account, created on first start when no account exists
 * @param password its password, plain or a BCrypt hash ({@code $2a$…}); never logged
 * @param maxFailures failed logins allowed per user and address before that pair has to wait
 * @param lockout the longest wait of a user and address after repeated failures (the first wait is 30 s
 * and doubles with each further failure)
 * @param trustedProxies addresses (or CIDR ranges) of the reverse proxies whose {@code X-Forwarded-For}
 * is believed; from anyone else the header is ignored (ADMIN_TRUSTED_PROXIES)
 * @param totpKey the AES key (base64, 32 bytes) that encrypts second-factor secrets in Redis
 * (ADMIN_TOTP_KEY); required with REDIS_URL, generated under the data folder with the embedded Redis
 * @param setupLinkTtl how long a link to set a new account's password stays valid
 * @param timezone the network's time zone, the same setting and rule as the bot's (VIGIA_TIMEZONE; empty: the
 * system's zone)
 */
@ConfigurationProperties("vigia.admin")
public record AdminProperties(String username, String password, @DefaultValue("5") int maxFailures,
		@DefaultValue("15m") Duration lockout, List<String> trustedProxies, String totpKey,
		@DefaultValue("48h") Duration setupLinkTtl, String timezone) {

	public AdminProperties {
		username = username == null ? "" : username.strip();
		password = password == null ? "" : password;
		trustedProxies = trustedProxies == null ? List.of()
				: trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		totpKey = totpKey == null ? "" : totpKey.strip();
		timezone = timezone == null || timezone.isBlank() ? ZoneId.systemDefault().getId()
				: ZoneId.of(timezone.strip()).getId();
		if (maxFailures < 1) {
			throw new IllegalArgumentException("vigia.admin.max-failures must be at least 1, was " + maxFailures);
		}
	}

	/** The zone every time in the console is shown in. */
	public ZoneId zone() {
		return ZoneId.of(timezone);
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + username + ", password=(redacted), totpKey=(redacted), trustedProxies="
				+ trustedProxies + "]";
	}

}
