package org.vigia.admin;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import org.vigia.store.RedisKeys;

/**
 * Console accounts in Redis ({@code {prefix}admin:user:{name}}: BCrypt hash and role). The first ADMIN
 * comes from ADMIN_USERNAME and ADMIN_PASSWORD on the first start with no account. Accounts are the
 * console's own configuration, kept until removed.
 */
@Component
public class Accounts implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	public enum Role {

		ADMIN, DISPATCHER

	}

	private final StringRedisTemplate redis;

	private final String prefix;

	private final PasswordEncoder encoder;

	private final AdminProperties properties;

	Accounts(StringRedisTemplate redis, RedisKeys keys, PasswordEncoder encoder, AdminProperties properties) {
		this.redis = redis;
		this.prefix = keys.prefix() + "admin:user:";
		this.encoder = encoder;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void bootstrap() {
		var existing = redis.keys(prefix + "*");
		if (existing != null && !existing.isEmpty()) {
			return;
		}
		if (properties.username().isEmpty() || properties.password().isEmpty()) {
			log.warn("No console account exists: set ADMIN_USERNAME and ADMIN_PASSWORD to create the first one");
			return;
		}
		String password = properties.password();
		String hash = password.startsWith("$2a$") || password.startsWith("$2b$") || password.startsWith("$2y$") ? password
				: encoder.encode(password);
		save(properties.username(), hash, Role.ADMIN);
		log.info("Created the first console account (role ADMIN) from ADMIN_USERNAME");
	}

	public void create(String username, String password, Role role) {
		if (!username.matches("[A-Za-z0-9_.-]{2,40}")) {
			throw new IllegalArgumentException("a username is 2 to 40 of A-Z a-z 0-9 _ . -");
		}
		if (password.length() < 10) {
			throw new IllegalArgumentException("a password has at least 10 characters");
		}
		save(username, encoder.encode(password), role);
	}

	private void save(String username, String hash, Role role) {
		redis.opsForHash().putAll(prefix + username, Map.of("hash", hash, "role", role.name()));
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Map<Object, Object> account = username.matches("[A-Za-z0-9_.-]{2,40}")
				? redis.opsForHash().entries(prefix + username) : Map.of();
		if (account.isEmpty()) {
			throw new UsernameNotFoundException("no such account");
		}
		return User.withUsername(username)
			.password((String) account.get("hash"))
			.roles((String) account.get("role"))
			.build();
	}

	/** The account's TOTP secret (base32), or null if it has no second factor. */
	String totpSecret(String username) {
		Object secret = redis.opsForHash().get(prefix + username, "totp");
		return secret == null ? null : secret.toString();
	}

	void enableTotp(String username, String secret) {
		redis.opsForHash().put(prefix + username, "totp", secret);
	}

	List<String> usernames() {
		var keys = redis.keys(prefix + "*");
		return keys == null ? List.of() : keys.stream().map(k -> k.substring(prefix.length())).sorted().toList();
	}

}
