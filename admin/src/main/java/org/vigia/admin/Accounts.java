package org.vigia.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisSettings;

/**
 * Console accounts in Redis ({@code {prefix}admin:user:{name}}: BCrypt {@code hash}, {@code role},
 * optional {@code totp} sealed by {@link TotpVault}, {@code disabled}). The first ADMIN comes from
 * ADMIN_USERNAME and ADMIN_PASSWORD on the first start with no account; admins add DISPATCHER accounts in
 * the console, and the person sets their own password and second factor through a single-use link
 * ({@code {prefix}admin:setup:{sha256(token)}} → username, expiring with the link). An account without a
 * password (new or reset) cannot sign in. Accounts are the console's own configuration, kept until removed.
 */
@Component
public class Accounts implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	static final String USERNAME = "[A-Za-z0-9_.-]{2,40}";

	public enum Role {

		ADMIN, DISPATCHER

	}

	/** What the accounts page shows of an account. */
	record Summary(String username, Role role, boolean passwordSet, boolean secondFactor, boolean disabled) {
	}

	private final StringRedisTemplate redis;

	private final String prefix;

	private final String setupPrefix;

	private final PasswordEncoder encoder;

	private final AdminProperties properties;

	private final TotpVault vault;

	private final SecureRandom random = new SecureRandom();

	Accounts(StringRedisTemplate redis, RedisKeys keys, PasswordEncoder encoder, AdminProperties properties,
			RedisSettings redisSettings, RedisEndpoint endpoint) {
		this.redis = redis;
		this.prefix = keys.prefix() + "admin:user:";
		this.setupPrefix = keys.prefix() + "admin:setup:";
		this.encoder = encoder;
		this.properties = properties;
		this.vault = TotpVault.resolve(properties.totpKey(), endpoint.local(), redisSettings.dataDir());
	}

	@EventListener(ApplicationReadyEvent.class)
	void bootstrap() {
		try {
			if (!usernames().isEmpty()) {
				return;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for console accounts (Redis unreachable?): {}", ex.getClass().getSimpleName());
			return;
		}
		if (properties.username().isEmpty() || properties.password().isEmpty()) {
			log.warn("No console account exists: set ADMIN_USERNAME and ADMIN_PASSWORD to create the first one");
			return;
		}
		String password = properties.password();
		String hash = password.startsWith("$2a$") || password.startsWith("$2b$") || password.startsWith("$2y$") ? password
				: encoder.encode(password);
		redis.opsForHash().putAll(prefix + properties.username(), Map.of("hash", hash, "role", Role.ADMIN.name()));
		log.info("Created the first console account (role ADMIN) from ADMIN_USERNAME");
	}

	public void create(String username, String password, Role role) {
		checkUsername(username);
		checkPassword(password);
		redis.opsForHash().putAll(prefix + username, Map.of("hash", encoder.encode(password), "role", role.name()));
	}

	/**
	 * Adds a dispatcher without a password and returns the token of the link with which they set it (and
	 * their second factor); refuses a name already taken.
	 */
	String invite(String username) {
		checkUsername(username);
		if (!Boolean.TRUE.equals(redis.opsForHash().putIfAbsent(prefix + username, "role", Role.DISPATCHER.name()))) {
			throw new IllegalArgumentException("taken");
		}
		return newLink(username);
	}

	/** Forgets a dispatcher's password and second factor and returns the token of a new link. */
	String reset(String username) {
		dispatcher(username);
		redis.opsForHash().delete(prefix + username, "hash", "totp");
		return newLink(username);
	}

	void disable(String username, boolean disabled) {
		dispatcher(username);
		if (disabled) {
			redis.opsForHash().put(prefix + username, "disabled", "1");
		}
		else {
			redis.opsForHash().delete(prefix + username, "disabled");
		}
	}

	private void dispatcher(String username) {
		Object role = username.matches(USERNAME) ? redis.opsForHash().get(prefix + username, "role") : null;
		if (!Role.DISPATCHER.name().equals(role)) {
			throw new IllegalArgumentException("not a dispatcher account");
		}
	}

	private String newLink(String username) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		redis.opsForValue().set(setupPrefix + digest(token), username, properties.setupLinkTtl());
		return token;
	}

	/** The account a setup link is for, if the link is valid (not used, not expired). */
	Optional<String> linkFor(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
			return Optional.empty();
		}
		return Optional.ofNullable(redis.opsForValue().get(setupPrefix + digest(token)));
	}

	/**
	 * Uses a setup link once: sets the password and the second factor of its account. Empty if the link was
	 * not valid (already used, expired, or made up).
	 */
	Optional<String> completeSetup(String token, String password, String totpSecret) {
		checkPassword(password);
		if (linkFor(token).isEmpty()) {
			return Optional.empty();
		}
		String username = redis.opsForValue().getAndDelete(setupPrefix + digest(token));
		if (username == null) {
			return Optional.empty();
		}
		redis.opsForHash().putAll(prefix + username,
				Map.of("hash", encoder.encode(password), "totp", vault.seal(username, totpSecret)));
		return Optional.of(username);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Map<Object, Object> account = username.matches(USERNAME) ? redis.opsForHash().entries(prefix + username)
				: Map.of();
		if (account.isEmpty() || account.get("hash") == null) {
			throw new UsernameNotFoundException("no such account, or no password set yet");
		}
		return User.withUsername(username)
			.password((String) account.get("hash"))
			.roles((String) account.get("role"))
			.disabled(account.containsKey("disabled"))
			.build();
	}

	/** Whether this account may still be signed in (it exists, has a password, is not disabled). */
	boolean active(String username) {
		Map<Object, Object> account = redis.opsForHash().entries(prefix + username);
		return account.get("hash") != null && !account.containsKey("disabled");
	}

	/** The account's TOTP secret (base32), or null if it has no second factor. */
	String totpSecret(String username) {
		Object stored = redis.opsForHash().get(prefix + username, "totp");
		if (stored == null) {
			return null;
		}
		if (TotpVault.clear(stored.toString())) {
			// written in clear by an older console: encrypt it now
			enableTotp(username, stored.toString());
			return stored.toString();
		}
		return vault.open(username, stored.toString());
	}

	void enableTotp(String username, String secret) {
		redis.opsForHash().put(prefix + username, "totp", vault.seal(username, secret));
	}

	List<String> usernames() {
		var keys = redis.keys(prefix + "*");
		return keys == null ? List.of() : keys.stream().map(k -> k.substring(prefix.length())).sorted().toList();
	}

	List<Summary> all() {
		return usernames().stream().map(name -> {
			Map<Object, Object> a = redis.opsForHash().entries(prefix + name);
			Role role = Role.DISPATCHER.name().equals(a.get("role")) ? Role.DISPATCHER : Role.ADMIN;
			return new Summary(name, role, a.get("hash") != null, a.get("totp") != null, a.containsKey("disabled"));
		}).toList();
	}

	private static void checkUsername(String username) {
		if (username == null || !username.matches(USERNAME)) {
			throw new IllegalArgumentException("a username is 2 to 40 of A-Z a-z 0-9 _ . -");
		}
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < 10 || password.length() > 200) {
			throw new IllegalArgumentException("a password has 10 to 200 characters");
		}
	}

	private static String digest(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
