package org.vigia.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings ({@code vigia.admin.*}, from ADMIN_USERNAME, ADMIN_PASSWORD, …).
 *
 * @param username the first admin account, created on first start when no account exists
 * @param password its password, plain or a BCrypt hash ({@code $2a$…}); never logged
 * @param maxFailures failed logins allowed per user and address before the login is locked
 * @param lockout how long a locked login stays locked
 */
@ConfigurationProperties("vigia.admin")
public record AdminProperties(String username, String password, @DefaultValue("5") int maxFailures,
		@DefaultValue("15m") Duration lockout) {

	public AdminProperties {
		username = username == null ? "" : username.strip();
		password = password == null ? "" : password;
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + username + ", password=(redacted)]";
	}

}
