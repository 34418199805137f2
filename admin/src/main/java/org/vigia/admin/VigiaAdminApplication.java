package org.vigia.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import org.vigia.store.RedisConfig;

/** The dispatcher console: works beside the bot, through Redis only. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(RedisConfig.class)
public class VigiaAdminApplication {

	public static void main(String[] args) {
		SpringApplication.run(VigiaAdminApplication.class, args);
	}

}
