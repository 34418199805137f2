package org.vigia.bot.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once, that the bot is up: the line operators and the end-to-end tests wait for. */
@Component
class StartupLog {

	private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		log.info("Vigía bot is up");
	}

}
