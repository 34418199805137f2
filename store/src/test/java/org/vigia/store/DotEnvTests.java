package org.vigia.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class DotEnvTests {

	@TempDir
	Path dir;

	@Test
	void aLineOfDotEnvSetsASettingJustAsTheEnvironmentVariableOfThatNameWould() throws IOException {
		var environment = environment(Map.of());
		DotEnv.attach(environment, write("""
				# the bot's workers, written as .env.example writes them
				VIGIA_TELEGRAM_WORKERS=8
				TELEGRAM_BOT_TOKEN=123456:from-the-file
				"""));

		assertThat(Binder.get(environment).bind("vigia.telegram.workers", String.class).orElse(null)).isEqualTo("8");
		assertThat(environment.resolvePlaceholders("${TELEGRAM_BOT_TOKEN:}")).isEqualTo("123456:from-the-file");
	}

	@Test
	void aRealEnvironmentVariableWinsOverTheFile() throws IOException {
		var environment = environment(Map.of("VIGIA_TELEGRAM_WORKERS", "4"));
		DotEnv.attach(environment, write("VIGIA_TELEGRAM_WORKERS=8\n"));

		assertThat(Binder.get(environment).bind("vigia.telegram.workers", String.class).orElse(null)).isEqualTo("4");
	}

	@Test
	void withoutAFileNothingChanges() {
		var environment = environment(Map.of());
		int before = environment.getPropertySources().size();

		DotEnv.attach(environment, dir.resolve(".env"));

		assertThat(environment.getPropertySources().size()).isEqualTo(before);
	}

	private Path write(String text) throws IOException {
		return Files.writeString(dir.resolve(".env"), text);
	}

	/** An environment whose real environment variables are {@code variables} only. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

}
