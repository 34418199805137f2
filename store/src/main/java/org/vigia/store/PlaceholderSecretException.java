package org.vigia.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * A secret setting holds a value copied from an example instead of a secret of the network's own: a known
 * {@code VIGIA_HASH_SECRET} would make every pseudonym reversible by hashing every Telegram id, a known Redis
 * password opens the store of record. The bot and the console refuse to start ({@link Check}, before anything
 * else starts); {@link Analyzer} says why and what to do, without a stack trace; the process exits with code 2.
 */
public class PlaceholderSecretException extends IllegalArgumentException implements ExitCodeGenerator {

	/** The words of the values once shipped in .env.example and of such examples in general. */
	private static final List<String> PLACEHOLDERS = List.of("change-me", "changeme", "change_me", "replace-me",
			"your-secret", "placeholder");

	/** The secret settings, by property, with the environment variable each comes from. */
	private static final Map<String, String> SECRETS = Map.of("vigia.redis.hash-secret", "VIGIA_HASH_SECRET",
			"vigia.redis.url", "REDIS_URL", "vigia.telegram.webhook-secret", "WEBHOOK_SECRET", "vigia.admin.password",
			"ADMIN_PASSWORD");

	private final String setting;

	private PlaceholderSecretException(String setting) {
		super(setting + " is a placeholder copied from an example, not a secret");
		this.setting = setting;
	}

	/**
	 * Refuses a value that is a known placeholder.
	 * @param setting the environment variable it comes from, named in the message (never the value)
	 * @throws PlaceholderSecretException if {@code value} is a placeholder
	 */
	static void refuse(String setting, String value) {
		String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
		if (PLACEHOLDERS.stream().anyMatch(lower::contains)) {
			throw new PlaceholderSecretException(setting);
		}
	}

	/** The environment variable whose value was refused. */
	public String setting() {
		return setting;
	}

	@Override
	public int getExitCode() {
		return 2;
	}

	/**
	 * Checks every secret setting once the environment is prepared (the .env file read, logging set up),
	 * before any bean, server or embedded Redis starts.
	 */
	static final class Check implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			SECRETS.forEach((property, variable) -> refuse(variable, event.getEnvironment().getProperty(property)));
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/** Explains the refusal in the startup failure report. */
	static final class Analyzer extends AbstractFailureAnalyzer<PlaceholderSecretException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderSecretException cause) {
			return new FailureAnalysis(cause.setting() + " is set to a placeholder copied from an example (it contains "
					+ "words such as \"change-me\"). A known secret is no secret: anyone could use it.",
					"Put a long random value of your own in " + cause.setting() + " (in .env or the environment), for "
							+ "example the output of: openssl rand -hex 32. VIGIA_HASH_SECRET may also be left empty "
							+ "without REDIS_URL: the bot then generates one and keeps it under its data folder.",
					cause);
		}

	}

}
