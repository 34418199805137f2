package org.vigia.bot;

import org.vigia.bot.telegram.MissingTokenException;
import org.vigia.store.RedisConfig;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The Vigía bot: Telegram chat flows, verification and channel alerts, on Redis. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(RedisConfig.class)
public class VigiaBotApplication {

	public static void main(String[] args) {
		try {
			SpringApplication.run(VigiaBotApplication.class, args);
		}
		catch (RuntimeException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof MissingTokenException missing) {
					System.err.println(MissingTokenException.HELP);
					System.exit(missing.getExitCode());
				}
			}
			throw ex;
		}
	}

}
