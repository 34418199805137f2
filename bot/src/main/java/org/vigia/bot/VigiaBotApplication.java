package org.vigia.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Vigía bot: Telegram chat flows, verification and channel alerts, on Redis. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigiaBotApplication {

	public static void main(String[] args) {
		SpringApplication.run(VigiaBotApplication.class, args);
	}

}
