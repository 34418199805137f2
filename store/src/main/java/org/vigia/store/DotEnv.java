package org.vigia.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads {@code ./.env} (the working directory's, as {@code .env.example} describes it) as if each of its lines
 * were an environment variable: {@code VIGIA_TELEGRAM_WORKERS=8} sets {@code vigia.telegram.workers} exactly
 * as the environment variable of that name would, and {@code TELEGRAM_BOT_TOKEN=…} fills the placeholders
 * that name it. A real environment variable wins over the file's line; a missing file is no error.
 *
 * <p>Design note: loaded as a plain properties file (Spring's config import), the file's names were matched
 * only as written, so settings without a placeholder in {@code application.yml} (most {@code VIGIA_*} ones)
 * were silently ignored outside Docker, where {@code env_file} made them real environment variables. A
 * {@link SystemEnvironmentPropertySource} gets the environment's relaxed binding.
 */
public final class DotEnv implements EnvironmentPostProcessor, Ordered {

	static final String NAME = "dotenv";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		attach(environment, Path.of(".env"));
	}

	/** Adds the file's lines right after the real environment, if the file exists. */
	static void attach(ConfigurableEnvironment environment, Path file) {
		if (!Files.isRegularFile(file)) {
			return;
		}
		var source = new SystemEnvironmentPropertySource(NAME, read(file));
		var sources = environment.getPropertySources();
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addLast(source);
		}
	}

	private static Map<String, Object> read(Path file) {
		var lines = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			lines.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the settings file .env", ex);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		lines.stringPropertyNames().forEach(name -> values.put(name, lines.getProperty(name)));
		return values;
	}

	/** After the environment is in place, before the configuration files (and {@link SentinelEnvironment}). */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

}
